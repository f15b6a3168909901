/** Configuration of the page's sign-in and the page-wide client per issuer. */
import { configured } from '../config.ts';
import { ConfigurationError } from '../errors.ts';
import { AuthClient } from './client.ts';
import { type AuthClientOptions, DEFAULT_CLIENT_ID, ISSUER_META_NAME, type SignInMode } from './types.ts';

/**
 * The issuer: an element's `issuer` attribute, then `gemengConfig.oidcIssuer` (set by `/embed.js`), then
 * `<meta name="gemeng:oidc-issuer">` (set by the shell). Undefined when none is set; throws a
 * {@link ConfigurationError} for a value that is not an http(s) URL.
 */
export function resolveIssuer(attribute?: string | null): string | undefined {
  const meta =
    typeof document === 'undefined'
      ? undefined
      : document.querySelector<HTMLMetaElement>(`meta[name="${ISSUER_META_NAME}"]`)?.content;
  const raw = attribute || configured('oidcIssuer') || meta;
  if (!raw || raw.startsWith('__GEMENG_')) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`The sign-in issuer "${raw}" is not a URL: set issuer="https://…/oidc".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`The sign-in issuer "${raw}" must use http or https.`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * How widgets sign in: `gemengConfig.signInMode`, else `redirect` on the portal (which carries the issuer
 * `<meta>` and handles `/auth/callback`) and `popup` anywhere else (a commune website keeps its page).
 */
export function resolveSignInMode(attribute?: string | null): SignInMode {
  const requested = attribute || configured('signInMode');
  if (requested === 'redirect' || requested === 'popup') return requested;
  const portal = typeof document !== 'undefined' && Boolean(document.querySelector(`meta[name="${ISSUER_META_NAME}"]`));
  return portal ? 'redirect' : 'popup';
}

const REGISTRY = Symbol.for('gemeng.auth.clients');

function registry(): Map<string, AuthClient> {
  const scope = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, AuthClient> };
  scope[REGISTRY] ??= new Map();
  return scope[REGISTRY];
}

/**
 * The page's client for this issuer: every bundle on the page (the shell's and each widget bundle, which carry
 * their own copy of this module) gets the same instance, so they share one sign-in.
 */
export function authClient(options: AuthClientOptions): AuthClient {
  const clients = registry();
  const key = `${options.issuer.replace(/\/+$/, '')} ${options.clientId ?? DEFAULT_CLIENT_ID}`;
  let client = clients.get(key);
  if (!client) {
    client = new AuthClient(options);
    clients.set(key, client);
  }
  return client;
}

/** A graph answered 401 to `token`: the page's client that handed it out checks its session (`tokenRejected`). */
export function accessTokenRejected(token: string): void {
  for (const client of registry().values()) client.tokenRejected(token);
}
