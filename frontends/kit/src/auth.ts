/**
 * OpenID Connect for the browser: Authorization Code + PKCE (S256) against identity's provider, for the portal
 * (full-page redirect) and for widgets on commune websites (a popup, so the host page keeps its state).
 *
 * Tokens live in memory only: a reload means signing in again. While the page lives, the rotating refresh token
 * renews the access token before it expires. One client per issuer and client id is shared by every bundle on
 * the page (`authClient`), so the shell and the widgets see the same sign-in.
 */
import { configured } from './config.ts';
import { ConfigurationError } from './errors.ts';
import { safeReturnPath } from './return-path.ts';

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
const STORAGE_PREFIX = 'gemeng:auth:';
const MESSAGE_TYPE = 'gemeng:auth-callback';
/** Renew this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
const POPUP_TIMEOUT_MS = 15 * 60_000;

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

interface Transaction {
  readonly state: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly redirectUri: string;
  readonly returnTo: string;
}

interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly idToken: string;
  readonly expiresAt: number;
  readonly user: AuthUser;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
  token_type?: string;
  error?: string;
  error_description?: string;
}

// --- helpers ---------------------------------------------------------------------------------------------------

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a PKCE verifier (RFC 7636). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The payload of a JWT, without checking its signature (the token came straight from the token endpoint). */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) throw new AuthError('The token is not a JWT.', 'invalid-response');
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (!payload || typeof payload !== 'object') throw new AuthError('The token has no claims.', 'invalid-response');
  return payload as Record<string, unknown>;
}

/**
 * The level of assurance: from the access token first (what the graph checks; renewed at each refresh, when an
 * ID token may not come back), else from the ID token's claims. An opaque access token is not an error.
 */
function acrFrom(accessToken: string, idClaims: Record<string, unknown>): string | undefined {
  try {
    const acr = decodeJwtPayload(accessToken).acr;
    if (typeof acr === 'string') return acr;
  } catch {
    // Not a JWT: only the ID token can tell.
  }
  return typeof idClaims.acr === 'string' ? idClaims.acr : undefined;
}

