import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ShellOptions {
  /** 0 picks a free port (tests). Default 8080. */
  readonly port?: number;
  readonly host?: string;
  /** Public GraphQL endpoint, injected into pages and /embed.js, and allowed by the CSP's connect-src. */
  readonly routerUrl?: string;
  /**
   * OpenID Connect issuer (GEMENG_OIDC_ISSUER): injected into pages (`<meta name="gemeng:oidc-issuer">`) and
   * /embed.js, and allowed by the CSP's connect-src (discovery, token, revocation). Without it: no sign-in.
   */
  readonly oidcIssuer?: string;
  /** Built shell (index.html, assets). Default: shell/dist. */
  readonly shellDist?: string;
  /** Folders served under /widgets/. Default: every frontends/<package>/dist that exists. */
  readonly widgetDirs?: readonly string[];
  readonly log?: (line: string) => void;
}

export interface RunningShell {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly routerUrl: string;
  readonly oidcIssuer: string | undefined;
  close(): Promise<void>;
}

/** Start-up failures with a message meant for a terminal; `code` is Node's (EADDRINUSE) or MISSING_BUILD. */
export class ShellStartError extends Error {
  override readonly name = 'ShellStartError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const DEFAULT_SHELL_PORT = 8080;
export const DEFAULT_SHELL_HOST = '127.0.0.1';
export const DEFAULT_ROUTER_URL = 'http://127.0.0.1:4000/graphql';
const ENDPOINT_PLACEHOLDER = '__GEMENG_GRAPHQL_ENDPOINT__';
const ISSUER_PLACEHOLDER = '__GEMENG_OIDC_ISSUER__';

const here = fileURLToPath(new URL('.', import.meta.url));
const defaultShellDist = resolve(here, '../dist');
const frontendsDir = resolve(here, '../../frontends');

function defaultWidgetDirs(): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(frontendsDir);
  } catch {
    return [];
  }
  return names
    .map((name) => join(frontendsDir, name, 'dist'))
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    });
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
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

/** Vite names built assets `<name>-<hash>.<ext>`: their content never changes under that name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Widgets are loaded as module scripts by other origins' pages, which fetch them in CORS mode. */
const CROSS_ORIGIN_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
};

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An absolute URL's origin for connect-src; a relative URL is same-origin ('self'). */
function connectSource(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "'self'";
  }
}

/** Hashes of the page's inline scripts (the import map), so the CSP needs no 'unsafe-inline'. */
function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
    );
  }
  return hashes;
}

/**
 * The page's CSP. With an issuer, `connect-src` also allows its origin: the page fetches discovery and calls the
 * token and revocation endpoints. Signing in and out are top-level navigations (not limited by CSP); the page
 * posts no form to the issuer, so `form-action` stays 'self'.
 */
