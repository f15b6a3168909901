import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isFailure, type Me, TOTP_ENROL_CONFIRM, TOTP_ENROL_START, TOTP_REMOVE } from './account-data.ts';
import { ta } from './account-messages.ts';
import { AccountSection, type CopyOutcome, clipboard, copyText, renderCopyOutcome } from './account-section.ts';

/** The key in groups of four characters (`JBSW Y3DP …`), as authenticator apps show and accept it. */
export function keyGroups(secret: string): string[] {
  return secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? [];
}

/** The key spelt out for screen readers, group after group: `J B S W, Y 3 D P, …`. */
export function spokenKey(secret: string): string {
  return keyGroups(secret)
    .map((group) => [...group].join(' '))
    .join(', ');
}

/**
 * The authenticator app (TOTP): set it up (QR code and the key as text, then a first code), show the ten
 * recovery codes once, or remove it.
 */
export class TotpSection extends AccountSection {
  override readonly key = 'totp';
  /** The enrolment waiting for its first code. */
  enrolment: { readonly secret: string; readonly qr: string } | undefined;
  /** Shown once after the confirmation, until the person says they kept them (or signs out). */
  recoveryCodes: readonly string[] | undefined;
  /** The outcome of "Copy" next to the key. */
  copyOutcome: CopyOutcome | undefined;

  override reset(): void {
    super.reset();
    this.enrolment = undefined;
    this.recoveryCodes = undefined;
    this.copyOutcome = undefined;
  }

