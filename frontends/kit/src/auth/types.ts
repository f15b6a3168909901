/** Constants, options and results of the browser's OpenID Connect client (see ../auth.ts). */

export const DEFAULT_CLIENT_ID = 'gemeng-portal';
/** The resource indicator that makes the access token a JWT for the graph (RFC 8707). */
export const DEFAULT_GRAPH_RESOURCE = 'urn:gemeng:graph';
export const DEFAULT_SCOPE = 'openid profile email offline_access graph.read';
/** The `<meta>` the shell carries with `GEMENG_OIDC_ISSUER`. */
export const ISSUER_META_NAME = 'gemeng:oidc-issuer';
/** Registered as `<origin>/auth/callback` for every portal and commune website origin. */
export const CALLBACK_PATH = '/auth/callback';
/** The popup's window name: a page at the callback URL uses it to know it is a popup's landing page. */
export const POPUP_NAME = 'gemeng-sign-in';
/** The hidden frame's name: a page at the callback URL uses it to know it answers a silent restore. */
export const SILENT_FRAME_NAME = 'gemeng-silent-sign-in';
/** Prefix of what this client keeps in the browser's storage (never a token). */
export const STORAGE_PREFIX = 'gemeng:auth:';
/** `postMessage` type of a callback page handing its URL to the window that waits for it. */
export const MESSAGE_TYPE = 'gemeng:auth-callback';

export type SignInMode = 'redirect' | 'popup';

/**
 * Levels of assurance a sign-in can ask for (`acr_values`). `substantial` means two factors (password and code
 * card, authenticator app or passkey); without it the provider accepts the password alone (`low`).
 */
export type AcrValue = 'substantial';
export const ACR_SUBSTANTIAL: AcrValue = 'substantial';

export interface AuthUser {
  readonly sub: string;
  readonly name?: string;
  readonly email?: string;
  readonly emailVerified?: boolean;
  readonly locale?: string;
  /**
   * The level of assurance of the sign-in (`low` or `substantial`), as the access token tells the graph; undefined
   * when neither token says. Anything but `substantial` counts as one factor.
   */
  readonly acr?: string;
}

export type AuthState =
  | { readonly status: 'anonymous' }
  | { readonly status: 'pending' }
  | { readonly status: 'signed-in'; readonly user: AuthUser; readonly expiresAt: number };

export type AuthErrorCode =
  | 'cancelled'
  | 'popup-blocked'
  | 'invalid-state'
  | 'provider'
  | 'network'
  | 'invalid-response'
  | 'timeout';

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    message: string,
    readonly code: AuthErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ProviderMetadata {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint?: string;
  readonly revocation_endpoint?: string;
}

export interface AuthClientOptions {
  /** e.g. `https://login.gemeng.lu/oidc` */
  readonly issuer: string;
  readonly clientId?: string;
  readonly resource?: string;
  readonly scope?: string;
  /** Injected for tests; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

export interface SignInOptions {
  readonly mode?: SignInMode;
  /** Where to land after a redirect sign-in (default: the current path, query and hash). */
  readonly returnTo?: string;
  /** `ui_locales`: the language of the login pages. */
  readonly language?: string;
  /**
   * `acr_values`: the level of assurance to reach (`substantial`, or what a step-up challenge names). Signed in
   * with the password alone, the provider then asks only for the missing second factor (step-up).
   */
  readonly acr?: AcrValue | (string & {});
  /**
   * `max_age` in seconds: the provider asks again for what is older ("sudo mode": with `acr: 'substantial'`, only
   * the second factor). From a step-up challenge's `max_age`.
   */
  readonly maxAge?: number;
}

export interface SignOutOptions {
  readonly mode?: SignInMode;
  readonly returnTo?: string;
  readonly language?: string;
}

/** One authorization request in flight: what its answer is checked against. */
export interface Transaction {
  readonly state: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly redirectUri: string;
  readonly returnTo: string;
}

/** The page's own storage for the sign-in transaction (per tab); undefined where the browser refuses it. */
export function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function currentPath(): string {
  return `${location.pathname}${location.search}${location.hash}`;
}
