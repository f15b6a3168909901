import { createHash } from 'node:crypto';

/** What the loader is generated from. URL paths (`/widgets/…`) are resolved against the loader's own URL. */
export interface LoaderSettings {
  /** Public GraphQL endpoint, absolute or relative to the portal. */
  readonly graphqlEndpoint: string;
  readonly oidcIssuer?: string | undefined;
  /** URL path of the shared runtime, preloaded once a widget is needed. */
  readonly runtime?: string | undefined;
  /** Custom element tag → URL path of the module that defines it. */
  readonly modules: Readonly<Record<string, string>>;
}

/**
 * The loader's logic, as browser JavaScript: a function of (settings, the loader's URL, a module importer, the
 * global scope), so that tests can run it in a DOM of their own. Kept small and plain: every commune page
 * downloads it.
 *
 * - `gemengConfig`: only a plain object is the page's config. An element with `id="gemengConfig"` shows up as
 *   a global too (DOM clobbering by markup injected into a commune's page) and must not choose where widgets
 *   send requests and tokens: the loader then puts a plain object of its own in its place.
 * - A widget's module is imported when its tag appears and is not defined yet: in the page now or later, and
 *   inside the open shadow roots of Gemeng widgets (a widget that renders another). The shared runtime is
 *   preloaded (`<link rel="modulepreload">`) with the first widget, so it downloads beside the widget's module.
 */
export const LOADER_MAIN = `(settings, base, importModule, scope) => {
  const { document, customElements } = scope;
  const current = scope.gemengConfig;
  const prototype = current !== null && typeof current === 'object' ? Object.getPrototypeOf(current) : undefined;
  let config = current;
  if (prototype !== Object.prototype && prototype !== null) {
    config = {};
    try {
      scope.gemengConfig = config;
    } catch {}
  }
  config.graphqlEndpoint ??= new URL(settings.graphqlEndpoint, base).href;
  if (settings.oidcIssuer) config.oidcIssuer ??= settings.oidcIssuer;

  const modules = new Map(Object.entries(settings.modules));
  if (modules.size === 0) return;
  const selector = [...modules.keys()].join(',');
  const requested = new Set();
  const watched = new WeakSet();
  let runtimeLinked = false;

  const load = (tag) => {
    if (requested.has(tag) || customElements.get(tag)) return;
    requested.add(tag);
    if (!runtimeLinked && settings.runtime) {
      runtimeLinked = true;
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = new URL(settings.runtime, base).href;
      (document.head ?? document.documentElement).append(link);
    }
    importModule(new URL(modules.get(tag), base).href).catch((error) =>
      console.error('Gemeng: <' + tag + '> could not be loaded', error),
    );
  };
  const visit = (element) => {
    const tag = element.localName;
    if (!modules.has(tag)) return;
    load(tag);
    customElements
      .whenDefined(tag)
      .then(() => element.updateComplete)
      .then(() => element.shadowRoot && watch(element.shadowRoot), () => {});
  };
  const scan = (root) => {
    if (root.nodeType === 1) visit(root);
    for (const element of root.querySelectorAll(selector)) visit(element);
  };
  const observer = new scope.MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) scan(node);
  });
  const watch = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
    scan(root);
  };
  watch(document);
}`;

/** The loader's source: settings inlined as JSON, then the logic above run once. */
export function embedLoaderSource(settings: LoaderSettings, version: string): string {
  const inlined: LoaderSettings = {
    graphqlEndpoint: settings.graphqlEndpoint,
    ...(settings.oidcIssuer ? { oidcIssuer: settings.oidcIssuer } : {}),
    ...(settings.runtime ? { runtime: settings.runtime } : {}),
    modules: settings.modules,
  };
  return [
    `// Gemeng embed loader ${version}: <script type="module" src="https://<portal>/embed.js"></script>, then`,
    '// <gemeng-…> elements anywhere in the page. Each widget loads when its element appears.',
    `(${LOADER_MAIN})(${JSON.stringify(inlined)}, import.meta.url, (url) => import(url), globalThis);`,
    '',
  ].join('\n');
}

/** Subresource Integrity value of the loader's bytes (for `<script integrity>` with the pinned URL). */
export function integrityOf(source: string): string {
  return `sha384-${createHash('sha384').update(source).digest('base64')}`;
}

/** The pinned, versioned URL path: the name changes with the content, so it is cached for good. */
export function pinnedLoaderPath(source: string, version: string): string {
  const hash = createHash('sha384').update(source).digest('base64url').slice(0, 12);
  return `/embed/${encodeURIComponent(version)}/embed-${hash}.js`;
}
