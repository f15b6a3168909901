import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { type ClientInfo, clientFromRouter } from './client-address.ts';
import { type Language, negotiateLanguage } from './language.ts';
import type { Logger } from './logger.ts';

/**
 * The verified caller, from the access token the router forwards (checked again by the subgraph's server,
 * see `auth/verify.ts`); null for anonymous requests, which may read only the public graph.
 */
export interface Caller {
  /** Subject: the user or API client id. */
  sub: string;
  /** The OAuth client the token was issued to (`client_id`). */
  clientId: string;
  /** Level of assurance of the login (`acr`; anything but "substantial" counts as "low"). */
  acr: 'low' | 'substantial';
  /** Roles per commune id (`gemeng_roles`; malformed entries are dropped). */
  roles: { communeId: string; role: 'agent' | 'administrator' }[];
  /** Operates the platform for the syndicate (`gemeng_operator: true`). */
  operator: boolean;
  /** Granted OAuth scopes (`scope`, space-separated). */
  scopes: string[];
  /**
   * The sign-in session the token belongs to (`sid`: the provider's session uid, stable per browser session);
   * absent in API clients' tokens. Identity looks the session up to judge recent authentication.
   */
  sid?: string;
  /** When the person last authenticated in that session (`auth_time`), as the token says. */
  authTime?: Date;
}

export interface RequestContext<Db = unknown, Services = unknown> {
  requestId: string;
  /** The language the caller asked for (Accept-Language), used where a field has no `lang` argument. */
  lang: Language;
  caller: Caller | null;
  /** The client's address and user agent as the router saw them (null when it did not say). */
  client: ClientInfo;
  log: Logger;
  db: Db;
  /** Per-request memo for batch loaders (see `loader`). */
  loaders: Map<unknown, unknown>;
  /**
   * The subgraph's rules (`src/<feature>/service.ts`), built for this request by the subgraph's `createServices`
   * (see `ServicesFactory`): resolvers call `ctx.services.<feature>`, never a module-level instance.
   */
  services: Services;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's request id when it is a sane token (the router sets one), else a new one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Builds a subgraph's services for one request, from its context (database, caller, language, loaders), on the
 * request's first `ctx.services`; passed to `runSubgraph`/`startSubgraph` as `services` (by convention the
 * subgraph's `src/services.ts` exports `createServices`). Cheap objects over the shared database client: one per
 * request costs nothing, and no state outlives the request.
 */
export type ServicesFactory<Db, Services> = (ctx: ServiceContext<Db>) => Services;

/** What a service sees of the request: everything but the services themselves. */
export type ServiceContext<Db> = Omit<RequestContext<Db>, 'services'>;

/** What `ctx.services` is in a subgraph started without `services`: any use says what to do, in one line. */
const withoutServices = new Proxy(
  {},
  {
    get(_target, property) {
      if (typeof property !== 'string' || property === 'then' || property === 'toJSON') return undefined;
      throw new Error(
        `ctx.services.${property}: this subgraph was started without services: export createServices from its src/services.ts and pass it to runSubgraph({ services }).`,
      );
    },
  },
);

export function createContext<Db, Services = unknown>(
  headers: IncomingHttpHeaders,
  base: { log: Logger; db: Db; services?: ServicesFactory<Db, Services> },
): RequestContext<Db, Services> {
  const requestId = requestIdFrom(headers);
  const context: ServiceContext<Db> = {
    requestId,
    lang: negotiateLanguage(headers['accept-language']),
    caller: null,
    // Only requests with the router's secret reach a context, so these headers come from the router.
    client: clientFromRouter(headers),
    log: base.log.child({ requestId }),
    db: base.db,
    loaders: new Map(),
  };
  // Built on first use, so after the server has set the caller from the token, and only for requests that need
  // them. Enumerable: Apollo Server copies the context per operation (Object.assign), which reads the getter then.
  let services: Services | undefined;
  const factory = base.services;
  Object.defineProperty(context, 'services', {
    enumerable: true,
    get: () => {
      services ??= factory ? factory(context) : (withoutServices as Services);
      return services;
    },
  });
  return context as RequestContext<Db, Services>;
}
