import type { Catalog } from './catalog.ts';
import { type Operator, renderOperator } from './operator.ts';

/** Placeholders in shell/index.html that the server fills (a `<meta>` needs no inline script). */
export const ENDPOINT_PLACEHOLDER = '__GEMENG_GRAPHQL_ENDPOINT__';
export const ISSUER_PLACEHOLDER = '__GEMENG_OIDC_ISSUER__';
/** `<meta name="gemeng:applications">`: single-spa application name → module URL and lifecycles export. */
export const APPLICATIONS_META_NAME = 'gemeng:applications';

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline scripts in a page (the CSP allows none: the build must not produce any). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[0]);
}

/** The layout's routes (`<route path>` or `<route default>`, each with its first `<application name>`). */
export interface LayoutRoutes {
  readonly paths: readonly { readonly path: string; readonly application: string }[];
  readonly fallback: string | undefined;
}

export function layoutRoutes(html: string): LayoutRoutes {
  const layout = /<template id="single-spa-layout">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? '';
  const paths: { path: string; application: string }[] = [];
  let fallback: string | undefined;
  for (const match of layout.matchAll(/<route\b([^>]*)>\s*<application\b[^>]*\bname="([^"]+)"/g)) {
    const attributes = match[1] ?? '';
    const application = match[2]!;
    const path = /\bpath="([^"]*)"/.exec(attributes)?.[1];
    if (path !== undefined) paths.push({ path: path.replace(/^\/+|\/+$/g, ''), application });
    else if (/\bdefault\b/.test(attributes)) fallback ??= application;
  }
  return { paths, fallback };
}

/** The application single-spa-layout mounts for a path: a route's path matches itself and what lies below it. */
export function applicationForPath(routes: LayoutRoutes, pathname: string): string | undefined {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  return (
    routes.paths.find((route) => path === route.path || path.startsWith(`${route.path}/`))?.application ??
    routes.fallback
  );
}

export interface PageSettings {
  readonly routerUrl: string;
  readonly oidcIssuer: string | undefined;
  readonly catalog: Catalog;
  /** The application of the requested route: its module is preloaded. */
  readonly application: string | undefined;
  /** Who runs the platform: the footer and `<meta name="gemeng:operator">` (operator.ts). Default: the demo's. */
  readonly operator?: Operator;
}

/**
 * The built page with the server's settings: endpoint and issuer in their `<meta>`, the applications' modules
 * in `<meta name="gemeng:applications">` (read by src/main.ts instead of an import map), and
 * `<link rel="modulepreload">` for the shared runtime and the route's application, which then download while
 * the page's own script does, instead of after it.
 */
export function renderPage(template: string, settings: PageSettings): string {
  const { catalog } = settings;
  const operator = renderOperator(template, settings.operator);
  const preloads = [catalog.runtime, settings.application && catalog.applications[settings.application]?.module];
  const head = [
    operator.meta,
    `<meta name="${APPLICATIONS_META_NAME}" content="${escapeAttribute(JSON.stringify(catalog.applications))}">`,
    ...preloads
      .filter((url): url is string => Boolean(url))
      .map((url) => `<link rel="modulepreload" href="${escapeAttribute(url)}">`),
  ].join('\n    ');
  return operator.html
    .replaceAll(ENDPOINT_PLACEHOLDER, escapeAttribute(settings.routerUrl))
    .replaceAll(ISSUER_PLACEHOLDER, escapeAttribute(settings.oidcIssuer ?? ''))
    .replace(/<\/head>/i, `  ${head}\n  </head>`);
}
