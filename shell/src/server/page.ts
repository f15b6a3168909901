import { matchLanguage } from '@gemeng/i18n';
import { pathToActiveWhen } from 'single-spa';
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

/** A layout route: its full path (`communes/:slug`), `exact` or also what lies below it, its first application. */
export interface LayoutRoute {
  readonly path: string;
  readonly exact: boolean;
  readonly application: string;
}

/** The layout's routes (`<route path>` or `<route default>`, each with its first `<application name>`). */
export interface LayoutRoutes {
  readonly paths: readonly LayoutRoute[];
  readonly fallback: string | undefined;
}

export function layoutRoutes(html: string): LayoutRoutes {
  const layout = /<template id="single-spa-layout">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? '';
  const paths: LayoutRoute[] = [];
  let fallback: string | undefined;
  for (const match of layout.matchAll(/<route\b([^>]*)>\s*<application\b[^>]*\bname="([^"]+)"/g)) {
    const attributes = match[1] ?? '';
    const application = match[2]!;
    const path = /\bpath="([^"]*)"/.exec(attributes)?.[1];
    const exact = /\bexact\b/.test(attributes);
    if (path !== undefined) paths.push({ path: path.replace(/^\/+|\/+$/g, ''), exact, application });
    else if (/\bdefault\b/.test(attributes)) fallback ??= application;
  }
  return { paths, fallback };
}

/**
 * The application single-spa-layout mounts for a path (single-spa's own matching: `:name` is one segment, case
 * does not count, a route without `exact` also matches what lies below it), or undefined: no page there.
 */
export function applicationForPath(routes: LayoutRoutes, pathname: string): string | undefined {
  // single-spa reads href and pathname, which a URL has as a Location does.
  const url = new URL(pathname, 'http://shell.invalid') as unknown as Location;
  return (
    routes.paths.find((route) => pathToActiveWhen(`/${route.path}`, route.exact)(url))?.application ?? routes.fallback
  );
}

/** Where the portal lands back from the identity provider: a page, though no route of the layout. */
export const AUTH_CALLBACK_PATH = '/auth/callback';

/** A `?lang=` that names no language of the portal (an absent or empty one is no problem). */
export function isUnknownLanguage(search: string): boolean {
  const value = new URLSearchParams(search).get('lang');
  return Boolean(value) && !matchLanguage(value);
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
