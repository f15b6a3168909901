import { renderDataTable } from '@gemeng/frontend-kit';
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
} from './account-data.ts';
import { ta } from './account-messages.ts';
import { PASSKEY_NAME_MAX, suggestPasskeyName } from './account-passkey-name.ts';
import { AccountSection, renderTime } from './account-section.ts';
import { t } from './auth-messages.ts';

/** What the browser said when asked to create the credential. */
type Ceremony = { readonly refused: Error } | { readonly response: RegistrationResponseJSON };

/** Registration options fetched ahead of the click: Safari lets `navigator.credentials.create` run only inside it. */
type Prepared =
  | { readonly status: 'fetching' }
  | { readonly status: 'ready'; readonly options: PublicKeyCredentialCreationOptionsJSON; readonly at: number }
  /** Refused (e.g. a second factor is needed first) or unreachable: the click asks again, and says why. */
  | { readonly status: 'failed' };

/** Identity keeps a registration challenge for five minutes: fetch a new one well before. */
const OPTIONS_FRESH_MS = 4 * 60_000;

/**
 * The person's passkeys (a table, each with a remove button) and the form that adds one: the identity service's
 * options, fetched as soon as the form shows and again after each attempt, so that the click on "Add a passkey"
 * calls the browser's ceremony (`@simplewebauthn/browser`, i.e. `navigator.credentials.create`) before anything is
 * awaited; then the answer with the chosen name. Without options at hand (the identity service wanted a second
 * factor first, or could not be reached), the click fetches them, with the step-up if needed, and the person
 * clicks once more.
 */
export class PasskeysSection extends AccountSection {
  override readonly key = 'passkeys';
  #prepared: Prepared | undefined;
  /** Only the newest fetch may store its options (each one replaces the challenge identity keeps). */
  #generation = 0;
  /** The form is on screen (the account is shown and the browser has WebAuthn). */
  #formShown = false;
  #expiry: ReturnType<typeof setTimeout> | undefined;

  override reset(): void {
    super.reset();
    this.#forget();
    this.#formShown = false;
  }

  hostDisconnected(): void {
    this.#forget();
  }

