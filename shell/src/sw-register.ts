import { resolveEndpoint, resolveIssuer } from '@gemeng/frontend-kit';
import { workerScriptUrl } from './sw-rules.ts';

function settingOf(resolve: () => string | undefined): string | undefined {
  try {
    return resolve();
  } catch {
    return undefined; // A broken setting: the page says so elsewhere; the worker then keeps no data from it.
  }
}

/**
 * What this page loaded before the worker controlled it (its first visit), for the worker to keep as Workbox's
 * CACHE_URLS message asks: widget files as they are, public GraphQL GETs with the headers the kit sends (the
 * router's CSRF prevention asks for the content type; the answer's language comes from accept-language).
 */
export function loadedUrls(
  entries: readonly { name: string }[],
  origin: string,
  endpoint: string | undefined,
  lang: string,
) {
  const graphqlHeaders = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    ...(lang ? { 'accept-language': lang } : {}),
  };
  return [...new Set(entries.map((entry) => entry.name))].flatMap((name): (string | [string, RequestInit])[] => {
    const url = new URL(name);
    if (endpoint && `${url.origin}${url.pathname}` === endpoint && url.searchParams.has('query')) {
      return [[name, { headers: graphqlHeaders, credentials: 'omit', mode: 'cors' }]];
    }
    const ours = url.origin === origin && (url.pathname.startsWith('/widgets/') || url.pathname.startsWith('/embed'));
    return ours ? [name] : [];
  });
}

/**
 * Registers the portal's service worker (`/sw.js`, scope `/`), telling it the GraphQL endpoint and the issuer
 * through its address (sw-rules.ts). On the first visit it takes control at once (clients.claim) and is sent what
 * the page had already loaded, so that the next visit opens offline. Not in development (Vite serves no worker).
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const endpoint = settingOf(() => {
    const url = new URL(resolveEndpoint());
    return `${url.origin}${url.pathname}`;
  });
  const issuer = settingOf(resolveIssuer);
  const container = navigator.serviceWorker;
  if (!container.controller) {
    const handOver = (entries: readonly { name: string }[]) => {
      const urlsToCache = loadedUrls(entries, location.origin, endpoint, document.documentElement.lang);
      if (urlsToCache.length > 0) container.controller?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache } });
    };
    container.addEventListener(
      'controllerchange',
      () => {
        const controlledSince = performance.now();
        handOver(performance.getEntriesByType('resource'));
        // Requests that started before the worker took control and end after it (a slow first query) passed by
        // it too: hand them over as they finish. Later ones go through the worker itself.
        const observer = new PerformanceObserver((list) => {
          handOver(list.getEntries().filter((entry) => entry.startTime < controlledSince));
        });
        observer.observe({ type: 'resource' });
        setTimeout(() => observer.disconnect(), 60_000);
      },
      { once: true },
    );
  }
  const script = workerScriptUrl(location.origin, {
    ...(endpoint ? { graphqlEndpoint: endpoint } : {}),
    ...(issuer ? { issuer } : {}),
  });
  container.register(script, { scope: '/' }).catch((error: unknown) => {
    console.warn('Gemeng: the service worker could not be registered; the portal works, but not offline.', error);
  });
}
