/** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), after revoking the refresh token. */
import { safeReturnPath } from '../return-path.ts';
import { randomToken } from './pkce.ts';
import { POPUP_TIMEOUT_MS, waitForCallback } from './popup.ts';
import { revokeRefreshToken, type Tokens } from './tokens.ts';
import { currentPath, type ProviderMetadata, type SignOutOptions, STORAGE_PREFIX, sessionStore } from './types.ts';

/**
 * Revokes the refresh token, then ends the provider's session: a redirect (the return path kept in
 * sessionStorage under the request's `state`) or, given `popup`, in that window, which is closed at the end.
 */
export async function signOutAtProvider(
  fetchImpl: typeof fetch,
  metadata: Promise<ProviderMetadata>,
  clientId: string,
  tokens: Tokens,
  options: SignOutOptions & { readonly popup: Window | undefined },
): Promise<void> {
  const { popup } = options;
  try {
    const provider = await metadata;
    await revokeRefreshToken(fetchImpl, provider, clientId, tokens.refreshToken);
    if (!provider.end_session_endpoint) return;
    const state = randomToken();
    const postLogout = `${location.origin}/`;
    const url = new URL(provider.end_session_endpoint);
    url.search = new URLSearchParams({
      id_token_hint: tokens.idToken,
      post_logout_redirect_uri: postLogout,
      state,
      client_id: clientId,
      ...(options.language ? { ui_locales: options.language } : {}),
    }).toString();
    if (!popup) {
      sessionStore()?.setItem(`${STORAGE_PREFIX}logout:${state}`, safeReturnPath(options.returnTo ?? currentPath()));
      location.assign(url.href);
      return;
    }
    popup.location.href = url.href;
    await waitForCallback(popup, {
      done: (href) => href.startsWith(postLogout),
      timeoutMs: POPUP_TIMEOUT_MS,
      timeoutMessage: 'Signing out took too long.',
    }).catch(() => {});
  } finally {
    popup?.close();
  }
}

/** On `/` after a redirect sign-out: the path to go back to, or undefined when this is no such return. */
export function signOutReturn(href: string): string | undefined {
  const state = new URL(href).searchParams.get('state');
  if (!state) return undefined;
  const key = `${STORAGE_PREFIX}logout:${state}`;
  const returnTo = sessionStore()?.getItem(key);
  sessionStore()?.removeItem(key);
  return returnTo ? safeReturnPath(returnTo) : undefined;
}
