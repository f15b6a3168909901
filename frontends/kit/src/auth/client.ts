/**
 * One person's sign-in on this page: Authorization Code + PKCE (S256) with `state` and `nonce`, tokens in memory
 * only, renewed with the rotating refresh token; restored silently on load (./silent.ts, ADR 11).
 */
import { safeReturnPath } from '../return-path.ts';
import { answerCode, authorizationRequest, keepTransaction, takeTransaction } from './authorize.ts';
import { discover } from './discovery.ts';
import { AuthStateTarget } from './events.ts';
import { openPopup, popupAuthorize } from './popup.ts';
import { signOutAtProvider, signOutReturn } from './sign-out.ts';
import { restoreSession, sessionHint, type TabMessage, tabChannel } from './silent.ts';
import { acceptTokens, type TokenResponse, type Tokens, tokenRequest } from './tokens.ts';
import {
  type AuthClientOptions,
  AuthError,
  type AuthState,
  DEFAULT_CLIENT_ID,
  DEFAULT_GRAPH_RESOURCE,
  DEFAULT_SCOPE,
  type ProviderMetadata,
  type SignInOptions,
  type SignOutOptions,
  type Transaction,
} from './types.ts';

/** Renew this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Listen with `subscribe` (called at once, then on every change) or the `change` event; read `state`; give
 * `getAccessToken()` to the GraphQL client.
 */
