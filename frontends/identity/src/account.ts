import {
  type AuthError,
  type AuthState,
  type ConfigurationError,
  formStyles,
  graphqlRequest,
  integerBetween,
  type Operation,
  oneOf,
  type StepUpChallenge,
} from '@gemeng/frontend-kit';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { DeveloperEndpoints } from './account-apps.ts';
import { ACCOUNT_QUERY, SECURITY_LOG_SIZE } from './account-data.ts';
import { AccountLoad } from './account-load.ts';
import { accountMessages, ta } from './account-messages.ts';
import {
  ACCOUNT_PAGES,
  type AccountPage,
  accountPageHeading,
  isAccountPage,
  renderAccountNav,
} from './account-pages.ts';
import type { AccountHost } from './account-section.ts';
import { AccountSections } from './account-sections.ts';
import { accountStyles } from './account-styles.ts';
import { AuthElement } from './auth-element.ts';
import { authMessages, t } from './auth-messages.ts';

export { ACCOUNT_QUERY, type AccountData } from './account-data.ts';
export { ACCOUNT_PAGES, type AccountPage } from './account-pages.ts';

/** Detail of the `gemeng-title` event: the page's title, and whether a form on it shows errors. */
export interface TitleDetail {
  readonly title: string;
  readonly error?: boolean;
}

