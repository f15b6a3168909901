import type { Language } from '@gemeng/frontend-kit';
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  startRegistration,
} from '@simplewebauthn/browser';
import { html, type TemplateResult } from 'lit';
import {
  isFailure,
  type Me,
  PASSKEY_REGISTER_FINISH,
  PASSKEY_REGISTER_START,
  PASSKEY_REMOVE,
  type Passkey,
  type PasskeyRegisterFinishResult,
  type PasskeyRegisterStartResult,
  type PasskeyRemoveResult,
} from './account-data.ts';
import { ta } from './account-messages.ts';
import { AccountSection, renderTime } from './account-section.ts';
import { t } from './auth-messages.ts';

export const PASSKEY_NAME_MAX = 60;

/** A name the person will recognise, e.g. "Firefox on Windows"; "This device" when the browser says too little. */
export function suggestPasskeyName(lang: Language, userAgent = globalThis.navigator?.userAgent ?? ''): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : undefined;
  const platform = /iPhone/.test(userAgent)
    ? 'iPhone'
    : /iPad/.test(userAgent)
      ? 'iPad'
      : /Android/.test(userAgent)
        ? 'Android'
        : /CrOS/.test(userAgent)
          ? 'ChromeOS'
          : /Mac OS X|Macintosh/.test(userAgent)
            ? 'macOS'
            : /Windows/.test(userAgent)
              ? 'Windows'
              : /Linux/.test(userAgent)
                ? 'Linux'
                : undefined;
  const name = browser && platform ? ta(lang, 'passkeyDefaultName', { browser, platform }) : ta(lang, 'thisDevice');
  return [...name].slice(0, PASSKEY_NAME_MAX).join('');
}

/** What the browser said when asked to create the credential. */
type Ceremony = { readonly refused: Error } | { readonly response: RegistrationResponseJSON };

/**
 * The person's passkeys (a table, each with a remove button) and the form that adds one: the identity service's
 * options, the browser's ceremony (`@simplewebauthn/browser`), then the answer with the chosen name.
 */
