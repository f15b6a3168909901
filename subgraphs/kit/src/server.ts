import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import {
  type AuthOptions,
  authenticate,
  carriesRouterSecret,
  closeServer,
  createLogger,
  createSafeServer,
  type Logger,
  listen,
  readJson,
  sendJson,
  tokenVerifierFor,
} from '@gemeng/service-kit';
import { headerMap, sendGraphQLResponse } from '@gemeng/service-kit/apollo';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createContext, type RequestContext, type ServicesFactory } from './context.ts';
import { countStatements } from './database/prisma.ts';
import { type EventEndpoint, receiveEvent } from './events/http-bus.ts';

/** The router's secret (header and check) is every service's: @gemeng/service-kit. */
export { carriesRouterSecret, ROUTER_SECRET_HEADER } from '@gemeng/service-kit';

const MAX_BODY_BYTES = 1_000_000;

interface Database {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export interface SubgraphOptions<Db extends Database> {
  name: string;
  schema: GraphQLSchema;
  db: Db;
  port: number;
  host?: string;
  /** Only requests carrying this secret (set by the router) are answered; health endpoints excepted. */
  routerSecret: string;
  log?: Logger;
  /**
   * Access tokens: checked again here (defense in depth) to fill `ctx.caller`; a refused one gets 401. Unset:
   * requests with an Authorization header are refused (no token can be checked), anonymous ones pass.
   */
  auth?: AuthOptions;
  /**
   * Public routes the subgraph serves besides /graphql, without the router secret (identity's OpenID Connect
   * provider): returns true when it handled the request.
   */
  publicRoutes?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /**
   * Routes under `/internal/` that only the router may call (router secret required), e.g. identity's list of
   * the communes' website origins: returns true when it handled the request.
   */
  internalRoutes?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Domain events delivered to `POST /events`, each signed by the subgraph that owns it, see `events/`. */
  events?: EventEndpoint;
  /** Called on stop, after the server closed. */
  onStop?: () => Promise<void>;
  /** The subgraph's services for each request (`ctx.services`), see `ServicesFactory`. */
  services?: ServicesFactory<Db, unknown>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Codes of errors that are the caller's to fix: their message goes out as it is. */
const EXPECTED = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INSUFFICIENT_USER_AUTHENTICATION',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Serves one subgraph: POST /graphql (router only), GET /healthz (the process is up), GET /readyz (and its
 * database answers). JSON logs carry the request id; unexpected errors reach the client without internals.
 */
export async function startSubgraph<Db extends Database>(options: SubgraphOptions<Db>): Promise<RunningSubgraph> {
  const log = options.log ?? createLogger(options.name);
  const verifier = tokenVerifierFor(options.auth, log);

  const apollo = new ApolloServer<RequestContext<Db>>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
    formatError: (formatted, error) => maskUnexpected(formatted, error, log),
  });
  await apollo.start();

  const server = createSafeServer(handle, log);

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok', service: options.name });
    // Not the router's secret: an event is accepted only as signed by the subgraph that owns it.
    if (url.pathname === '/events' && options.events) return receiveEvent(req, res, options.events, log);
    if (url.pathname.startsWith('/internal/') && options.internalRoutes) {
      if (!carriesRouterSecret(req.headers, options.routerSecret)) {
        return sendJson(res, 403, { errors: [{ message: 'This route answers only the Gemeng router.' }] });
      }
      if (await options.internalRoutes(req, res)) return;
    }
    if (url.pathname !== '/graphql' && options.publicRoutes && (await options.publicRoutes(req, res))) return;
    if (url.pathname === '/readyz') {
      try {
        await options.db.$queryRawUnsafe('SELECT 1');
        return sendJson(res, 200, { status: 'ready', service: options.name });
      } catch (error) {
        log.warn({ err: error }, 'not ready: database unreachable');
        return sendJson(res, 503, { status: 'unavailable', reason: 'database unreachable' });
      }
    }
    if (url.pathname !== '/graphql') return sendJson(res, 404, { errors: [{ message: 'Not found: use /graphql.' }] });

    if (!carriesRouterSecret(req.headers, options.routerSecret)) {
      return sendJson(res, 403, {
        errors: [{ message: 'This subgraph answers only the Gemeng router: send your request to the router.' }],
      });
    }

    const context = createContext(req.headers, {
      log,
      db: options.db,
      ...(options.services ? { services: options.services } : {}),
    });
    res.setHeader('x-request-id', context.requestId);
    const authentication = await authenticate(verifier, req, res, context.log);
    if (!authentication.ok) return;
    context.caller = authentication.caller;

    const body = req.method === 'POST' ? await readJson(req, MAX_BODY_BYTES) : undefined;
    if (body instanceof Error) return sendJson(res, 400, { errors: [{ message: body.message }] });

    const headers = headerMap(req);
    const started = process.hrtime.bigint();
    const { result: pending, counter } = countStatements(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => context,
      }),
    );
    const response = await pending;
    res.setHeader('x-request-id', context.requestId);
    res.setHeader('x-gemeng-sql-statements', String(counter.count));
    await sendGraphQLResponse(res, response);
    context.log.info(
      {
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        sqlStatements: counter.count,
        operation: (body as { operationName?: string } | undefined)?.operationName,
      },
      'graphql request',
    );
  }

  await listen(server, options.port, options.host ?? '127.0.0.1', options.name);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  log.info({ url }, `${options.name} subgraph ready`);

  return {
    url,
    port,
    async stop() {
      await closeServer(server);
      await apollo.stop();
      await options.onStop?.();
      await options.db.$disconnect();
      log.info('stopped');
    },
  };
}

function maskUnexpected(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && EXPECTED.has(code)) return withoutStack(formatted);
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError && original.extensions?.code && EXPECTED.has(String(original.extensions.code))) {
    return withoutStack(formatted);
  }
  log.error({ err: original }, 'unexpected error in a resolver');
  return {
    message: 'Internal server error: the problem has been logged. Please try again later.',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