/**
 * The signed-in person's account, one page at a time (`page`): the profile (name, preferred language, communes of
 * residence, a new email address), security (level of the current sign-in, authenticator app, passkeys, code
 * card, sessions, security log), your data (a copy of everything the platform holds about the person, as a JSON
 * file; the deletion of the account) and, reached only through its link, the page for developers (their
 * applications for the client credentials grant, each secret shown once). Each page has its own heading and a
 * small navigation between the four (links to `/account`, `/account/security`, `/account/data` and
 * `/account/developers` on the portal; elsewhere the links switch the page in place), and announces its title
 * with `gemeng-title`. Signed out: a sign-in button and a link to registration on the identity pages.
 * Works on the portal and embedded on a commune website (shadow DOM; style it with `::part()` and the
 * `--gemeng-*` custom properties only).
 *
 * Sensitive changes (adding or removing a second factor, the address, ending sessions, erasing the account,
 * creating API credentials) may need a second factor, entered in the last minutes ("sudo mode"): the server then
 * answers INSUFFICIENT_USER_AUTHENTICATION (RFC 9470: `acr_values`, and `max_age` for a recent one) and the part
 * concerned shows why, with a button that confirms in a popup (`acr_values` and `max_age` of the challenge; a
 * popup everywhere, even on the portal, so that the change and what was typed stay in the page) and a cancel
 * button. Once confirmed, the same mutation goes again with the new token: the change carries on without a
 * second click. The passkey form fetches its options before the click (see `account-passkeys.ts`). After every
 * successful change the account loads again. Requests carry the token only to the page's router (see the kit's
 * `tokenOrigins`): an `endpoint` attribute elsewhere shows a configuration alert instead. Once the account is erased, the element says so (`#account-notice`, which takes the focus)
 * and the page forgets the tokens (see {@link Account.accountErased}).
 *
 * Accessible names (stable, for tests; the strings in `messages/account/<lang>.json` and `messages/auth/<lang>.json`):
 * the list is in the package's README, "The account".
 *
 * @element gemeng-account
 * @summary The signed-in person's account: profile, security (second factors, sessions), applications, data.
 *
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} endpoint - GraphQL endpoint (see `<gemeng-commune-card>`).
 * @attr {string} issuer - OpenID Connect issuer (see `<gemeng-login>`).
 * @attr {'redirect'|'popup'} mode - How to sign in: a full-page redirect or a popup (see `<gemeng-login>`).
 * @attr {'profile'|'security'|'data'|'developers'} [page=profile] - The page shown: the profile, security (second
 *   steps, sessions, activity), your data (download, deletion) or the applications for developers.
 * @attr {1|2|3|4|5|6} [heading-level=2] - Level of the page's heading; its parts are one level deeper (clamped to
 *   h6). Another value (like any unknown `lang`, `mode` or `page`) shows a short message in place of the account
 *   and one console warning.
 *
 * @fires gemeng-title - The page's title, `detail` `{ title, error }` (`error: true` while a form on the page
 *   shows errors), when the page, the language or the errors change (bubbles, composed): the portal's shell sets
 *   the document's title from it; on other websites nobody needs to listen.
 * @fires gemeng-account-loaded - `detail.me` holds the account shown (after every load).
 * @fires gemeng-auth-error - Signing in failed; `detail` is `{ error, kind }`.
 *
 * @csspart account - The container (carries `aria-busy` while loading, also while a section's code loads).
 * @csspart loading - The placeholder of a section whose code is still loading (each section is a chunk of its
 *   own, fetched when the account is first shown; a failed fetch shows an alert with a retry button instead).
 * @csspart attribute-problem - The message shown instead of the account when an attribute value is unknown.
 * @csspart nav - The navigation between the account's pages; nav-link - each link (and `current` on the page
 *   shown).
 * @csspart heading - The page's heading.
 * @csspart section-heading - Every other heading.
 * @csspart profile-section - The Profile section.
 * @csspart profile - The list of the account's details.
 * @csspart form - Each form.
 * @csspart label - Labels and legends.
 * @csspart input - Text fields and the language select.
 * @csspart hint - Hints under labels.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - A form's errors, each a link to its field (when more than one field is in error).
 * @csspart communes - The communes of residence (fieldset of checkboxes).
 * @csspart email-change - The email change part.
 * @csspart security-section - The Security section.
 * @csspart level - The level of the current sign-in.
 * @csspart totp - The authenticator app part.
 * @csspart totp-enrolment - The QR code, key and code field while setting up the app.
 * @csspart totp-qr - The QR code.
 * @csspart totp-secret - The key as text, in groups of four.
 * @csspart recovery - The recovery codes block; recovery-codes - their list.
 * @csspart passkeys - The passkeys part; passkeys-table - its table.
 * @csspart code-card - The code card part.
 * @csspart sessions - The sessions part; sessions-table - its table.
 * @csspart security-log - The security log part; security-log-table - its table; by-other - the marker of
 *   entries done by another person.
 * @csspart apps-section - The Applications (for developers) section; apps-endpoints - the token endpoint, scope
 *   and GraphQL endpoint in its intro.
 * @csspart client-secret - The box with a new client id and secret, shown once.
 * @csspart apps - The applications part; apps-table - its table; app-revoke-confirm - the revocation's
 *   confirmation step.
 * @csspart app-register - The "Register an application" part.
 * @csspart data-section - The Your data section.
 * @csspart data-export - The "Download my data" part.
 * @csspart account-erase - The "Delete my account" part.
 * @csspart table - Every table.
 * @csspart button - Every button (`secondary` too on the less prominent ones, `danger` on "Delete my account" and
 *   "Yes, revoke").
 * @csspart status - An outcome line (`role="status"`), and the notice that the account has been deleted.
 * @csspart alert - A failure message (`role="alert"`).
 * @csspart step-up - The "confirm with a second factor" notice.
 * @csspart register - The registration link.
 */
export class Account extends AuthElement implements AccountHost {
  static readonly accountDefaults = Object.freeze({ headingLevel: 2 });

