import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptedEncodings, compress, type Encoding, isCompressible } from './encoding.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Widgets and the loader are loaded as module scripts by other origins' pages, which fetch them in CORS mode. */
export const CROSS_ORIGIN_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

/** A strong ETag from the content (the same bytes after a rebuild keep their ETag). */
export function etagOf(content: string | Buffer): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 22)}"`;
}

/** If-None-Match (weak comparison, RFC 9110 §13.1.2): a list of tags, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

type Loader = () => Promise<Buffer | undefined>;

/**
 * One response body and its compressed forms. Each form is made (or read from a precompressed sibling) once,
 * when first asked for, and kept; a form that would not be smaller is not used.
 */
export class Resource {
  readonly etag: string;
  readonly compressible: boolean;
  readonly #variants = new Map<Encoding, Promise<Buffer | undefined>>();
  readonly #precompressed: Partial<Record<Encoding, Loader>>;

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    options: { etag?: string; precompressed?: Partial<Record<Encoding, Loader>> } = {},
  ) {
    this.etag = options.etag ?? etagOf(body);
    this.compressible = isCompressible(contentType);
    this.#precompressed = options.precompressed ?? {};
  }

  static text(text: string, contentType: string): Resource {
    return new Resource(Buffer.from(text), contentType);
  }

  /** Bytes held in memory (for the file cache's budget). */
  get size(): number {
    return this.body.length;
  }

  variant(encoding: Encoding): Promise<Buffer | undefined> {
    let variant = this.#variants.get(encoding);
    if (!variant) {
      const load = this.#precompressed[encoding];
      variant = (load ? load() : Promise.resolve(undefined))
        .then((stored) => stored ?? compress(this.body, encoding))
        .then((compressed) => (compressed.length < this.body.length ? compressed : undefined));
      this.#variants.set(encoding, variant);
    }
    return variant;
  }

  /** The best form for a request: the first accepted coding that makes it smaller, else the plain body. */
  async negotiate(acceptEncoding: string | undefined): Promise<{ body: Buffer; encoding?: Encoding; etag: string }> {
    if (this.compressible) {
      for (const encoding of acceptedEncodings(acceptEncoding)) {
        const body = await this.variant(encoding);
        if (body) return { body, encoding, etag: this.etag.replace(/"$/, `-${encoding}"`) };
      }
    }
    return { body: this.body, etag: this.etag };
  }
}

/**
 * Sends a resource in the form the request accepts, or 304 when the client holds it (If-None-Match). With another
 * status than 200 (a page's 404) the ETag and If-None-Match do not apply (RFC 9110 §13.2.1).
 */
export async function sendResource(
  req: IncomingMessage,
  res: ServerResponse,
  resource: Resource,
  headers: Readonly<Record<string, string>>,
  status = 200,
): Promise<void> {
  const { body, encoding, etag } = await resource.negotiate(req.headers['accept-encoding']);
  const all: Record<string, string> = {
    ...BASE_HEADERS,
    'content-type': resource.contentType,
    ...headers,
    etag,
    ...(resource.compressible ? { vary: 'accept-encoding' } : {}),
    ...(encoding ? { 'content-encoding': encoding } : {}),
  };
  if (status !== 200) delete all.etag;
  else if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    delete all['content-encoding'];
    res.writeHead(304, all).end();
    return;
  }
  res.writeHead(status, { ...all, 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A short plain-text answer (404, 405, health), never cached by proxies as a file. */
export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = Buffer.from(text);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    ...headers,
    'content-length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
