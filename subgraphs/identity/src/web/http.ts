/** Plain-HTML plumbing of the identity pages: language, same-origin check, form bodies, responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLanguage, type Language, negotiateLanguage } from '@gemeng/subgraph-kit';
import { layout } from './pages.ts';

const MAX_FORM_BYTES = 16_384;

export function pick(requested: string | null | undefined, req: IncomingMessage): Language {
  return isLanguage(requested) ? requested : negotiateLanguage(req.headers['accept-language']);
}

export function sameOrigin(req: IncomingMessage, origin: string): boolean {
  const given = req.headers.origin;
  if (given && given !== 'null') return given === origin;
  // An opaque origin (privacy settings, sandboxed frames) or none: rely on Fetch Metadata.
  if (given === 'null') return req.headers['sec-fetch-site'] === 'same-origin';
  // Browsers send Origin on every POST; without it, fall back on Fetch Metadata.
  return req.headers['sec-fetch-site'] !== 'cross-site';
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export interface PageOptions {
  /** Extra response headers, e.g. Retry-After on a 429. */
  headers?: Record<string, string>;
  /** The language links, when `?lang=` alone would lose the page's query (a link's token). */
  languageLink?: (lang: Language) => string;
}

export function page(
  res: ServerResponse,
  lang: Language,
  title: string,
  body: string,
  status = 200,
  uid?: string,
  options: PageOptions = {},
): true {
  const links =
    options.languageLink ?? ((other: Language) => (uid ? `/interaction/${uid}?lang=${other}` : `?lang=${other}`));
  send(res, status, layout(lang, title, body, links), options.headers);
  return true;
}

export function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    // Not no-referrer: with it, browsers post these forms with `Origin: null`, which sameOrigin() must refuse.
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}
