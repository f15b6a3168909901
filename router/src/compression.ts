/**
 * The router's answers compressed as the client accepts (brotli first, then gzip), like the shell's files: a
 * commune list or a commune's slice is several KB of JSON, which a phone on a slow network feels. Small answers
 * (under `MIN_COMPRESSED_BYTES`) go as they are: compressing them saves nothing worth the CPU.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const MIN_COMPRESSED_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  // Quality 5: most of brotli's gain at a few ms per answer (11, for files built once, costs ~100× more).
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
};

/** The coding to use for an `Accept-Encoding` header (q-values respected, `*` understood), or none. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Encoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((coding) => weightOf(coding) > 0);
  return best.sort((a, b) => weightOf(b) - weightOf(a))[0];
}

/** Adds `accept-encoding` to the response's `Vary` (keeping `origin` and any other the runtime set). */
function varyOnEncoding(res: ServerResponse): void {
  const current = res.getHeader('vary');
  const names = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes('*') || names.some((name) => name.toLowerCase() === 'accept-encoding')) return;
  res.setHeader('vary', [...names, 'accept-encoding'].join(', '));
}

/**
 * Ends `res` with `body`, compressed when the client accepts brotli or gzip and the body is large enough. The
 * status and the other headers are set before; a body the runtime already encoded is sent as it is.
 */
export async function sendBody(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  varyOnEncoding(res);
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  if (!encoding || body.length < MIN_COMPRESSED_BYTES || res.hasHeader('content-encoding')) {
    res.setHeader('content-length', body.length);
    res.end(body);
    return;
  }
  const compressed = await compressors[encoding](body);
  res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', compressed.length);
  res.end(compressed);
}
