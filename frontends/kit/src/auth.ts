/**
 * OpenID Connect for the browser: Authorization Code + PKCE (S256) against identity's provider, for the portal
 * (full-page redirect) and for widgets on commune websites (a popup, so the host page keeps its state).
 *
 * Tokens live in memory only. While the page lives, the rotating refresh token renews the access token before it
 * expires; on load, the portal restores the provider's session silently (`restore`, ADR 11). One client per
 * issuer and client id is shared by every bundle on the page (`authClient`), so the shell and the widgets see
 * the same sign-in. The parts, by responsibility, are in ./auth/.
 */
export { AuthClient } from './auth/client.ts';
export { accessTokenRejected, authClient, resolveIssuer, resolveSignInMode } from './auth/page.ts';
export { codeChallenge, decodeJwtPayload, randomToken } from './auth/pkce.ts';
export { isPopupCallback, isSilentCallback, notifyOpener } from './auth/popup.ts';
export {
  ACR_SUBSTANTIAL,
  type AcrValue,
  type AuthClientOptions,
  AuthError,
  type AuthErrorCode,
  type AuthState,
  type AuthUser,
  CALLBACK_PATH,
  DEFAULT_CLIENT_ID,
  DEFAULT_GRAPH_RESOURCE,
  DEFAULT_SCOPE,
  ISSUER_META_NAME,
  POPUP_NAME,
  type ProviderMetadata,
  SILENT_FRAME_NAME,
  type SignInMode,
  type SignInOptions,
  type SignOutOptions,
} from './auth/types.ts';