  static override attributeRules = [
    ...AuthElement.attributeRules,
    integerBetween('heading-level', 1, 6),
    oneOf('page', ACCOUNT_PAGES),
  ];

  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    page: { type: String },
    erased: { state: true },
  };

  static override styles = [...AuthElement.styles, formStyles, accountStyles];

  static override messages = [authMessages, accountMessages];

  declare headingLevel: number;
  /** `profile` (default), `security`, `data` or `developers`. */
  declare page: string;
  /** The account has been erased here: the notice replaces it until someone signs in again. */
  declare protected erased: boolean;

  readonly #sections = new AccountSections(this);
  /** The account query: what is on screen, and the load in flight. */
  readonly #load = new AccountLoad(this, {
    fetch: (signal) => {
      const auth = this.auth;
      if (auth?.state.status !== 'signed-in') return undefined;
      const variables = { securityLogSize: SECURITY_LOG_SIZE };
      return graphqlRequest(this.resolvedEndpoint(), ACCOUNT_QUERY, variables, {
        lang: this.language,
        signal,
        accessToken: () => auth.getAccessToken(),
      });
    },
    loaded: (me) =>
      this.dispatchEvent(new CustomEvent('gemeng-account-loaded', { detail: { me }, bubbles: true, composed: true })),
    misconfigured: (error) => this.#misconfigured(error),
  });
  /** Mutations in flight: aborted on sign-out and when the element leaves the page. */
  #actions = new AbortController();
  /** Who was signed in, at which level: a renewed token for the same alone does not reload. */
  #signedIn: string | undefined;
  /** The last `gemeng-title` sent (`title` and `error`), so that it goes again only on a change. */
  #title: string | undefined;

  constructor() {
    super();
    this.headingLevel = Account.accountDefaults.headingLevel;
    this.page = 'profile';
    this.erased = false;
  }

  override connectedCallback(): void {
    if (this.#actions.signal.aborted) this.#actions = new AbortController();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#actions.abort();
    this.#signedIn = undefined;
    this.#title = undefined;
  }

  /** The page shown (an unknown `page` shows the attribute's message instead). */
  get currentPage(): AccountPage {
    return isAccountPage(this.page) ? this.page : 'profile';
  }

  protected override authStateChanged(state: AuthState): void {
    if (state.status === 'signed-in') {
      for (const part of this.#sections.parts) part.authChanged();
      const key = `${state.user.sub} ${state.user.acr ?? ''}`;
      if (key === this.#signedIn && this.#load.state.status !== 'anonymous') return;
      // Someone signs in after an erasure: their account shows again.
      if (this.#signedIn?.split(' ')[0] !== state.user.sub) this.erased = false;
      this.#signedIn = key;
      // The page's section loads while the account does (the others when they are shown).
      void this.#sections.of(this.currentPage).load();
      void this.reload();
    } else if (state.status === 'anonymous') {
      this.#signedIn = undefined;
      this.#load.clear();
      this.#actions.abort();
      this.#actions = new AbortController();
      for (const part of this.#sections.parts) part.reset();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      (changed.has('language') || changed.has('endpoint')) &&
      this.hasUpdated &&
      this.#load.state.status !== 'anonymous'
    ) {
      void this.reload();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#announceTitle();
  }

  /** `gemeng-title` with the page's title, when it or the errors of the page's forms changed. */
  #announceTitle(): void {
    if (this.attributeProblem()) return;
    const lang = this.language;
    const page = this.currentPage;
    const title = `${accountPageHeading(lang, page)} – ${t(lang, 'account')}`;
    const parts = this.#sections.of(page).module?.parts ?? [];
    const error = parts.some((part) => Object.values(part.fieldErrors).some(Boolean));
    const key = `${error} ${title}`;
    if (key === this.#title) return;
    this.#title = key;
    const detail: TitleDetail = error ? { title, error } : { title };
    this.dispatchEvent(new CustomEvent('gemeng-title', { detail, bubbles: true, composed: true }));
  }

  /** Off the portal the navigation's links show the page in place (the portal's addresses are not there). */
  #showPage = (page: AccountPage): void => {
    this.page = page;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#account-heading')?.focus());
  };

  /** Loads the account again (after every change, and the retry button); what is shown stays meanwhile. */
  reload(): Promise<void> {
    return this.#load.reload();
  }

  /**
   * The endpoint is not the page's router (an `endpoint` attribute elsewhere): the token is not sent there, and
   * the webmaster reads why, as for a missing issuer.
   */
  #misconfigured(error: ConfigurationError): void {
    console.error(error);
    this.problem = { key: 'notConfigured', detail: error.message };
  }

  /** {@link AccountHost.request}: one operation as the signed-in person (only to the page's router). */
  request<TData, TVariables extends Record<string, unknown>>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const auth = this.auth;
    return graphqlRequest(this.resolvedEndpoint(), operation, variables, {
      lang: this.language,
      signal: this.#actions.signal,
      accessToken: async () => auth?.getAccessToken(),
    });
  }

  /**
   * {@link AccountHost.accountErased}: the account is gone at the provider (its sessions, grants and refresh
   * tokens with it), so there is nothing left to end there: the tokens only have to leave this page. The auth
   * client forgets them at once, without a round trip and without leaving the page: the notice stays on screen,
   * with the focus, above the sign-in button.
   */
  async accountErased(): Promise<void> {
    this.erased = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#account-notice')?.focus();
    this.auth?.forget();
  }

  /** {@link AccountHost.startStepUp}: called from the notice's button (synchronously, for the popup). */
  startStepUp(challenge: StepUpChallenge): Promise<AuthError | undefined> {
    return this.stepUp(challenge);
  }

  /** {@link AccountHost.heading}: `depth` levels below `heading-level`; focusable by script (after actions). */
  heading(depth: number, content: string, id: string, part = 'section-heading'): TemplateResult {
    const base = Number.isInteger(this.headingLevel) ? Math.min(Math.max(this.headingLevel, 1), 6) : 2;
    const tag = unsafeStatic(`h${Math.min(base + depth, 6)}`); // only h1–h6: clamped
    return staticHtml`<${tag} id=${id} part=${part} tabindex="-1">${content}</${tag}>`;
  }

  /** For the applications' intro: the provider's token endpoint and the graph this element talks to. */
  #developerEndpoints(): DeveloperEndpoints {
    let graphqlEndpoint: string | undefined;
    try {
      graphqlEndpoint = this.resolvedEndpoint();
    } catch {
      graphqlEndpoint = undefined; // misconfigured: the account would not have loaded either
    }
    return { tokenEndpoint: this.auth ? `${this.auth.issuer}/token` : undefined, graphqlEndpoint };
  }

  #registerUrl(): string | undefined {
    return this.auth ? `${this.auth.issuerOrigin}/account/register?lang=${this.language}` : undefined;
  }

  protected override render(): TemplateResult {
    const unknown = this.attributeProblem();
    if (unknown) return unknown;
    const lang = this.language;
    const load = this.#load.state;
    const problem = this.problemText();
    // A reload with the account still on screen is announced by the part that changed, not as "Loading…".
    const sectionsLoading = Boolean(this.#load.shown) && this.#sections.of(this.currentPage).status === 'loading';
    const busy =
      (load.status === 'loading' && !load.previous) || this.authState.status === 'pending' || sectionsLoading;
    const page = this.currentPage;
    // The navigation only where the account is on screen; on the portal its links change the route.
    const nav = this.#load.shown && !this.erased;
    return html`<section part="account" lang=${lang} aria-labelledby="account-heading" aria-busy=${busy ? 'true' : 'false'}>
      ${nav ? renderAccountNav(lang, page, this.signInMode() === 'redirect' ? undefined : this.#showPage) : nothing}
      ${this.heading(0, accountPageHeading(lang, page), 'account-heading', 'heading')}
      <p role="status" class=${busy ? '' : 'visually-hidden'}>${busy ? t(lang, 'loading') : ''}</p>
      <p part="status" role="status" class="status" id="account-notice" tabindex="-1">${this.erased ? ta(lang, 'accountErased') : ''}</p>
      ${problem ? html`<p part="alert" role="alert">${problem}</p>` : nothing}
      ${this.#body()}
    </section>`;
  }

  #body(): TemplateResult | typeof nothing {
    const lang = this.language;
    const load = this.#load.state;
    const shown = this.erased ? undefined : this.#load.shown;
    const retry =
      load.status === 'error'
        ? html`<div part="alert" role="alert">
            <p>${t(lang, 'loadError')}</p>
            <button part="button" type="button" @click=${() => void this.reload()}>${t(lang, 'retry')}</button>
          </div>`
        : nothing;
    if (shown) {
      const acr = this.authState.status === 'signed-in' ? this.authState.user.acr : undefined;
      const page = this.#sections.render(this.currentPage, lang, shown, {
        acr,
        endpoints: () => this.#developerEndpoints(),
      });
      return html`${retry}${page}`;
    }
    if (this.erased && this.authState.status === 'signed-in') return nothing;
    if (load.status === 'error') return retry;
    if (load.status === 'loading') return nothing;
    if (!this.auth || this.authState.status === 'signed-in') return nothing;
    const register = this.#registerUrl();
    return html`<p>${t(lang, 'anonymous')}</p>
      <p>
        <button part="button" type="button" @click=${() => void this.startSignIn()}>${t(lang, 'signIn')}</button>
      </p>
      ${
        register
          ? html`<p>${t(lang, 'noAccount')} <a part="register" href=${register}>${t(lang, 'register')}</a></p>`
          : nothing
      }`;
  }
}