  async #copyKey(): Promise<void> {
    const secret = this.enrolment?.secret;
    if (!secret) return;
    const lang = this.lang;
    this.copyOutcome = await copyText(secret, ta(lang, 'keyCopied'), ta(lang, 'keyCopyFailed'));
    this.host.requestUpdate();
  }

  async #start(): Promise<void> {
    // The QR encoder loads with the first set-up, while identity makes the key.
    const answer = await this.run('start', () => Promise.all([this.host.request(TOTP_ENROL_START), import('uqr')]));
    if (!answer) return;
    const [{ totpEnrolStart }, { renderSVG }] = answer;
    const { secret, otpauthUri } = totpEnrolStart;
    // The SVG is drawn here from the URI (paths only, no text from the server): safe to insert as markup.
    this.enrolment = { secret, qr: renderSVG(otpauthUri, { border: 4, ecc: 'M' }) };
    this.feedback = undefined;
    this.copyOutcome = undefined;
    this.host.requestUpdate();
    this.focusLater('totp-scan');
  }

  #cancel(): void {
    if (this.busy) return;
    this.enrolment = undefined;
    this.copyOutcome = undefined;
    this.fieldErrors = {};
    this.feedback = undefined;
    this.host.requestUpdate();
    this.focusLater('totp-start');
  }

  async #confirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get('code') ?? '').replace(/\s+/g, '');
    if (!code) return this.showFieldErrors({ code: ta(this.lang, 'totpCodeRequired') });
    const answer = await this.run('confirm', () => this.host.request(TOTP_ENROL_CONFIRM, { code }));
    if (!answer) return;
    const result = answer.totpEnrolConfirm;
    if (isFailure(result)) return this.showFailure(result, ['code']);
    this.enrolment = undefined;
    this.copyOutcome = undefined;
    this.recoveryCodes = result.recoveryCodes;
    this.feedback = { kind: 'status', text: ta(this.lang, 'totpEnrolled') };
    this.host.requestUpdate();
    this.focusLater('recovery-heading');
    await this.host.reload();
  }

  #keptCodes(): void {
    this.recoveryCodes = undefined;
    this.feedback = undefined;
    this.host.requestUpdate();
    this.focusLater('totp-heading');
  }

  async #remove(): Promise<void> {
    const answer = await this.run('remove', () => this.host.request(TOTP_REMOVE));
    if (!answer) return;
    const result = answer.totpRemove;
    if (isFailure(result)) return this.showFailure(result, []);
    // The remove button is gone: the message takes the focus.
    this.succeed(ta(this.lang, 'totpRemoved'), { focus: true });
    await this.host.reload();
  }

  render(me: Me): TemplateResult {
    const lang = this.lang;
    return html`<section part="totp" aria-busy=${this.ariaBusy()}>
      ${this.host.heading(1, ta(lang, 'totpHeading'), 'totp-heading')}
      ${this.recoveryCodes ? this.#renderRecoveryCodes(this.recoveryCodes) : nothing}
      ${
        this.enrolment
          ? this.#renderEnrolment(this.enrolment)
          : me.totpEnabled
            ? html`<p>${ta(lang, 'totpOn')}</p>
                <div class="actions">
                  <button part="button secondary" class="secondary" type="button" aria-disabled=${this.disabled()} @click=${() => void this.#remove()}>
                    ${ta(lang, 'totpRemove')}
                  </button>
                </div>`
            : html`<p>${ta(lang, 'totpOff')}</p>
                <div class="actions">
                  <button part="button" id="totp-start" type="button" aria-disabled=${this.disabled()} @click=${() => void this.#start()}>
                    ${ta(lang, 'totpSetUp')}
                  </button>
                </div>`
      }
      ${this.renderFeedback()}
    </section>`;
  }

  #renderEnrolment(enrolment: NonNullable<TotpSection['enrolment']>): TemplateResult {
    const lang = this.lang;
    return html`<div part="totp-enrolment" class="enrolment">
      <p id="totp-scan" tabindex="-1">${ta(lang, 'totpScan')}</p>
      <div part="totp-qr" class="qr" role="img" aria-label=${ta(lang, 'totpQrLabel')}>${unsafeHTML(enrolment.qr)}</div>
      <p id="totp-manual">${ta(lang, 'totpManual')}</p>
      <div class="key">
        <!-- Seen in groups of four (selectable); heard spelt out, group after group. -->
        <code part="totp-secret" class="secret" aria-hidden="true">${keyGroups(enrolment.secret).join(' ')}</code>
        <span class="visually-hidden">${ta(lang, 'totpKeyLabel', { groups: spokenKey(enrolment.secret) })}</span>
        ${
          clipboard()
            ? html`<button part="button secondary" class="secondary" type="button"
                aria-label="${ta(lang, 'copySecret')}: ${ta(lang, 'totpKey')}" @click=${() => void this.#copyKey()}>
                ${ta(lang, 'copySecret')}
              </button>`
            : nothing
        }
      </div>
      ${renderCopyOutcome(this.copyOutcome, 'totp-copy')}
      <form part="form" class="form" novalidate @submit=${(e: SubmitEvent) => void this.#confirm(e)}>
        ${this.field({
          name: 'code',
          label: ta(lang, 'totpCode'),
          hint: ta(lang, 'totpCodeHint'),
          class: 'code',
          inputmode: 'numeric',
          autocomplete: 'one-time-code',
          spellcheck: false,
          size: 10,
          maxlength: 12,
          required: true,
        })}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${this.disabled()}>${ta(lang, 'totpConfirm')}</button>
          <button part="button secondary" class="secondary" type="button" @click=${() => this.#cancel()}>
            ${ta(lang, 'cancel')}
          </button>
        </div>
      </form>
    </div>`;
  }

  #renderRecoveryCodes(codes: readonly string[]): TemplateResult {
    const lang = this.lang;
    return html`<div part="recovery" class="recovery">
      ${this.host.heading(2, ta(lang, 'recoveryHeading'), 'recovery-heading')}
      <p id="recovery-hint">${ta(lang, 'recoveryHint')}</p>
      <ol part="recovery-codes" aria-labelledby="recovery-heading" aria-describedby="recovery-hint">
        ${codes.map((code) => html`<li><code>${code}</code></li>`)}
      </ol>
      <div class="actions">
        <button part="button" type="button" @click=${() => this.#keptCodes()}>${ta(lang, 'recoveryDone')}</button>
      </div>
    </div>`;
  }
}
