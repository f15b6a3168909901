import { ConfigurationError } from './errors.ts';

export const DEFAULT_GRAPHQL_ENDPOINT = 'http://127.0.0.1:4000/graphql';

/** Page-wide settings, set by `/embed.js` or the shell before widgets load. */
export interface GemengGlobalConfig {
  graphqlEndpoint?: string;
  /** The OpenID Connect issuer widgets sign in with (`GEMENG_OIDC_ISSUER`). */
  oidcIssuer?: string;
  /** The public client (default `gemeng-portal`). */
  oidcClientId?: string;
  /** `popup` (default off the portal) or `redirect` (the portal, which handles `/auth/callback`). */
  signInMode?: 'redirect' | 'popup';
}

declare global {
  // `var` because only a var declaration adds a property to `globalThis`'s type.
  var gemengConfig: GemengGlobalConfig | undefined;
}

/** The `<meta>` a page (the shell) can carry instead of a script: it works under a CSP without inline scripts. */
export const ENDPOINT_META_NAME = 'gemeng:graphql-endpoint';

/**
 * Where widgets send GraphQL requests: the element's `endpoint` attribute, then `globalThis.gemengConfig`,
 * then `<meta name="gemeng:graphql-endpoint">`, then {@link DEFAULT_GRAPHQL_ENDPOINT}.
 * Relative URLs resolve against the page. Throws a {@link ConfigurationError} for a URL that is not http(s).
 * Requests with the access token go only to {@link tokenOrigins}.
 */
export function resolveEndpoint(attribute?: string | null): string {
  const raw =
    attribute || configured('graphqlEndpoint') || metaContent(ENDPOINT_META_NAME, false) || DEFAULT_GRAPHQL_ENDPOINT;
  let url: URL;
  try {
    url = new URL(raw, typeof location === 'undefined' ? undefined : location.href);
  } catch {
    throw new ConfigurationError(`The GraphQL endpoint "${raw}" is not a URL: set endpoint="https://…/graphql".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`The GraphQL endpoint "${raw}" must use http or https.`);
  }
  return url.href;
}

/**
 * `globalThis.gemengConfig` when a script set it as a plain object, else undefined. An element with
 * `id="gemengConfig"` (DOM clobbering by markup injected into a commune's page) also shows up as a global:
 * it must not be able to choose where the access token goes.
 */
export function pageConfig(): GemengGlobalConfig | undefined {
  const config: unknown = globalThis.gemengConfig;
  if (!config || typeof config !== 'object') return undefined;
  const prototype = Object.getPrototypeOf(config);
  return prototype === Object.prototype || prototype === null ? (config as GemengGlobalConfig) : undefined;
}

/** A field of the page's config ({@link pageConfig}), ignoring anything that is not a non-empty string. */
export function configured(key: keyof GemengGlobalConfig): string | undefined {
  const value = pageConfig()?.[key];
  return typeof value === 'string' && value ? value : undefined;
}

/** The content of the page's `<meta name=…>`; with `headOnly`, only one in `<head>` (not one in injected markup). */
function metaContent(name: string, headOnly: boolean): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const root = headOnly ? document.head : document;
  return root?.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;
}

function originOf(value: string): string | undefined {
  try {
    const url = new URL(value, typeof location === 'undefined' ? undefined : location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origins the person's access token may be sent to: the router(s) the page itself configured, by script
 * (`gemengConfig.graphqlEndpoint`, which `/embed.js` sets) or in its `<head>` (`<meta name="gemeng:graphql-endpoint">`,
 * which the shell serves), else the default endpoint's. An element's `endpoint` attribute never adds one: markup
 * (a CMS field, an injected tag) must not be able to send the token elsewhere.
 */
export function tokenOrigins(): string[] {
  const sources = [configured('graphqlEndpoint'), metaContent(ENDPOINT_META_NAME, true)].filter(
    (value): value is string => Boolean(value) && !value?.startsWith('__GEMENG_'),
  );
  const origins = (sources.length ? sources : [DEFAULT_GRAPHQL_ENDPOINT]).map(originOf);
  return [...new Set(origins.filter((origin): origin is string => Boolean(origin)))];
}

/**
 * Throws a {@link ConfigurationError} unless `endpoint` is on one of `origins` (default {@link tokenOrigins}): the
 * check before a request carries the access token.
 */
export function assertTokenEndpoint(endpoint: string, origins: readonly string[] = tokenOrigins()): void {
  const origin = originOf(endpoint);
  if (origin && origins.includes(origin)) return;
  throw new ConfigurationError(
    `The GraphQL endpoint "${endpoint}" is not the portal's router (${origins.join(', ') || 'none configured'}): ` +
      'the access token is sent only there. Remove the endpoint attribute, or set gemengConfig.graphqlEndpoint.',
  );
}
