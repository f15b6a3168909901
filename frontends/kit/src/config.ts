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
 */
export function resolveEndpoint(attribute?: string | null): string {
  const meta =
    typeof document === 'undefined'
      ? undefined
      : document.querySelector<HTMLMetaElement>(`meta[name="${ENDPOINT_META_NAME}"]`)?.content;
  const raw = attribute || globalThis.gemengConfig?.graphqlEndpoint || meta || DEFAULT_GRAPHQL_ENDPOINT;
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
