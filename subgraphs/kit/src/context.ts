import type { IncomingHttpHeaders } from 'node:http';
import { type Caller, type ClientInfo, clientFromRouter, type Logger, requestIdFrom } from '@gemeng/service-kit';
import { type Language, negotiateLanguage } from './language.ts';

/** The verified caller (see `auth/verify.ts`) and the request id are every service's: @gemeng/service-kit. */
export { type Caller, requestIdFrom };

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
