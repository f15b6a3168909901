/**
 * The portal's service worker (built by sw.config.ts into dist/sw.js, its precache list injected by
 * workbox-build). What it keeps and what it never keeps is decided in sw-rules.ts:
 *
 * - the shell's built files and the page shell (`/`) are precached at install;
 * - pages: network first (a few seconds), else the page as last served, else the precached shell;
 * - widget modules (hashed names): cache first; widget manifests and the loader: stale-while-revalidate;
 * - public GraphQL queries (GET, no token): network first with a short timeout, else the last answer seen in
 *   the same language; the page is told (`gemeng:from-cache`) so that it can say the data may be old.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate, type Strategy } from 'workbox-strategies';
import {
  CACHE_NAMES,
  mayKeep,
  PAGE_SHELL_URL,
  publicDataKey,
  type RouteKind,
  routeKind,
  workerSettings,
} from './sw-rules.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const settings = workerSettings(self.location.href);
const DAY = 24 * 60 * 60;

/** Only complete answers that do not say they are private (sw-rules' mayKeep). */
const keepable: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (mayKeep(response) ? response : null),
};

/** Tells the page that asked that its answer came from the cache (the offline notice). */
const tellWhenFromCache: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse, event }) => {
    const clientId = (event as FetchEvent | undefined)?.clientId;
    if (cachedResponse && clientId) {
      const client = await self.clients.get(clientId);
      client?.postMessage({ type: 'gemeng:from-cache' });
    }
    return cachedResponse ?? null;
  },
};

const strategies: Record<RouteKind, Strategy> = {
  page: new NetworkFirst({
    cacheName: CACHE_NAMES.pages,
    networkTimeoutSeconds: 4,
    plugins: [keepable, new ExpirationPlugin({ maxEntries: 30, maxAgeSeconds: 30 * DAY })],
  }),
  widget: new CacheFirst({
    cacheName: CACHE_NAMES.widgets,
    plugins: [keepable, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 60 * DAY })],
  }),
  'widget-manifest': new StaleWhileRevalidate({ cacheName: CACHE_NAMES.widgetManifests, plugins: [keepable] }),
  'public-data': new NetworkFirst({
    cacheName: CACHE_NAMES.publicData,
    networkTimeoutSeconds: 3,
    plugins: [
      { cacheKeyWillBeUsed: async ({ request }) => publicDataKey(request) },
      keepable,
      tellWhenFromCache,
      new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 30 * DAY }),
    ],
  }),
};

const kindOf = (request: Request) => routeKind(request, self.location.origin, settings);

// Pages first: the precache's own route would answer `/` from the install-time copy even online.
registerRoute(
  ({ request }) => kindOf(request) === 'page',
  async (options) => {
    try {
      return await strategies.page.handle(options);
    } catch {
      // Offline and never seen at this address: the page shell, which routes on the client.
      const cache = await caches.open(CACHE_NAMES.pages);
      return (await cache.match(PAGE_SHELL_URL)) ?? (await matchPrecache(PAGE_SHELL_URL)) ?? Response.error();
    }
  },
);
for (const kind of ['widget', 'widget-manifest', 'public-data'] as const) {
  registerRoute(({ request }) => kindOf(request) === kind, strategies[kind]);
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/**
 * Workbox's CACHE_URLS message (what workbox-routing's `addCacheListener` handles), through the same rules and
 * strategies: the page sends what it loaded before this worker controlled it (the first visit), so that one
 * visit is enough to open offline. Anything the rules do not keep is ignored.
 */
self.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; payload?: { urlsToCache?: unknown } } | null;
  if (data?.type !== 'CACHE_URLS' || !Array.isArray(data.payload?.urlsToCache)) return;
  const requests = (data.payload.urlsToCache as unknown[]).flatMap((entry) => {
    try {
      const [url, init] = Array.isArray(entry) ? entry : [entry];
      const request = new Request(String(url), init as RequestInit | undefined);
      const kind = kindOf(request);
      return kind && kind !== 'page' ? [{ request, strategy: strategies[kind] }] : [];
    } catch {
      return [];
    }
  });
  event.waitUntil(Promise.allSettled(requests.map(({ request, strategy }) => strategy.handle({ request, event }))));
});

self.skipWaiting();
clientsClaim();