export function contentSecurityPolicy(
  routerUrl: string,
  scriptHashes: readonly string[] = [],
  oidcIssuer?: string,
): string {
  const connect = [
    ...new Set(["'self'", connectSource(routerUrl), ...(oidcIssuer ? [connectSource(oidcIssuer)] : [])]),
  ];
  return [
    "default-src 'none'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Resolves a URL path inside `root`, or undefined for traversal attempts and malformed escapes. */
function safeJoin(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

async function fileStat(path: string) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

export async function startShell(options: ShellOptions = {}): Promise<RunningShell> {
  const port = options.port ?? DEFAULT_SHELL_PORT;
  const host = options.host ?? DEFAULT_SHELL_HOST;
  const routerUrl = options.routerUrl ?? DEFAULT_ROUTER_URL;
  const oidcIssuer = options.oidcIssuer?.replace(/\/+$/, '') || undefined;
  const shellDist = resolve(options.shellDist ?? defaultShellDist);
  const widgetDirs = (options.widgetDirs ?? defaultWidgetDirs()).map((dir) => resolve(dir));
  const log = options.log ?? ((line: string) => console.log(line));

  const indexPath = join(shellDist, 'index.html');
  if (!(await fileStat(indexPath))) {
    throw new ShellStartError(
      `${indexPath} is missing: run "npm run build -w @gemeng/frontend-identity -w @gemeng/shell" first.`,
      'MISSING_BUILD',
    );
  }

  // The page is rendered once per build: re-read only when index.html changes (a rebuild while running).
  let page: { mtimeMs: number; html: string; csp: string } | undefined;
  async function renderIndex(): Promise<{ html: string; csp: string }> {
    const info = await stat(indexPath);
    if (!page || page.mtimeMs !== info.mtimeMs) {
      const html = (await readFile(indexPath, 'utf8'))
        .replaceAll(ENDPOINT_PLACEHOLDER, escapeAttribute(routerUrl))
        .replaceAll(ISSUER_PLACEHOLDER, escapeAttribute(oidcIssuer ?? ''));
      page = {
        mtimeMs: info.mtimeMs,
        html,
        csp: contentSecurityPolicy(routerUrl, inlineScriptHashes(html), oidcIssuer),
      };
    }
    return page;
  }

  async function widgetFiles(): Promise<{ name: string; path: string }[]> {
    const files: { name: string; path: string }[] = [];
    for (const dir of widgetDirs) {
      try {
        for (const name of readdirSync(dir)) if (name.endsWith('.js')) files.push({ name, path: join(dir, name) });
      } catch {
        // A package without a build yet: it simply has no widgets to offer.
      }
    }
    return files;
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: string | Buffer,
  ): void {
    const buffer = typeof body === 'string' ? Buffer.from(body) : body;
    const etag = headers.etag;
    if (status === 200 && etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...BASE_HEADERS, ...headers }).end();
      return;
    }
    res.writeHead(status, { ...BASE_HEADERS, ...headers, 'content-length': String(buffer.length) });
    res.end(req.method === 'HEAD' ? undefined : buffer);
  }

  function etagOf(content: string | Buffer): string {
    return `"${createHash('sha1').update(content).digest('base64url').slice(0, 22)}"`;
  }

  async function sendIndex(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { html, csp } = await renderIndex();
    send(
      req,
      res,
      200,
      {
        'content-type': CONTENT_TYPES['.html']!,
        'cache-control': 'no-cache',
        'content-security-policy': csp,
        etag: etagOf(html),
      },
      html,
    );
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    headers: Record<string, string>,
  ): Promise<boolean> {
    const info = await fileStat(path);
    if (!info) return false;
    const content = await readFile(path);
    send(
      req,
      res,
      200,
      {
        'content-type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        etag: `"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`,
        ...headers,
      },
      content,
    );
    return true;
  }

  async function embedScript(): Promise<string> {
    const files = (await widgetFiles()).map((file) => file.name).sort();
    return [
      '// Gemeng embed loader: <script type="module" src="https://<portal>/embed.js"></script>',
      'const config = (globalThis.gemengConfig ??= {});',
      // Resolved against this script's URL so that a relative router URL points at the portal, not the host page.
      `config.graphqlEndpoint ??= new URL(${JSON.stringify(routerUrl)}, import.meta.url).href;`,
      // Widgets sign in at the issuer in a popup that comes back to <this website>/auth/callback.
      ...(oidcIssuer ? [`config.oidcIssuer ??= ${JSON.stringify(oidcIssuer)};`] : []),
      `await Promise.all(${JSON.stringify(files)}.map((file) => import(new URL(\`widgets/\${file}\`, import.meta.url).href)));`,
      '',
    ].join('\n');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const pathname = new URL(req.url ?? '/', 'http://shell.invalid').pathname;

    if (method === 'OPTIONS' && (pathname.startsWith('/widgets/') || pathname === '/embed.js')) {
      res.writeHead(204, { ...BASE_HEADERS, ...CROSS_ORIGIN_HEADERS, 'access-control-allow-methods': 'GET, HEAD' });
      res.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...BASE_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }

    if (pathname === '/healthz') {
      send(
        req,
        res,
        200,
        { 'content-type': CONTENT_TYPES['.json']!, 'cache-control': 'no-store' },
        '{"status":"ok"}\n',
      );
      return;
    }

    if (pathname === '/embed.js') {
      const script = await embedScript();
      send(
        req,
        res,
        200,
        {
          'content-type': CONTENT_TYPES['.js']!,
          'cache-control': 'no-cache',
          etag: etagOf(script),
          ...CROSS_ORIGIN_HEADERS,
        },
        script,
      );
      return;
    }

    if (pathname.startsWith('/widgets/')) {
      const name = pathname.slice('/widgets/'.length);
      for (const dir of widgetDirs) {
        const path = safeJoin(dir, name);
        // Stable file names (embed snippets point at them): revalidate with the ETag instead of caching blindly.
        if (path && (await sendFile(req, res, path, { 'cache-control': 'no-cache', ...CROSS_ORIGIN_HEADERS }))) return;
      }
      send(req, res, 404, { 'content-type': 'text/plain; charset=utf-8', ...CROSS_ORIGIN_HEADERS }, 'Not found\n');
      return;
    }

    if (pathname === '/' || pathname === '/index.html') {
      await sendIndex(req, res);
      return;
    }

    const path = safeJoin(shellDist, pathname);
    if (path) {
      const cacheControl = HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
      if (await sendFile(req, res, path, { 'cache-control': cacheControl })) return;
    }

    // Client-side routes (/communes/esch-sur-alzette) get the page; missing files (with an extension) get a 404.
    if (!extname(pathname) && !pathname.startsWith('/assets/')) {
      await sendIndex(req, res);
      return;
    }
    send(req, res, 404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }, 'Not found\n');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`shell: ${req.method} ${req.url} failed: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal server error\n');
    });
  });
  // Idle keep-alive sockets would otherwise hold close() for the full keep-alive timeout.
  server.keepAliveTimeout = 5_000;

  try {
    server.listen(port, host);
    await once(server, 'listening');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'LISTEN_FAILED';
    const reason =
      code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use`
        : code === 'EACCES'
          ? `no permission to listen on port ${port} on ${host}`
          : (error as Error).message;
    throw new ShellStartError(`Cannot start the Gemeng shell: ${reason}.`, code, { cause: error });
  }

  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  log(`Gemeng shell on ${url} (GraphQL endpoint ${routerUrl}${oidcIssuer ? `, sign-in at ${oidcIssuer}` : ''})`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    host,
    routerUrl,
    oidcIssuer,
    close() {
      closing ??= new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeIdleConnections();
        // In-flight responses get a moment to finish; then sockets are cut so shutdown never hangs.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      });
      return closing;
    },
  };
}
