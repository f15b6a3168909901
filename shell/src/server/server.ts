import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheControlFor, FileStore, fileStat, safeJoin } from './assets.ts';
import type { Operator } from './operator.ts';
import { isUnknownLanguage } from './page.ts';
import { BASE_HEADERS, CROSS_ORIGIN_HEADERS, IMMUTABLE, sendResource, sendText } from './resource.ts';
import { generatedState } from './state.ts';

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
  /** Who runs the platform (GEMENG_OPERATOR_NAME, …): the pages' footer and statements. Default: demo values. */
  readonly operator?: Operator;
  /** Built shell (index.html, assets). Default: shell/dist. */
  readonly shellDist?: string;
  /** Each `<frontendsDir>/<package>/dist` is served under `/widgets/<package>/`. Default: the repository's frontends. */
  readonly frontendsDir?: string;
  /** In the pinned loader URL `/embed/<version>/…`. Default: the root package.json's version. */
  readonly version?: string;
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

function readPackage(path: string): { name?: string; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** shell/ found from this file, wherever it runs from (src/server/ under tsx, dist-server/ once built). */
function shellRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (readPackage(join(dir, 'package.json'))?.name !== '@gemeng/shell') {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`@gemeng/shell's package.json not found above ${import.meta.url}`);
    dir = parent;
  }
  return dir;
}

/** The project's version (root package.json), else the shell's. */
function projectVersion(root: string): string {
  return (
    readPackage(join(root, '..', 'package.json'))?.version ??
    readPackage(join(root, 'package.json'))?.version ??
    '0.0.0'
  );
}

/** Widget files and the loader are fetched by other origins' pages (CORS), and preflighted by some. */
function isCrossOriginPath(pathname: string): boolean {
  return pathname.startsWith('/widgets/') || pathname === '/embed.js' || pathname.startsWith('/embed/');
}

export async function startShell(options: ShellOptions = {}): Promise<RunningShell> {
  const port = options.port ?? DEFAULT_SHELL_PORT;
  const host = options.host ?? DEFAULT_SHELL_HOST;
  const routerUrl = options.routerUrl ?? DEFAULT_ROUTER_URL;
  const oidcIssuer = options.oidcIssuer?.replace(/\/+$/, '') || undefined;
  const root = options.shellDist && options.frontendsDir && options.version ? undefined : shellRoot();
  const shellDist = resolve(options.shellDist ?? join(root!, 'dist'));
  const frontendsDir = resolve(options.frontendsDir ?? join(root!, '..', 'frontends'));
  const version = options.version ?? projectVersion(root!);
  const log = options.log ?? ((line: string) => console.log(line));

  const indexPath = join(shellDist, 'index.html');
  if (!(await fileStat(indexPath))) {
    throw new ShellStartError(`${indexPath} is missing: run "npm run build" first.`, 'MISSING_BUILD');
  }
  const generated = generatedState({
    routerUrl,
    oidcIssuer,
    ...(options.operator ? { operator: options.operator } : {}),
    version,
    frontendsDir,
    indexPath,
    log,
  });
  await generated();
  const files = new FileStore();

  /**
   * The page; 404 (the same page, which shows the not-found page in the reader's language) for a path that is no
   * route of the layout, or a `?lang=` that names no language.
   */
  async function sendPage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const state = await generated();
    const found = state.isPage(url.pathname) && !isUnknownLanguage(url.search);
    await sendResource(
      req,
      res,
      state.page(url.pathname),
      { 'cache-control': 'no-cache', 'content-security-policy': state.csp },
      found ? 200 : 404,
    );
  }

  async function sendWidgetFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const [, , name = '', ...rest] = pathname.split('/');
    const dist = (await generated()).folders.get(name);
    const path = dist && rest.length > 0 ? safeJoin(dist, rest.join('/')) : undefined;
    const file = path && (await files.get(path));
    if (!file) {
      sendText(req, res, 404, 'Not found\n', { ...CROSS_ORIGIN_HEADERS, 'cache-control': 'no-cache' });
      return;
    }
    await sendResource(req, res, file, { 'cache-control': cacheControlFor(path), ...CROSS_ORIGIN_HEADERS });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://shell.invalid');
    const pathname = url.pathname;

    if (method === 'OPTIONS' && isCrossOriginPath(pathname)) {
      res.writeHead(204, { ...BASE_HEADERS, ...CROSS_ORIGIN_HEADERS, 'access-control-allow-methods': 'GET, HEAD' });
      res.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(req, res, 405, 'Method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    if (pathname === '/healthz') {
      sendText(req, res, 200, '{"status":"ok"}\n', {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      return;
    }
    if (pathname === '/embed.js' || pathname.startsWith('/embed/')) {
      const state = await generated();
      // The evergreen URL follows deployments within minutes; the pinned one names its content.
      const cacheControl =
        pathname === '/embed.js' ? 'public, max-age=300' : pathname === state.pinnedLoaderPath ? IMMUTABLE : '';
      if (!cacheControl)
        sendText(req, res, 404, 'Not found\n', { ...CROSS_ORIGIN_HEADERS, 'cache-control': 'no-cache' });
      else await sendResource(req, res, state.loader, { 'cache-control': cacheControl, ...CROSS_ORIGIN_HEADERS });
      return;
    }
    if (pathname === '/widgets/manifest.json') {
      const state = await generated();
      await sendResource(req, res, state.manifest, { 'cache-control': 'public, max-age=60', ...CROSS_ORIGIN_HEADERS });
      return;
    }
    if (pathname.startsWith('/widgets/')) {
      await sendWidgetFile(req, res, pathname);
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      await sendPage(req, res, new URL(`/${url.search}`, url));
      return;
    }
    const path = safeJoin(shellDist, pathname);
    const file = path && (await files.get(path));
    if (file) {
      await sendResource(req, res, file, { 'cache-control': cacheControlFor(path) });
      return;
    }
    // Client-side routes (/communes/esch-sur-alzette) get the page, unknown ones the page with a 404 (it shows
    // the not-found page); missing files (with an extension) get a plain 404.
    if (!extname(pathname) && !pathname.startsWith('/assets/')) {
      await sendPage(req, res, url);
      return;
    }
    sendText(req, res, 404, 'Not found\n', { 'cache-control': 'no-cache' });
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