  /** New tokens (after a step-up, say): options that were refused may be granted now. */
  override authChanged(): void {
    if (this.#prepared?.status === 'failed') this.#prepared = undefined;
  }

  /** After each render: options ready, or on their way, for the next click. */
  hostUpdated(): void {
    if (this.#formShown && !this.busy && this.#prepared === undefined) void this.#prefetch();
  }

  #forget(): void {
    this.#generation += 1;
    this.#prepared = undefined;
    clearTimeout(this.#expiry);
  }

  async #fetchOptions(): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const start = await this.host.request(PASSKEY_REGISTER_START);
    const raw = start.passkeyRegisterStart.options;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as PublicKeyCredentialCreationOptionsJSON;
  }

  #store(options: PublicKeyCredentialCreationOptionsJSON): void {
    this.#prepared = { status: 'ready', options, at: Date.now() };
    clearTimeout(this.#expiry);
    this.#expiry = setTimeout(() => {
      this.#prepared = undefined;
      this.host.requestUpdate();
    }, OPTIONS_FRESH_MS);
  }

  async #prefetch(): Promise<void> {
    this.#forget();
    const generation = this.#generation;
    this.#prepared = { status: 'fetching' };
    try {
      const options = await this.#fetchOptions();
      if (generation === this.#generation) this.#store(options);
    } catch {
      if (generation === this.#generation) this.#prepared = { status: 'failed' };
    }
    this.host.requestUpdate();
  }

  /** The submit handler: nothing is awaited before the browser's ceremony starts. */
  #add(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const length = [...name].length;
    if (length < 1 || length > PASSKEY_NAME_MAX) {
      this.showFieldErrors({ name: ta(this.lang, 'passkeyNameLength') });
      return;
    }
    const prepared = this.#prepared;
    if (prepared?.status !== 'ready' || Date.now() - prepared.at > OPTIONS_FRESH_MS) {
      void this.#prepareNow();
      return;
    }
    this.#forget(); // one challenge, one ceremony
    const ceremony: Promise<Ceremony> = startRegistration({ optionsJSON: prepared.options }).then(
      (response) => ({ response }),
      (error: unknown) => ({ refused: error instanceof Error ? error : new Error(String(error)) }),
    );
    void this.#register(form, name, ceremony);
  }

  /** The options were not at hand: fetch them (a step-up if identity wants one), then ask for the click. */
  async #prepareNow(): Promise<void> {
    this.#forget();
    const generation = this.#generation;
    const options = await this.run('prepare', async () => {
      const fetched = await this.#fetchOptions();
      // Stored before the part stops being busy, so that no prefetch replaces them.
      if (generation === this.#generation) this.#store(fetched);
      return fetched;
    });
    if (!options || this.#prepared?.status !== 'ready') return;
    this.succeed(ta(this.lang, 'passkeyReady', { button: ta(this.lang, 'addPasskey') }));
    this.focusLater('passkeys-add');
  }

  async #register(form: HTMLFormElement, name: string, ceremony: Promise<Ceremony>): Promise<void> {
    let refused: Error | undefined;
    // A step-up asked for by the answer sends the same answer again: identity keeps its challenge meanwhile.
    const answer = await this.run('add', async () => {
      const outcome = await ceremony;
      if ('refused' in outcome) {
        refused = outcome.refused;
        return undefined;
      }
      return this.host.request(PASSKEY_REGISTER_FINISH, {
        name,
        response: outcome.response,
      });
    });
    if (refused) return this.#refused(refused);
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
    const answer = await this.run(`remove:${passkey.id}`, () => this.host.request(PASSKEY_REMOVE, { id: passkey.id }));
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
    this.#formShown = supported;
    return html`<section part="passkeys" aria-busy=${this.ariaBusy()}>
      ${this.host.heading(1, ta(lang, 'passkeysHeading'), 'passkeys-heading')}
      <p>${ta(lang, 'passkeysIntro')}</p>
      ${this.#renderTable(me.passkeys)}
      ${
        supported
          ? html`<form
              part="form"
              class="form"
              novalidate
              data-options=${this.#prepared?.status ?? 'none'}
              @submit=${(e: SubmitEvent) => this.#add(e)}
            >
              ${this.field({
                name: 'name',
                label: ta(lang, 'passkeyNameLabel'),
                hint: ta(lang, 'passkeyNameHint'),
                autocomplete: 'off',
                required: true,
                maxlength: PASSKEY_NAME_MAX,
                defaultValue: suggestPasskeyName(lang),
              })}
              <div class="actions">
                <button part="button" id="passkeys-add" type="submit" aria-disabled=${this.disabled()}>
                  ${ta(lang, 'addPasskey')}
                </button>
              </div>
            </form>`
          : html`<p>${ta(lang, 'passkeyUnsupported')}</p>`
      }
      ${this.renderFeedback()}
    </section>`;
  }

  #renderTable(passkeys: readonly Passkey[]): TemplateResult {
    const lang = this.lang;
    return renderDataTable({
      labelledBy: 'passkeys-heading',
      part: 'passkeys-table',
      rows: passkeys,
      empty: ta(lang, 'noPasskeys'),
      columns: [
        { header: t(lang, 'name'), rowHeader: true, cell: (passkey) => passkey.name },
        { header: ta(lang, 'createdAt'), cell: (passkey) => renderTime(lang, passkey.createdAt) },
        {
          header: ta(lang, 'lastUsedAt'),
          cell: (passkey) => (passkey.lastUsedAt ? renderTime(lang, passkey.lastUsedAt) : ta(lang, 'never')),
        },
        { header: ta(lang, 'backedUp'), cell: (passkey) => (passkey.backedUp ? ta(lang, 'yes') : ta(lang, 'no')) },
        {
          header: ta(lang, 'action'),
          cell: (passkey) => html`<button
            part="button secondary"
            class="secondary"
            type="button"
            aria-label="${ta(lang, 'remove')}: ${ta(lang, 'passkeyNamed', { name: passkey.name })}"
            aria-disabled=${this.disabled()}
            @click=${() => void this.#remove(passkey)}
          >
            ${ta(lang, 'remove')}
          </button>`,
        },
      ],
    });
  }
}
