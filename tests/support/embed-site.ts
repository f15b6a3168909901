/**
 * A commune's own website on another origin than the portal (127.0.0.1 on a free port, where the portal is
 * `localhost`): it serves pages whose `<head>` and `<main>` a test or a benchmark writes, as a webmaster would
 * paste a snippet. The router must allow its origin (startStack's `corsOrigins`).
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export interface EmbedSite {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The URL of the page last written with `setPage`. */
  readonly url: string;
  /** Writes the page at `path` (default `/`): a complete, accessible document around `head` and `main`. */
  setPage(title: string, head: string, main: string, options?: { path?: string; lang?: string }): string;
  close(): Promise<void>;
}

export function embedPage(title: string, head: string, main: string, lang = 'fr'): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body><main><h1>${title}</h1>
${main}
</main></body></html>`;
}

/**
 * Starts the site on `port` (default: a free one). With `folder`, it also serves the `.html` files there: the
 * browser tests' workers write their pages into it (the global setup starts one site for all of them).
 */
export async function startEmbedSite(port = 0, folder?: string): Promise<EmbedSite> {
  const pages = new Map<string, string>();
  const fromFolder = async (path: string) => {
    if (!folder || !path.endsWith('.html')) return undefined;
    const file = normalize(join(folder, path));
    if (!file.startsWith(`${folder}/`)) return undefined;
    return await readFile(file, 'utf8').catch(() => undefined);
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://embed.invalid').pathname;
    void (async () => {
      const page = pages.get(path) ?? (await fromFolder(path));
      if (!page) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    })();
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let last = '/';
  return {
    origin,
    get url() {
      return `${origin}${last}`;
    },
    setPage(title, head, main, options = {}) {
      last = options.path ?? '/';
      pages.set(last, embedPage(title, head, main, options.lang));
      return `${origin}${last}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
