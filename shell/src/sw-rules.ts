/**
 * What the portal's service worker keeps, decided from a request alone (no worker types: unit-tested in Node).
 * Anything signed-in is never kept: a request with an `Authorization` header, any method but GET (mutations are
 * POSTs), the sign-in callback (`/auth/*`, its address carries the code) and everything under the OpenID issuer.
 */
import { isQueryDocument } from '@gemeng/frontend-kit';

/** The caches, by name: one per kind of content, so that a test (or a person) can see what went where. */
export const CACHE_NAMES = {
  /** The portal's pages as last served (HTML shell, no personal data: tokens live in memory). */
  pages: 'gemeng-pages',
  /** Widget modules and chunks: hashed names, never change. */
  widgets: 'gemeng-widgets',
  /** The widget catalogue, package manifests and the evergreen loader: fresh names, revalidated. */
  widgetManifests: 'gemeng-widget-manifests',
  /** Answers to public GraphQL queries (no token), for reading offline. */
  publicData: 'gemeng-public-data',
} as const;

/** The page shell every portal route is served from (precached, and the offline fallback of any route). */
export const PAGE_SHELL_URL = '/';

export type RouteKind = 'page' | 'widget' | 'widget-manifest' | 'public-data';

/** What the worker learns from the address it was registered with: `/sw.js?graphql=<endpoint>&issuer=<issuer>`. */
export interface WorkerSettings {
  /** The public GraphQL endpoint, absolute, without search or hash. */
  readonly graphqlEndpoint?: string;
  /** The OpenID Connect issuer, absolute, without a trailing slash. */
  readonly issuer?: string;
}

function absolute(value: string | null, base: string): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The registration address the page uses (and the worker reads back with {@link workerSettings}). */
export function workerScriptUrl(origin: string, settings: WorkerSettings): string {
  const url = new URL('/sw.js', origin);
  if (settings.graphqlEndpoint) url.searchParams.set('graphql', settings.graphqlEndpoint);
  if (settings.issuer) url.searchParams.set('issuer', settings.issuer);
  return url.href;
}

export function workerSettings(scriptUrl: string): WorkerSettings {
  const search = new URL(scriptUrl).searchParams;
  const endpoint = absolute(search.get('graphql'), scriptUrl);
  const issuer = absolute(search.get('issuer'), scriptUrl);
  return {
    ...(endpoint ? { graphqlEndpoint: `${endpoint.origin}${endpoint.pathname}` } : {}),
    ...(issuer ? { issuer: `${issuer.origin}${issuer.pathname.replace(/\/+$/, '')}` } : {}),
  };
}

/**
 * The issuer's part of the web: its whole origin when that is not the portal's, else (one origin for all, behind
 * a proxy) the issuer's path on it.
 */
function underIssuer(url: URL, origin: string, issuer: string | undefined): boolean {
  if (!issuer) return false;
  const issuerOrigin = new URL(issuer).origin;
  if (issuerOrigin !== origin) return url.origin === issuerOrigin;
  const href = `${url.origin}${url.pathname}`;
  return href === issuer || href.startsWith(`${issuer}/`);
}

/**
 * Which runtime cache a request belongs to, or undefined: left to the network (and to the precache, for the
 * shell's own built files). `origin` is the portal's.
 */
export function routeKind(
  request: Pick<Request, 'method' | 'url' | 'mode' | 'headers'>,
  origin: string,
  settings: WorkerSettings,
): RouteKind | undefined {
  if (request.method !== 'GET' || request.headers.has('authorization')) return undefined;
  const url = new URL(request.url);
  const endpoint = settings.graphqlEndpoint;
  if (endpoint && `${url.origin}${url.pathname}` === endpoint) {
    const query = url.searchParams.get('query');
    return query && isQueryDocument(query) && !underIssuer(url, origin, settings.issuer) ? 'public-data' : undefined;
  }
  if (url.origin !== origin || underIssuer(url, origin, settings.issuer) || url.pathname.startsWith('/auth/')) {
    return undefined;
  }
  if (request.mode === 'navigate') return 'page';
  if (url.pathname === '/embed.js' || (url.pathname.startsWith('/widgets/') && url.pathname.endsWith('.json'))) {
    return 'widget-manifest';
  }
  // Every script a widget build writes has a hashed name; the pinned loader names its version and hash.
  if (url.pathname.startsWith('/widgets/') || url.pathname.startsWith('/embed/')) return 'widget';
  return undefined;
}

/**
 * The public-data cache's key: the request's address plus its language (`accept-language`, which the router
 * localises names and titles from), so that a French answer is never shown on the Luxembourgish page.
 */
export function publicDataKey(request: Pick<Request, 'url' | 'headers'>): string {
  const url = new URL(request.url);
  url.searchParams.set('gemeng-lang', request.headers.get('accept-language') ?? '');
  return url.href;
}

/** A response that says it is personal or must not be stored (`private`, `no-store`) is never kept. */
export function mayKeep(response: Pick<Response, 'status' | 'headers'>): boolean {
  const cacheControl = response.headers.get('cache-control') ?? '';
  return response.status === 200 && !/\b(?:private|no-store)\b/i.test(cacheControl);
}
