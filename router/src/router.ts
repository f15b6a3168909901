import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AuthOptions,
  authenticate,
  closeServer,
  createLogger,
  createSafeServer,
  INVALID_TOKEN_MESSAGE,
  type Logger,
  listen,
  ROUTER_SECRET_HEADER,
  requestIdFrom,
  sendJson,
  tokenVerifierFor,
} from '@gemeng/service-kit';
import { clientHeaders } from './client-headers.ts';
import { createFilesRoute, FILES_PREFIX } from './files.ts';
import { COMMUNE_ORIGINS_PATH, startAllowedOrigins } from './origins.ts';
import { REVOCATIONS_PATH, startRevocationList } from './revocations.ts';
import type { GatewayRuntime, GatewayRuntimeName, GatewayRuntimeOptions } from './runtimes/types.ts';
import { subgraphUrls, withSubgraphUrls } from './supergraph.ts';

export interface RouterOptions {
  supergraphSdl: string;
  runtime: GatewayRuntimeName;
  port: number;
  host: string;
  routerSecret: string;
  /** Routing URL per subgraph name, overriding the supergraph's defaults. */
  subgraphUrls?: Record<string, string>;
  /** Browser origins always allowed to call the graph (the portal, GEMENG_CORS_ORIGINS). */
  corsOrigins: string[];
  /**
   * The communes' website origins are allowed too, fetched from identity (`/internal/commune-origins` next to
   * its routing URL, unless `communeOriginsUrl` says otherwise; false: none) every `originsRefreshMs`
   * (default 30 s).
   */
  communeOriginsUrl?: string | false;
  originsRefreshMs?: number;
  /** Behind a trusted TLS proxy (GEMENG_BEHIND_PROXY): the client's address is its X-Forwarded-For entry. */
  behindProxy?: boolean;
  maxBodyBytes?: number;
  log?: Logger;
  /**
   * Access tokens, checked before the runtime sees the request: a refused one gets 401 and no subgraph is
   * called. Unset: anonymous requests only, any Authorization header gets 401 (no token can be checked).
   */
  auth?: AuthOptions;
  /**
   * Tokens of ended sessions and revoked API clients get 401 too: identity's list (`/internal/revocations` next
   * to its routing URL, unless `revocationsUrl` says otherwise; false: none), fetched every `revocationPollMs`
   * (default 20 s). Only with `auth`.
   */
  revocationsUrl?: string | false;
  revocationPollMs?: number;
}

