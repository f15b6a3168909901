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

export interface RequestContext<Db = unknown> {
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
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's request id when it is a sane token (the router sets one), else a new one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function createContext<Db>(headers: IncomingHttpHeaders, base: { log: Logger; db: Db }): RequestContext<Db> {
  const requestId = requestIdFrom(headers);
  return {
    requestId,
    lang: negotiateLanguage(headers['accept-language']),
    caller: null,
    // Only requests with the router's secret reach a context, so these headers come from the router.
    client: clientFromRouter(headers),
    log: base.log.child({ requestId }),
    db: base.db,
    loaders: new Map(),
  };
}
