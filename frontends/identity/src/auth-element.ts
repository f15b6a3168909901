import {
  type AcrValue,
  type AuthClient,
  AuthError,
  type AuthState,
  authClient,
  ConfigurationError,
  configured,
  GemengElement,
  type MessageSet,
  oneOf,
  resolveIssuer,
  resolveSignInMode,
  type StepUpChallenge,
} from '@gemeng/frontend-kit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { type AuthMessageKey, authMessages, t } from './auth-messages.ts';

/** Detail of the `gemeng-auth-error` event. */
export interface AuthErrorDetail {
  readonly error: Error;
  /** `config`, or an AuthError code (`cancelled`, `popup-blocked`, `provider`, `network`, …). */
  readonly kind: string;
}

/**
 * Base of the widgets that know who is signed in: resolves the page's {@link AuthClient} (shared by every
 * widget and the shell), follows its state and starts sign-in and sign-out the way the page allows
 * (a redirect on the portal, a popup on commune websites).
 */
export class AuthElement extends GemengElement {
  static override properties: PropertyDeclarations = {
    ...GemengElement.properties,
    issuer: { type: String },
    mode: { type: String },
    authState: { state: true },
    problem: { state: true },
  };

  static override attributeRules = [...GemengElement.attributeRules, oneOf('mode', ['redirect', 'popup'])];

  static override messages: readonly MessageSet[] = [authMessages];

  /** OpenID Connect issuer; falls back to `gemengConfig.oidcIssuer`, then `<meta name="gemeng:oidc-issuer">`. */
  declare issuer: string | undefined;
  /** `redirect` or `popup`; default: redirect on the portal, popup elsewhere. */
  declare mode: string | undefined;
  declare protected authState: AuthState;
  /** The message key of the last failure, shown in a `role="alert"` line. */
  declare protected problem: { key: AuthMessageKey; detail?: string } | undefined;

  protected auth: AuthClient | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor() {
    super();
    this.authState = { status: 'anonymous' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('issuer') && this.isConnected && changed.get('issuer') !== undefined) this.#connect();
  }

  #connect(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    let issuer: string | undefined;
    try {
      issuer = resolveIssuer(this.issuer ?? this.getAttribute('issuer'));
      if (!issuer) {
        throw new ConfigurationError(
          'no issuer: load /embed.js from the portal, or set issuer="https://…/oidc" on the element.',
        );
      }
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      this.auth = undefined;
      this.problem = { key: 'notConfigured', detail: error.message };
      console.error(error);
      this.#emitError(error, 'config');
      return;
    }
    this.auth = authClient({ issuer, clientId: configured('oidcClientId') });
    this.#unsubscribe = this.auth.subscribe((state) => {
      this.authState = state;
      this.authStateChanged(state);
    });
  }

  /** Called on every change of the sign-in state (and once at connection). */
  protected authStateChanged(_state: AuthState): void {}

  protected signInMode() {
    return resolveSignInMode(this.mode ?? this.getAttribute('mode'));
  }

  /**
   * From a click handler only: a popup must open before anything is awaited. `acr: 'substantial'` asks for two
   * factors (step-up: a person already signed in with the password is asked only for the second factor).
   */
  protected async startSignIn(options: { acr?: AcrValue } = {}): Promise<void> {
    if (!this.auth) return;
    this.problem = undefined;
    try {
      await this.auth.signIn({
        mode: this.signInMode(),
        language: this.language,
        ...(options.acr ? { acr: options.acr } : {}),
      });
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * From a click handler only: the person confirms with a second factor what a change asked for (the challenge's
   * `acr_values` and `max_age`). Always in a popup, even where signing in redirects: the page, the change in
   * progress and what the person typed (a password) stay here, so the change carries on once the popup is done.
   * Resolves with nothing once the new tokens are in, else with the AuthError (`cancelled`, `popup-blocked`, …).
   */
  protected async stepUp(challenge: StepUpChallenge): Promise<AuthError | undefined> {
    if (!this.auth) return new AuthError('Signing in is not set up on this page.', 'provider');
    try {
      await this.auth.signIn({
        mode: 'popup',
        language: this.language,
        acr: challenge.acrValues,
        ...(challenge.maxAge === undefined ? {} : { maxAge: challenge.maxAge }),
      });
      return undefined;
    } catch (error) {
      const failure = error instanceof AuthError ? error : new AuthError(String(error), 'provider', { cause: error });
      if (failure.code !== 'cancelled') console.error(error);
      return failure;
    }
  }

  protected async startSignOut(): Promise<void> {
    if (!this.auth) return;
    this.problem = undefined;
    try {
      await this.auth.signOut({ mode: this.signInMode(), language: this.language });
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const code = error instanceof AuthError ? error.code : 'provider';
    this.problem = { key: code === 'cancelled' ? 'cancelled' : code === 'popup-blocked' ? 'popupBlocked' : 'failed' };
    if (code !== 'cancelled') console.error(error);
    this.#emitError(error instanceof Error ? error : new Error(String(error)), code);
  }

  #emitError(error: Error, kind: string): void {
    const detail: AuthErrorDetail = { error, kind };
    this.dispatchEvent(new CustomEvent('gemeng-auth-error', { detail, bubbles: true, composed: true }));
  }

  protected problemText(): string | undefined {
    const problem = this.problem;
    return problem ? t(this.language, problem.key, { detail: problem.detail ?? '' }) : undefined;
  }
}