export class AuthClient extends AuthStateTarget {
  readonly issuer: string;
  readonly clientId: string;
  readonly resource: string;
  readonly scope: string;
  readonly #fetch: typeof fetch;
  readonly #tell: (message: TabMessage) => void;
  #metadata: Promise<ProviderMetadata> | undefined;
  #tokens: Tokens | undefined;
  #pending = false;
  #refreshing: Promise<void> | undefined;
  #restoring: Promise<boolean> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: AuthClientOptions) {
    super();
    this.issuer = options.issuer.replace(/\/+$/, '');
    this.clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    this.resource = options.resource ?? DEFAULT_GRAPH_RESOURCE;
    this.scope = options.scope ?? DEFAULT_SCOPE;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#tell = tabChannel(this.issuer, (message) => {
      // Signed out in another tab: the provider's session is gone, so are this tab's tokens (no round trip).
      if (message === 'signed-out') this.#clear();
      // Signed in in another tab: the provider's session is there to restore.
      else void this.restore({ force: true });
    });
  }

  override get state(): AuthState {
    if (this.#tokens) return { status: 'signed-in', user: this.#tokens.user, expiresAt: this.#tokens.expiresAt };
    return this.#pending ? { status: 'pending' } : { status: 'anonymous' };
  }

  /** The origin of the identity pages (registration: `${issuerOrigin}/account/register`). */
  get issuerOrigin(): string {
    return new URL(this.issuer).origin;
  }

  #setPending(pending: boolean): void {
    if (this.#pending === pending) return;
    this.#pending = pending;
    this.changed();
  }

  /** The provider's discovery document, fetched once (a failed one is fetched again next time). */
  metadata(): Promise<ProviderMetadata> {
    this.#metadata ??= discover(this.issuer, this.#fetch);
    this.#metadata.catch(() => {
      this.#metadata = undefined;
    });
    return this.#metadata;
  }

  #authorize(options: SignInOptions & { readonly prompt?: 'none' }) {
    return this.metadata().then((metadata) =>
      authorizationRequest(metadata, {
        ...options,
        clientId: this.clientId,
        scope: this.scope,
        resource: this.resource,
      }),
    );
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
    const popup = mode === 'popup' ? openPopup() : undefined;
    this.#setPending(true);
    try {
      const { transaction, url } = await this.#authorize(options);
      if (!popup) {
        // The verifier must survive the page change; sessionStorage is per tab and never holds tokens.
        keepTransaction(transaction);
        location.assign(url);
        return;
      }
      await this.#completeCallback(await popupAuthorize(popup, url, transaction.redirectUri), transaction);
    } catch (error) {
      popup?.close();
      throw error;
    } finally {
      if (popup) this.#setPending(false);
    }
  }

  /**
   * Restores the provider's session on this page without showing anything (ADR 11): `prompt=none` in a hidden
   * frame. Resolves true when signed in; false, quietly, when nobody is signed in there (or they would have to
   * act: `login_required`, `interaction_required`…) or the answer could not be used. Only tried when this
   * browser signed in through this issuer before (a hint without any token), unless `force`; never while a
   * sign-in is under way.
   */
  restore(options: { readonly force?: boolean } = {}): Promise<boolean> {
    if (this.#tokens) return Promise.resolve(true);
    if (this.#restoring) return this.#restoring;
    if (this.#pending || typeof document === 'undefined') return Promise.resolve(false);
    if (!options.force && !sessionHint.has(this.issuer)) return Promise.resolve(false);
    this.#setPending(true);
    this.#restoring = restoreSession(this.issuer, {
      authorize: () => this.#authorize({ prompt: 'none' }),
      complete: (url, transaction) => this.#completeCallback(url, transaction),
    }).finally(() => {
      this.#setPending(false);
      this.#restoring = undefined;
    });
    return this.#restoring;
  }

  /**
   * On `/auth/callback` after a redirect sign-in: checks `state`, exchanges the code and returns the path to go
   * back to. Throws an {@link AuthError} when the provider refused or the URL is stale.
   */
  async handleRedirectCallback(href: string = location.href): Promise<{ returnTo: string }> {
    const url = new URL(href);
    const transaction = takeTransaction(url);
    this.#setPending(true);
    try {
      await this.#completeCallback(url, transaction);
    } finally {
      this.#setPending(false);
    }
    return { returnTo: safeReturnPath(transaction.returnTo) };
  }

  async #completeCallback(url: URL, transaction: Transaction): Promise<void> {
    const tokens = await this.#tokenRequest({
      grant_type: 'authorization_code',
      code: answerCode(url, transaction),
      code_verifier: transaction.verifier,
      redirect_uri: transaction.redirectUri,
    });
    const fresh = !this.#tokens;
    this.#accept(tokens, transaction.nonce);
    sessionHint.set(this.issuer);
    if (fresh) this.#tell('signed-in');
  }

  async #tokenRequest(params: Record<string, string>): Promise<TokenResponse> {
    return tokenRequest(this.#fetch, await this.metadata(), this.clientId, params);
  }

  #accept(body: TokenResponse, nonce: string | undefined): void {
    this.#tokens = acceptTokens(body, this.#tokens, { issuer: this.issuer, clientId: this.clientId, nonce });
    this.#schedule();
    this.changed();
  }

  /** Renews a minute before the access token expires, or after `delay` (offline: trying again). */
  #schedule(delay?: number): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const tokens = this.#tokens;
    if (!tokens?.refreshToken) return;
    const wait = delay ?? Math.max(tokens.expiresAt - Date.now() - REFRESH_MARGIN_MS, 5_000);
    this.#timer = setTimeout(() => void this.refresh().catch(() => {}), wait);
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
        // Forgotten (or signed out, or signed in anew) meanwhile: this refusal is about tokens that are gone.
        if (this.#tokens === tokens) {
          // Offline for a moment: try again while the access token still works. A refusal signs out.
          const offline = error instanceof AuthError && error.code === 'network' && tokens.expiresAt > Date.now();
          if (offline) this.#schedule(15_000);
          else this.#clear();
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

  /**
   * The graph refused `token` (HTTP 401): the session may have ended elsewhere (signed out in another tab or
   * browser, ended from the account page). When it is this page's current token, one renewal tells: the
   * provider refuses it for an ended session, and the person is then signed out here.
   */
  tokenRejected(token: string): void {
    const tokens = this.#tokens;
    if (!tokens || tokens.accessToken !== token) return;
    if (tokens.refreshToken) void this.refresh().catch(() => {});
    else this.#clear();
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#tokens) return;
    this.#tokens = undefined;
    sessionHint.clear(this.issuer);
    this.changed();
  }

  /**
   * Forgets the tokens here and in this origin's other tabs, without a round trip to the provider: `anonymous`,
   * subscribers told, the renewal stopped (one in flight is ignored), the page stays. For when the provider has
   * already ended the session and its grant (the account was erased); anywhere else use {@link signOut}, since
   * `forget` leaves the provider's session and the refresh token valid until they expire.
   */
  forget(): void {
    if (!this.#tokens) return;
    this.#clear();
    this.#tell('signed-out');
  }

  /**
   * Signs out here, in this origin's other tabs and at the provider (RP-initiated logout with `id_token_hint`
   * and `post_logout_redirect_uri` = `<origin>/`). `redirect` leaves the page and comes back to `/` (call
   * `completeSignOut` there); `popup` ends the provider session in a popup and stays.
   */
  async signOut(options: SignOutOptions = {}): Promise<void> {
    const tokens = this.#tokens;
    const popup = options.mode === 'popup' && tokens ? openPopup() : undefined;
    this.#clear();
    if (!tokens) return;
    this.#tell('signed-out');
    await signOutAtProvider(this.#fetch, this.metadata(), this.clientId, tokens, { ...options, popup });
  }

  /** On `/` after a redirect sign-out: the path to go back to, or undefined when this is no such return. */
  completeSignOut(href: string = location.href): string | undefined {
    return signOutReturn(href);
  }
}