export class PasskeysSection extends AccountSection {
  readonly key = 'passkeys';

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const length = [...name].length;
    if (length < 1 || length > PASSKEY_NAME_MAX) {
      return this.showFieldErrors({ name: ta(this.lang, 'passkeyNameLength') });
    }
    let ceremony: Ceremony | undefined;
    const answer = await this.run('add', async () => {
      const start = await this.host.request<PasskeyRegisterStartResult>(PASSKEY_REGISTER_START);
      const raw = start.passkeyRegisterStart.options;
      const optionsJSON = (typeof raw === 'string' ? JSON.parse(raw) : raw) as PublicKeyCredentialCreationOptionsJSON;
      try {
        ceremony = { response: await startRegistration({ optionsJSON }) };
      } catch (error) {
        ceremony = { refused: error instanceof Error ? error : new Error(String(error)) };
        return undefined;
      }
      return this.host.request<PasskeyRegisterFinishResult>(PASSKEY_REGISTER_FINISH, {
        name,
        response: ceremony.response,
      });
    });
    if (ceremony && 'refused' in ceremony) return this.#refused(ceremony.refused);
    if (!answer) return;
    const result = answer.passkeyRegisterFinish;
    if (isFailure(result)) return this.showFailure(result, ['name']);
    form.reset(); // back to the suggested name, for the next one
    this.succeed(ta(this.lang, 'passkeyAdded', { name: result.passkey.name }));
    await this.host.reload();
  }

  /** The browser's refusal, by the DOMException's name (kept by SimpleWebAuthn's WebAuthnError). */
  #refused(error: Error): void {
    switch (error.name) {
      case 'NotAllowedError':
      case 'AbortError':
        // The person closed the browser's dialog: nothing went wrong.
        this.succeed(ta(this.lang, 'passkeyCancelled'));
        break;
      case 'SecurityError':
        // This page's origin is not allowed for the identity service's RP ID (a commune website elsewhere).
        this.fail(ta(this.lang, 'passkeyOtherOrigin'));
        break;
      case 'InvalidStateError':
        this.fail(ta(this.lang, 'passkeyExists'));
        break;
      default:
        console.error(error);
        this.fail(ta(this.lang, 'passkeyFailed'));
    }
  }

  async #remove(passkey: Passkey): Promise<void> {
    const answer = await this.run(`remove:${passkey.id}`, () =>
      this.host.request<PasskeyRemoveResult>(PASSKEY_REMOVE, { id: passkey.id }),
    );
    if (!answer) return;
    const result = answer.passkeyRemove;
    if (isFailure(result)) return this.showFailure(result, []);
    // Its row (and the button) is gone: the message takes the focus.
    this.succeed(ta(this.lang, 'passkeyRemoved'), { focus: true });
    await this.host.reload();
  }

  render(me: Me): TemplateResult {
    const lang = this.lang;
    const supported = browserSupportsWebAuthn();
    return html`<section part="passkeys" aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.host.heading(2, ta(lang, 'passkeysHeading'), 'passkeys-heading')}
      <p>${ta(lang, 'passkeysIntro')}</p>
      ${me.passkeys.length ? this.#renderTable(me.passkeys) : html`<p>${ta(lang, 'noPasskeys')}</p>`}
      ${
        supported
          ? html`<form part="form" class="form" novalidate @submit=${(e: SubmitEvent) => void this.#add(e)}>
              <div class="field">
                <label part="label" for="passkeys-name">${ta(lang, 'passkeyNameLabel')}</label>
                ${this.renderHint('name', ta(lang, 'passkeyNameHint'))} ${this.renderFieldError('name')}
                <input
                  part="input"
                  id="passkeys-name"
                  name="name"
                  type="text"
                  autocomplete="off"
                  required
                  maxlength=${PASSKEY_NAME_MAX}
                  value=${suggestPasskeyName(lang)}
                  aria-invalid=${this.invalid('name')}
                  aria-describedby=${this.describedBy('name', true)}
                />
              </div>
              <div class="actions">
                <button part="button" type="submit" aria-disabled=${this.disabled()}>${ta(lang, 'addPasskey')}</button>
              </div>
            </form>`
          : html`<p>${ta(lang, 'passkeyUnsupported')}</p>`
      }
      ${this.renderFeedback()}
    </section>`;
  }

  #renderTable(passkeys: readonly Passkey[]): TemplateResult {
    const lang = this.lang;
    return html`<div class="table-wrap">
      <table part="table passkeys-table" aria-labelledby="passkeys-heading">
        <thead>
          <tr>
            <th scope="col">${t(lang, 'name')}</th>
            <th scope="col">${ta(lang, 'createdAt')}</th>
            <th scope="col">${ta(lang, 'lastUsedAt')}</th>
            <th scope="col">${ta(lang, 'backedUp')}</th>
            <th scope="col">${ta(lang, 'action')}</th>
          </tr>
        </thead>
        <tbody>
          ${passkeys.map(
            (passkey) => html`<tr>
              <th scope="row">${passkey.name}</th>
              <td>${renderTime(lang, passkey.createdAt)}</td>
              <td>${passkey.lastUsedAt ? renderTime(lang, passkey.lastUsedAt) : ta(lang, 'never')}</td>
              <td>${passkey.backedUp ? ta(lang, 'yes') : ta(lang, 'no')}</td>
              <td>
                <button
                  part="button secondary"
                  class="secondary"
                  type="button"
                  aria-label="${ta(lang, 'remove')}: ${ta(lang, 'passkeyNamed', { name: passkey.name })}"
                  aria-disabled=${this.disabled()}
                  @click=${() => void this.#remove(passkey)}
                >
                  ${ta(lang, 'remove')}
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