export interface RunningRouter {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Headers a browser may send, and a subgraph receives from the router. */
const FORWARDED = ['authorization', 'accept-language'] as const;

/**
 * The one public entry of the graph. Its own HTTP front answers health, readiness and CORS and enforces the
 * request size; the federation runtime behind it plans and executes the queries across the subgraphs.
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const log = options.log ?? createLogger('router');
  const supergraphSdl = withSubgraphUrls(options.supergraphSdl, options.subgraphUrls ?? {});
  const routes = subgraphUrls(supergraphSdl);
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const origins = await startAllowedOrigins({
    configured: options.corsOrigins,
    url:
      options.communeOriginsUrl === false
        ? undefined
        : (options.communeOriginsUrl ?? (routes.identity && new URL(COMMUNE_ORIGINS_PATH, routes.identity).href)),
    routerSecret: options.routerSecret,
    refreshMs: options.originsRefreshMs ?? 30_000,
    log: log.child({ component: 'origins' }),
  });
  const verifier = tokenVerifierFor(options.auth, log);
  const revocations = await startRevocationList({
    url:
      !options.auth || options.revocationsUrl === false
        ? undefined
        : (options.revocationsUrl ?? (routes.identity && new URL(REVOCATIONS_PATH, routes.identity).href)),
    routerSecret: options.routerSecret,
    pollMs: options.revocationPollMs ?? 20_000,
    log: log.child({ component: 'revocations' }),
  });

  // Attachments and receipts (`/files/...`), streamed to procedures outside GraphQL: files.ts.
  const files = createFilesRoute({
    proceduresUrl: routes.procedures,
    routerSecret: options.routerSecret,
    verifier,
    revoked: (caller) => revocations.revoked(caller),
    allowsOrigin: (origin) => origins.allows(origin),
    behindProxy: options.behindProxy ?? false,
    log: log.child({ component: 'files' }),
  });

  const runtimeOptions: GatewayRuntimeOptions = {
    supergraphSdl,
    subgraphHeaders(req) {
      const headers: Record<string, string> = {
        [ROUTER_SECRET_HEADER]: options.routerSecret,
        'x-request-id': (req as IncomingMessage & { requestId?: string }).requestId ?? requestIdFrom(req.headers),
        ...clientHeaders(req, options.behindProxy ?? false),
      };
      for (const name of FORWARDED) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      return headers;
    },
  };
  const runtime = await loadRuntime(options.runtime, runtimeOptions);

  const server = createSafeServer(handle, log);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://router');
    const requestId = requestIdFrom(req.headers);
    (req as IncomingMessage & { requestId?: string }).requestId = requestId;
    res.setHeader('x-request-id', requestId);

    if (url.pathname === '/healthz')
      return sendJson(res, 200, { status: 'ok', service: 'router', runtime: options.runtime });
    if (url.pathname === '/readyz') return readiness(res);
    if (url.pathname.startsWith(FILES_PREFIX)) return files(req, res, url, requestId);
    if (url.pathname !== '/graphql') {
      return sendJson(res, 404, { errors: [{ message: 'Not found: the graph is served at /graphql.' }] });
    }

    const origin = req.headers.origin;
    if (origin) {
      if (!origins.allows(origin)) {
        return sendJson(res, 403, {
          errors: [{ message: `The origin ${origin} may not call this graph: ask the syndicate to register it.` }],
        });
      }
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-expose-headers', 'x-request-id, www-authenticate');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers': 'content-type, authorization, accept-language, x-request-id',
          'access-control-max-age': '600',
        });
        return res.end();
      }
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      return sendJson(res, 405, {
        errors: [{ message: `${req.method} is not supported: use POST (or GET for queries).` }],
      });
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > maxBodyBytes) {
      return sendJson(res, 413, { errors: [{ message: `The request is larger than ${maxBodyBytes} bytes.` }] });
    }
    const started = process.hrtime.bigint();
    const authentication = await authenticate(verifier, req, res, log.child({ requestId }));
    if (!authentication.ok) {
      log.info({ requestId, status: res.statusCode, origin }, 'graphql request refused: access token');
      return;
    }
    if (authentication.caller && revocations.revoked(authentication.caller)) {
      // Its session was ended or its API client revoked: the same answer as any invalid token.
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      sendJson(res, 401, { errors: [{ message: INVALID_TOKEN_MESSAGE, extensions: { code: 'UNAUTHENTICATED' } }] });
      log.info({ requestId, status: 401, origin }, 'graphql request refused: revoked access token');
      return;
    }
    await runtime.handle(req, res);
    log.info(
      { requestId, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, origin },
      'graphql request',
    );
  }

  /** Ready when every subgraph answers its own readiness check (which includes its database). */
  async function readiness(res: ServerResponse) {
    const checks = await Promise.all(
      Object.entries(routes).map(async ([name, route]) => {
        try {
          const response = await fetch(new URL('/readyz', route), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok ? 'ready' : `HTTP ${response.status}`] as const;
        } catch (error) {
          return [name, error instanceof Error ? error.message : 'unreachable'] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    return sendJson(res, ready ? 200 : 503, {
      status: ready ? 'ready' : 'unavailable',
      subgraphs: Object.fromEntries(checks),
    });
  }

  await listen(server, options.port, options.host, 'the router (ROUTER_PORT)');
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}/graphql`;
  log.info({ url, runtime: options.runtime }, 'router ready');
  return {
    url,
    port,
    async stop() {
      await closeServer(server);
      revocations.stop();
      origins.stop();
      await runtime.stop();
    },
  };
}

/**
 * Only the runtime the router runs is imported (GEMENG_GATEWAY): each pulls in a whole federation gateway, and
 * loading all three cost the router some 150 MB at idle.
 */
async function loadRuntime(name: GatewayRuntimeName, options: GatewayRuntimeOptions): Promise<GatewayRuntime> {
  if (name === 'apollo') return (await import('./runtimes/apollo.ts')).apolloRuntime(options);
  return (await import('./runtimes/hive.ts')).hiveRuntime({ ...options, rustPlanner: name === 'hive-rust' });
}
