import { type AuthState, GraphQLRequestError, graphqlRequest } from '@gemeng/frontend-kit';
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { AuthElement } from './auth-element.ts';
import { LANGUAGE_NAMES, t } from './auth-messages.ts';

/** The signed-in person, through the router with their access token. */
export const ACCOUNT_QUERY = 'query Account { me { name email emailVerified preferredLanguage } }';

export interface AccountData {
  me: { name: string; email: string; emailVerified: boolean; preferredLanguage: string } | null;
}

type LoadState =
  | { readonly status: 'anonymous' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly me: NonNullable<AccountData['me']> }
  | { readonly status: 'error'; readonly error: GraphQLRequestError };

/**
 * The signed-in person's account (name, address and whether it is confirmed, language); when nobody is signed
 * in, a sign-in button and a link to registration on the identity pages.
 *
 * @element gemeng-account
 *
 * @attr {string} lang - `lb`, `fr`, `de` or `en`. Defaults to the closest `[lang]` ancestor, then the browser.
 * @attr {string} endpoint - GraphQL endpoint (see `<gemeng-commune-card>`).
 * @attr {string} issuer - OpenID Connect issuer (see `<gemeng-login>`).
 * @attr {string} mode - `redirect` or `popup` (see `<gemeng-login>`).
 * @attr {number} heading-level - Level of the heading (1–6, default 2).
 *
 * @fires gemeng-account-loaded - `detail.me` holds the account shown.
 * @fires gemeng-auth-error - Signing in failed; `detail` is `{ error, kind }`.
 *
 * @csspart account - The container (carries `aria-busy` while loading).
 * @csspart heading - The heading.
 * @csspart profile - The list of the account's details.
 * @csspart register - The registration link.
 * @csspart button - The sign-in button.
 * @csspart alert - A failure message.
 */
export class Account extends AuthElement {
  static readonly accountDefaults = Object.freeze({ headingLevel: 2 });

  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    load: { state: true },
  };

  static override styles = [
    ...AuthElement.styles,
    css`
      [part='account'] {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        max-width: 40rem;
      }
      [part='heading'] {
        margin: 0 0 calc(var(--_space) / 2);
        color: var(--_accent);
        font-size: 1.5rem;
        line-height: 1.25;
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      a {
        color: var(--_accent);
      }
      [part='alert'] {
        border-inline-start: 4px solid var(--_error);
        padding-inline-start: calc(var(--_space) / 2);
      }
    `,
  ];

  declare headingLevel: number;
  declare protected load: LoadState;
  #controller: AbortController | undefined;

  constructor() {
    super();
    this.headingLevel = Account.accountDefaults.headingLevel;
    this.load = { status: 'anonymous' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  protected override authStateChanged(state: AuthState): void {
    if (state.status === 'signed-in') void this.reload();
    else {
      this.#controller?.abort();
      this.load = { status: 'anonymous' };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('language') || changed.has('endpoint')) && this.hasUpdated && this.load.status !== 'anonymous') {
      void this.reload();
    }
  }

  /** Loads the account again (the retry button). */
  async reload(): Promise<void> {
    const auth = this.auth;
    if (auth?.state.status !== 'signed-in') return;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.load = { status: 'loading' };
    try {
      const data = await graphqlRequest<AccountData>(this.resolvedEndpoint(), ACCOUNT_QUERY, undefined, {
        lang: this.language,
        signal: controller.signal,
        accessToken: () => auth.getAccessToken(),
      });
      if (controller.signal.aborted) return;
      if (!data.me) {
        this.load = { status: 'anonymous' };
        return;
      }
      this.load = { status: 'loaded', me: data.me };
      this.dispatchEvent(
        new CustomEvent('gemeng-account-loaded', { detail: { me: data.me }, bubbles: true, composed: true }),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      this.load = {
        status: 'error',
        error:
          error instanceof GraphQLRequestError
            ? error
            : new GraphQLRequestError(String(error), { kind: 'invalid-response', cause: error }),
      };
    }
  }

  #heading(content: string): TemplateResult {
    const level = Number.isInteger(this.headingLevel) ? Math.min(Math.max(this.headingLevel, 1), 6) : 2;
    const tag = unsafeStatic(`h${level}`); // only h1–h6: clamped above
    return staticHtml`<${tag} id="account-heading" part="heading">${content}</${tag}>`;
  }

  #registerUrl(): string | undefined {
    return this.auth ? `${this.auth.issuerOrigin}/account/register?lang=${this.language}` : undefined;
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    const load = this.load;
    const problem = this.problemText();
    const busy = load.status === 'loading' || this.authState.status === 'pending';
    return html`<section part="account" lang=${lang} aria-labelledby="account-heading" aria-busy=${busy ? 'true' : 'false'}>
      ${this.#heading(t(lang, 'account'))}
      <p role="status" class=${busy ? '' : 'visually-hidden'}>${busy ? t(lang, 'loading') : ''}</p>
      ${problem ? html`<p part="alert" role="alert">${problem}</p>` : nothing}
      ${this.#body()}
    </section>`;
  }

  #body(): TemplateResult | typeof nothing {
    const lang = this.language;
    const load = this.load;
    switch (load.status) {
      case 'loaded': {
        const me = load.me;
        return html`<dl part="profile">
          <dt>${t(lang, 'name')}</dt>
          <dd data-testid="account-name">${me.name}</dd>
          <dt>${t(lang, 'email')}</dt>
          <dd data-testid="account-email">${me.email}</dd>
          <dt>${t(lang, 'emailVerified')}</dt>
          <dd data-testid="account-verified">${me.emailVerified ? t(lang, 'yes') : t(lang, 'no')}</dd>
          <dt>${t(lang, 'preferredLanguage')}</dt>
          <dd data-testid="account-language" lang=${me.preferredLanguage}>
            ${LANGUAGE_NAMES[me.preferredLanguage] ?? me.preferredLanguage}
          </dd>
        </dl>`;
      }
      case 'error':
        return html`<div part="alert" role="alert">
          <p>${t(lang, 'loadError')}</p>
          <button type="button" @click=${() => void this.reload()}>${t(lang, 'retry')}</button>
        </div>`;
      case 'loading':
        return nothing;
      default: {
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
  }
}