function userFrom(claims: Record<string, unknown>, acr: string | undefined): AuthUser {
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
  return {
    sub: String(claims.sub ?? ''),
    ...(text('name') ? { name: text('name') } : {}),
    ...(text('email') ? { email: text('email') } : {}),
    ...(typeof claims.email_verified === 'boolean' ? { emailVerified: claims.email_verified } : {}),
    ...(text('locale') ? { locale: text('locale') } : {}),
    ...(acr ? { acr } : {}),
  };
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function currentPath(): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

/** True on a popup's landing page (the callback URL inside the window this client opened). */
export function isPopupCallback(): boolean {
  return (
    typeof window !== 'undefined' &&
    location.pathname === CALLBACK_PATH &&
    // Browsers may clear window.name on a cross-site navigation: the opener then tells it apart.
    (window.name === POPUP_NAME || Boolean(window.opener))
  );
}

/**
 * On a popup's landing page: hands the callback URL to the page that opened it (same origin only). The opener
 * also reads the popup's location itself, so a callback page without Gemeng's script works too.
 */
export function notifyOpener(): boolean {
  if (!isPopupCallback()) return false;
  try {
    (window.opener as Window).postMessage({ type: MESSAGE_TYPE, url: location.href }, location.origin);
  } catch {
    // The opener navigated away; nothing waits for this sign-in any more.
  }
  return true;
}

// --- the client -------------------------------------------------------------------------------------------------

/**
 * One person's sign-in on this page. Listen with `subscribe` (called at once, then on every change) or the
 * `change` event; read `state`; give `getAccessToken()` to the GraphQL client.
 */
export class AuthClient extends EventTarget {
  readonly issuer: string;
  readonly clientId: string;
  readonly resource: string;
  readonly scope: string;
  readonly #fetch: typeof fetch;
  #metadata: Promise<ProviderMetadata> | undefined;
  #tokens: Tokens | undefined;
  #pending = false;
  #refreshing: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: AuthClientOptions) {
    super();
    this.issuer = options.issuer.replace(/\/+$/, '');
    this.clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    this.resource = options.resource ?? DEFAULT_GRAPH_RESOURCE;
    this.scope = options.scope ?? DEFAULT_SCOPE;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get state(): AuthState {
    if (this.#tokens) return { status: 'signed-in', user: this.#tokens.user, expiresAt: this.#tokens.expiresAt };
    return this.#pending ? { status: 'pending' } : { status: 'anonymous' };
  }

  /** The origin of the identity pages (registration: `${issuerOrigin}/account/register`). */
  get issuerOrigin(): string {
    return new URL(this.issuer).origin;
  }

  /** Calls `listener` now and after every change; returns the function that stops it. */
  subscribe(listener: (state: AuthState) => void): () => void {
    const handler = () => listener(this.state);
    this.addEventListener('change', handler);
    listener(this.state);
    return () => this.removeEventListener('change', handler);
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  #setPending(pending: boolean): void {
    if (this.#pending === pending) return;
    this.#pending = pending;
    this.#changed();
  }

  /** The provider's discovery document, fetched once. */
  metadata(): Promise<ProviderMetadata> {
    this.#metadata ??= (async () => {
      const url = `${this.issuer}/.well-known/openid-configuration`;
      let response: Response;
      try {
        response = await this.#fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
      } catch (error) {
        throw new AuthError(`Could not reach the sign-in service at ${url}.`, 'network', { cause: error });
      }
      const body = (await response.json().catch(() => undefined)) as ProviderMetadata | undefined;
      if (!response.ok || !body?.authorization_endpoint || !body.token_endpoint) {
        throw new AuthError(`${url} is not an OpenID Connect discovery document.`, 'invalid-response');
      }
      if (body.issuer.replace(/\/+$/, '') !== this.issuer) {
        throw new AuthError(
          `The discovery document names issuer ${body.issuer}, not ${this.issuer}.`,
          'invalid-response',
        );
      }
      return body;
    })();
    // A failed discovery may be retried on the next sign-in.
    this.#metadata.catch(() => {
      this.#metadata = undefined;
    });
    return this.#metadata;
  }

  /**
   * Starts signing in. `redirect` leaves the page (it comes back to `/auth/callback`, where the page calls
   * `handleRedirectCallback`); `popup` resolves once signed in. Call it from a click handler: a popup is opened
   * synchronously, before anything is awaited, so that browsers do not block it.
   */
  async signIn(options: SignInOptions = {}): Promise<void> {
    const mode = options.mode ?? 'redirect';
    const maxAge = options.maxAge;
    if (maxAge !== undefined && !(Number.isSafeInteger(maxAge) && maxAge >= 0)) {
      throw new RangeError(`max_age must be a whole number of seconds, not ${maxAge}.`);
    }
    const popup = mode === 'popup' ? this.#openPopup() : undefined;
    this.#setPending(true);
    try {
      const metadata = await this.metadata();
      const transaction: Transaction = {
        state: randomToken(),
        verifier: randomToken(48),
        nonce: randomToken(),
        redirectUri: `${location.origin}${CALLBACK_PATH}`,
        returnTo: safeReturnPath(options.returnTo ?? currentPath()),
      };
      const url = new URL(metadata.authorization_endpoint);
      url.search = new URLSearchParams({
        client_id: this.clientId,
        redirect_uri: transaction.redirectUri,
        response_type: 'code',
        scope: this.scope,
        resource: this.resource,
        state: transaction.state,
        nonce: transaction.nonce,
        code_challenge: await codeChallenge(transaction.verifier),
        code_challenge_method: 'S256',
        ...(options.language ? { ui_locales: options.language } : {}),
        ...(options.acr ? { acr_values: options.acr } : {}),
        ...(maxAge === undefined ? {} : { max_age: String(maxAge) }),
      }).toString();

      if (!popup) {
        // The verifier must survive the page change; sessionStorage is per tab and never holds tokens.
        storage()?.setItem(`${STORAGE_PREFIX}${transaction.state}`, JSON.stringify(transaction));
        location.assign(url.href);
        return;
      }
      popup.location.href = url.href;
      const callback = await this.#waitForPopup(popup, (href) => href.startsWith(transaction.redirectUri));
      await this.#completeCallback(new URL(callback), transaction);
    } catch (error) {
      popup?.close();
      throw error;
    } finally {
      if (popup) this.#setPending(false);
    }
  }

  /**
   * On `/auth/callback` after a redirect sign-in: checks `state`, exchanges the code and returns the path to go
   * back to. Throws an {@link AuthError} when the provider refused or the URL is stale.
   */
  async handleRedirectCallback(href: string = location.href): Promise<{ returnTo: string }> {
    const url = new URL(href);
    const state = url.searchParams.get('state') ?? '';
    const key = `${STORAGE_PREFIX}${state}`;
    const stored = state ? storage()?.getItem(key) : null;
    storage()?.removeItem(key);
    if (!stored) {
      throw new AuthError('This sign-in link is not (or no longer) valid: please sign in again.', 'invalid-state');
    }
    const transaction = JSON.parse(stored) as Transaction;
    this.#setPending(true);
    try {
      await this.#completeCallback(url, transaction);
    } finally {
      this.#setPending(false);
    }
    return { returnTo: safeReturnPath(transaction.returnTo) };
  }

  async #completeCallback(url: URL, transaction: Transaction): Promise<void> {
    const params = url.searchParams;
    if (params.get('state') !== transaction.state) {
      throw new AuthError('The sign-in answer does not match the request (state).', 'invalid-state');
    }
    const error = params.get('error');
    if (error) {
      throw new AuthError(
        params.get('error_description') ?? error,
        error === 'access_denied' ? 'cancelled' : 'provider',
      );
    }
    const code = params.get('code');
    if (!code) throw new AuthError('The sign-in answer carries no code.', 'invalid-response');
    const tokens = await this.#tokenRequest({
      grant_type: 'authorization_code',
      code,
      code_verifier: transaction.verifier,
      redirect_uri: transaction.redirectUri,
    });
    this.#accept(tokens, transaction.nonce);
  }

  async #tokenRequest(params: Record<string, string>): Promise<TokenResponse> {
    const metadata = await this.metadata();
    let response: Response;
    try {
      response = await this.#fetch(metadata.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ ...params, client_id: this.clientId }).toString(),
        credentials: 'omit',
      });
    } catch (error) {
      throw new AuthError('Could not reach the sign-in service.', 'network', { cause: error });
    }
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || body.error) {
      throw new AuthError(
        body.error_description ?? body.error ?? `HTTP ${response.status} from the token endpoint`,
        'provider',
      );
    }
    return body;
  }

  #accept(body: TokenResponse, nonce: string | undefined): void {
    if (!body.access_token || (!body.id_token && !this.#tokens)) {
      throw new AuthError('The token endpoint returned no tokens.', 'invalid-response');
    }
    const idToken = body.id_token ?? this.#tokens?.idToken ?? '';
    const claims = decodeJwtPayload(idToken);
    const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (String(claims.iss).replace(/\/+$/, '') !== this.issuer || !audience.includes(this.clientId)) {
      throw new AuthError('The ID token was not issued for this client.', 'invalid-response');
    }
    if (nonce !== undefined && claims.nonce !== nonce) {
      throw new AuthError('The ID token does not match the request (nonce).', 'invalid-state');
    }
    if (this.#tokens && claims.sub !== this.#tokens.user.sub) {
      throw new AuthError('The refreshed tokens belong to someone else.', 'invalid-response');
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.#tokens = {
      accessToken: body.access_token,
      // Rotation: each refresh returns the next refresh token; keep the old one only if none came.
      refreshToken: body.refresh_token ?? this.#tokens?.refreshToken,
      idToken,
      expiresAt: Date.now() + expiresIn * 1000,
      user: userFrom(claims, acrFrom(body.access_token, claims)),
    };
    this.#schedule();
    this.#changed();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const tokens = this.#tokens;
    if (!tokens?.refreshToken) return;
    const delay = Math.max(tokens.expiresAt - Date.now() - REFRESH_MARGIN_MS, 5_000);
    this.#timer = setTimeout(() => void this.refresh().catch(() => {}), delay);
  }

  /**
   * Renews the tokens with the refresh token (one request at a time: a rotated refresh token used twice would
   * revoke the whole grant). On refusal the person is signed out.
   */
  refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      const tokens = this.#tokens;
      const refreshToken = tokens?.refreshToken;
      if (!refreshToken) return;
      let body: TokenResponse;
      try {
        body = await this.#tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
      } catch (error) {
        if (this.#tokens !== tokens) {
          // Forgotten (or signed out, or signed in anew) meanwhile: this refusal is about tokens that are gone.
        } else if (
          error instanceof AuthError &&
          error.code === 'network' &&
          (this.#tokens?.expiresAt ?? 0) > Date.now()
        ) {
          // Offline for a moment: try again while the access token still works.
          clearTimeout(this.#timer);
          this.#timer = setTimeout(() => void this.refresh().catch(() => {}), 15_000);
        } else {
          this.#clear();
        }
        throw error;
      }
      // Forgotten (or signed out) while the provider answered: the renewed tokens must not bring the person back.
      if (this.#tokens !== tokens) return;
      this.#accept(body, undefined);
    })().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /** A valid access token for the graph (renewed first when it is about to expire), or undefined when anonymous. */
  async getAccessToken(): Promise<string | undefined> {
    const tokens = this.#tokens;
    if (!tokens) return undefined;
    if (tokens.expiresAt - Date.now() < 30_000) {
      try {
        await this.refresh();
      } catch {
        return this.#tokens?.accessToken;
      }
    }
    return this.#tokens?.accessToken;
  }

  /** `{ authorization: 'Bearer …' }`, or `{}` when anonymous: spread it into a request's headers. */
  async authorizationHeader(): Promise<Record<string, string>> {
    const token = await this.getAccessToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#tokens) return;
    this.#tokens = undefined;
    this.#changed();
  }

  /**
   * Forgets the tokens on this page only, without a round trip to the provider: the state becomes `anonymous`
   * and subscribers hear of it (nothing happens when nobody is signed in). The renewal timer stops, and a renewal
   * in flight is ignored when it comes back. For when the provider has already ended the session and its grant
   * (e.g. the account was erased): there is nothing left to revoke there, and the page stays where it is. Anywhere
   * else use {@link signOut}: `forget` leaves the provider's session and the refresh token valid until they expire.
   */
  forget(): void {
    this.#clear();
  }

  /**
   * Signs out here and at the provider (RP-initiated logout with `id_token_hint` and
   * `post_logout_redirect_uri` = `<origin>/`). `redirect` leaves the page and comes back to `/`
   * (call `completeSignOut` there); `popup` ends the provider session in a popup and stays.
   */
  async signOut(options: SignOutOptions = {}): Promise<void> {
    const mode = options.mode ?? 'redirect';
    const tokens = this.#tokens;
    const popup = mode === 'popup' && tokens ? this.#openPopup() : undefined;
    this.#clear();
    if (!tokens) return;
    try {
      const metadata = await this.metadata();
      await this.#revoke(metadata, tokens.refreshToken);
      if (!metadata.end_session_endpoint) {
        popup?.close();
        return;
      }
      const state = randomToken();
      const postLogout = `${location.origin}/`;
      const url = new URL(metadata.end_session_endpoint);
      url.search = new URLSearchParams({
        id_token_hint: tokens.idToken,
        post_logout_redirect_uri: postLogout,
        state,
        client_id: this.clientId,
        ...(options.language ? { ui_locales: options.language } : {}),
      }).toString();
      if (!popup) {
        storage()?.setItem(`${STORAGE_PREFIX}logout:${state}`, safeReturnPath(options.returnTo ?? currentPath()));
        location.assign(url.href);
        return;
      }
      popup.location.href = url.href;
      await this.#waitForPopup(popup, (href) => href.startsWith(postLogout)).catch(() => {});
    } finally {
      popup?.close();
    }
  }

  /** On `/` after a redirect sign-out: the path to go back to, or undefined when this is no such return. */
  completeSignOut(href: string = location.href): string | undefined {
    const state = new URL(href).searchParams.get('state');
    if (!state) return undefined;
    const key = `${STORAGE_PREFIX}logout:${state}`;
    const returnTo = storage()?.getItem(key);
    storage()?.removeItem(key);
    return returnTo ? safeReturnPath(returnTo) : undefined;
  }

  async #revoke(metadata: ProviderMetadata, refreshToken: string | undefined): Promise<void> {
    if (!metadata.revocation_endpoint || !refreshToken) return;
    try {
      await this.#fetch(metadata.revocation_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          token: refreshToken,
          token_type_hint: 'refresh_token',
          client_id: this.clientId,
        }).toString(),
        credentials: 'omit',
        keepalive: true,
        signal: AbortSignal.timeout(3_000),
      });
    } catch {
      // The session ends at the provider anyway; an unrevoked refresh token expires on its own.
    }
  }

  #openPopup(): Window {
    const width = 520;
    const height = 720;
    const left = Math.max(0, (window.screenX ?? 0) + ((window.outerWidth ?? width) - width) / 2);
    const top = Math.max(0, (window.screenY ?? 0) + ((window.outerHeight ?? height) - height) / 2);
    const popup = window.open('', POPUP_NAME, `popup,width=${width},height=${height},left=${left},top=${top}`);
    if (!popup) {
      throw new AuthError('The browser blocked the sign-in window: allow pop-ups for this site.', 'popup-blocked');
    }
    return popup;
  }

  /** Resolves with the popup's URL once it is back on this origin and `done(url)`; rejects if it is closed. */
  #waitForPopup(popup: Window, done: (href: string) => boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearInterval(poll);
        clearTimeout(timeout);
        window.removeEventListener('message', onMessage);
        outcome();
      };
      const check = (href: string | undefined) => {
        if (href && done(href)) {
          finish(() => resolve(href));
          popup.close();
          return true;
        }
        return false;
      };
      const onMessage = (event: MessageEvent) => {
        const data = event.data as { type?: unknown; url?: unknown } | null;
        if (event.origin !== location.origin || event.source !== popup || data?.type !== MESSAGE_TYPE) return;
        check(typeof data.url === 'string' ? data.url : undefined);
      };
      const poll = setInterval(() => {
        let href: string | undefined;
        try {
          href = popup.location.href; // throws while the popup shows the provider's pages (another origin)
        } catch {
          href = undefined;
        }
        if (check(href)) return;
        if (popup.closed) finish(() => reject(new AuthError('The sign-in window was closed.', 'cancelled')));
      }, 200);
      const timeout = setTimeout(() => {
        popup.close();
        finish(() => reject(new AuthError('Signing in took too long.', 'timeout')));
      }, POPUP_TIMEOUT_MS);
      window.addEventListener('message', onMessage);
    });
  }
}

// --- configuration and the page-wide instance -----------------------------------------------------------------

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

/**
 * The page's client for this issuer: every bundle on the page (the shell's and each widget bundle, which carry
 * their own copy of this module) gets the same instance, so they share one sign-in.
 */
export function authClient(options: AuthClientOptions): AuthClient {
  const scope = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, AuthClient> };
  scope[REGISTRY] ??= new Map();
  const registry = scope[REGISTRY];
  const key = `${options.issuer.replace(/\/+$/, '')} ${options.clientId ?? DEFAULT_CLIENT_ID}`;
  let client = registry.get(key);
  if (!client) {
    client = new AuthClient(options);
    registry.set(key, client);
  }
  return client;
}
