import type { AuthState } from '@gemeng/frontend-kit';
import { css, html, nothing, type TemplateResult } from 'lit';
import { AuthElement } from './auth-element.ts';
import { t } from './auth-messages.ts';

/**
 * A sign-in button; once signed in, the person's name and a sign-out button. On the portal it signs in with a
 * full-page redirect; on a commune website (through `/embed.js`) in a popup, so the page keeps its state.
 *
 * @element gemeng-login
 * @summary Sign-in button; once signed in, the person's name and a sign-out button.
 *
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} issuer - OpenID Connect issuer. Defaults to `gemengConfig.oidcIssuer` (set by `/embed.js`),
 *   then `<meta name="gemeng:oidc-issuer">` (the portal).
 * @attr {'redirect'|'popup'} mode - How to sign in: a full-page redirect or a popup. Default: redirect on the
 *   portal, popup elsewhere.
 *
 * @fires gemeng-auth-error - Signing in or out failed; `detail` is `{ error, kind }`.
 *
 * @csspart login - The wrapper.
 * @csspart name - The signed-in person's name.
 * @csspart button - The sign-in or sign-out button.
 * @csspart status - The live region announcing sign-in and sign-out.
 * @csspart alert - A failure message.
 */
export class Login extends AuthElement {
  static override styles = [
    ...AuthElement.styles,
    css`
      :host {
        display: inline-block;
        background: transparent;
      }
      [part='login'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
      }
      [part='name'] {
        font-weight: 600;
      }
      [part='button'][aria-disabled='true'] {
        opacity: 0.7;
        cursor: progress;
      }
      [part='alert'] {
        flex-basis: 100%;
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  /** What the live region says after the last change (not at the first render: nothing happened yet). */
  #announcement = '';
  #previous: AuthState['status'] | undefined;

  protected override authStateChanged(state: AuthState): void {
    const before = this.#previous;
    this.#previous = state.status;
    if (before === undefined || before === state.status) return;
    if (state.status === 'signed-in') this.#announcement = 'signedIn';
    else if (state.status === 'anonymous' && before === 'signed-in') this.#announcement = 'signedOut';
    else this.#announcement = '';
  }

  protected override render(): TemplateResult {
    const unknown = this.attributeProblem();
    if (unknown) return unknown;
    const lang = this.language;
    const state = this.authState;
    const problem = this.problemText();
    const name = state.status === 'signed-in' ? (state.user.name ?? state.user.email ?? '') : '';
    const announcement =
      this.#announcement === 'signedIn'
        ? t(lang, 'signedIn', { name })
        : this.#announcement === 'signedOut'
          ? t(lang, 'signedOut')
          : state.status === 'pending'
            ? t(lang, 'signingIn')
            : '';
    return html`<div part="login" lang=${lang}>
      <span part="status" role="status" class="visually-hidden">${announcement}</span>
      ${
        !this.auth
          ? nothing
          : state.status === 'signed-in'
            ? html`<span part="name"><span class="visually-hidden">${t(lang, 'signedInAs')} </span>${name}</span>
                <button part="button" type="button" @click=${() => void this.startSignOut()}>${t(lang, 'signOut')}</button>`
            : html`<button
                part="button"
                type="button"
                aria-disabled=${state.status === 'pending' ? 'true' : 'false'}
                @click=${() => (state.status === 'pending' ? undefined : void this.startSignIn())}
              >
                ${t(lang, 'signIn')}
              </button>`
      }
      ${problem ? html`<p part="alert" role="alert">${problem}</p>` : nothing}
    </div>`;
  }
}
