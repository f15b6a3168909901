/**
 * The citizen portal's client (`gemeng-portal`): public, Authorization Code + PKCE, used by the portal and by the
 * widgets on commune websites. Its redirect URIs are the portal's origins (GEMENG_PORTAL_ORIGINS) and the website
 * origins of every active commune in the database, so that a commune onboarded through the graph can sign its
 * citizens in without a restart. oidc-provider keeps static `clients` for ever, so this client is served by the
 * adapter (model `Client`) instead, read anew at most every second.
 */
import type { AdapterPayload } from 'oidc-provider';
import type { Db } from '../db.ts';

export const PORTAL_CLIENT_ID = 'gemeng-portal';

export const GRAPH_SCOPES = ['graph.read'] as const;

/** Where the portal and the widgets land after signing in (`<origin>/auth/callback`). */
export const CALLBACK_PATH = '/auth/callback';

/** A burst of requests (a page with several widgets) reads the communes once; a new commune counts within a second. */
const CACHE_MS = 1000;

/**
 * The origin of a stored website origin, or undefined when it is not one (a path, a query, another scheme): one
 * malformed row must not take every commune's sign-in down (the provider refuses a client whose redirect URIs
 * are invalid).
 */
function origin(value: string): string | undefined {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return undefined;
  return url.origin;
}

/** The portal client's metadata: undefined when there is no origin at all (no browser may sign in then). */
export function portalClient(db: Db, portalOrigins: readonly string[]) {
  let cached: { at: number; metadata: Promise<AdapterPayload | undefined> } | undefined;

  async function load(): Promise<AdapterPayload | undefined> {
    const communes = await db.commune.findMany({ where: { active: true }, select: { websiteOrigins: true } });
    const origins = [
      ...new Set(
        [...portalOrigins, ...communes.flatMap((commune) => commune.websiteOrigins)]
          .map(origin)
          .filter((value): value is string => value !== undefined),
      ),
    ].sort();
    if (!origins.length) return undefined;
    return {
      client_id: PORTAL_CLIENT_ID,
      client_name: 'Gemeng',
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: origins.map((value) => `${value}${CALLBACK_PATH}`),
      post_logout_redirect_uris: origins.map((value) => `${value}/`),
      scope: `openid profile email offline_access ${GRAPH_SCOPES.join(' ')}`,
    };
  }

  return function find(): Promise<AdapterPayload | undefined> {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const metadata = load();
      cached = { at: Date.now(), metadata };
      // A failed read is not kept: the next request tries again.
      metadata.catch(() => {
        if (cached?.metadata === metadata) cached = undefined;
      });
    }
    return cached.metadata;
  };
}
