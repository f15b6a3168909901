import { formatDateTime, type Language, LazyController, renderDataTable } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { type CodeCardStatus, type Me, SECURITY_LOG_SIZE, type SecurityEvent } from './account-data.ts';
import { SECURITY_EVENT_LABELS, ta } from './account-messages.ts';
import type { PasskeysSection } from './account-passkeys.ts';
import type { AccountHost, AccountSection } from './account-section.ts';
import { renderTime } from './account-section.ts';
import { SessionsSection } from './account-sessions.ts';
import { TotpSection } from './account-totp.ts';

/** Below this many unused cells the person is told to ask for a new card. */
const FEW_CELLS = 10;

/** The label of a security log entry; a kind this widget does not know yet is shown as it is. */
export function securityEventLabel(lang: Language, kind: string): string {
  const key = SECURITY_EVENT_LABELS[kind];
  return key ? ta(lang, key) : kind;
}

/**
 * The Security section: the level of the current sign-in, the second factors (authenticator app, passkeys, code
 * card), the sign-in sessions and the security log.
 */
export class SecuritySection {
  readonly totp: TotpSection;
  /** Loaded with the section, in a chunk of its own: WebAuthn's browser library comes with it. */
  readonly passkeys: LazyController<PasskeysSection>;
  readonly sessions: SessionsSection;

  constructor(private readonly host: AccountHost) {
    this.totp = new TotpSection(host);
    this.passkeys = new LazyController(
      host,
      async () => new (await import('./account-passkeys.ts')).PasskeysSection(host),
    );
    void this.passkeys.load();
    this.sessions = new SessionsSection(host);
  }

  get parts(): readonly AccountSection[] {
    return [this.totp, ...(this.passkeys.module ? [this.passkeys.module] : []), this.sessions];
  }

  /** `acr`: the level of the current sign-in, from the auth client. */
  render(me: Me, acr: string | undefined): TemplateResult {
    const lang = this.host.language;
    const substantial = acr === 'substantial';
    const hasSecondFactor = me.totpEnabled || me.passkeys.length > 0 || me.codeCard !== null;
    return html`<section part="security-section">
      <p part="level" data-testid="account-level">
        ${substantial ? ta(lang, 'levelSubstantial') : ta(lang, 'levelLow')}
      </p>
      ${!substantial && hasSecondFactor ? html`<p class="hint">${ta(lang, 'levelLowHint')}</p>` : nothing}
      ${this.totp.render(me)} ${this.passkeys.render(lang, (passkeys) => passkeys.render(me))} ${this.#renderCodeCard(me.codeCard)}
      ${this.sessions.render(me)} ${this.#renderLog(me.securityLog)}
    </section>`;
  }

  #renderCodeCard(card: CodeCardStatus | null): TemplateResult {
    const lang = this.host.language;
    return html`<section part="code-card">
      ${this.host.heading(1, ta(lang, 'codeCardHeading'), 'code-card-heading')}
      ${
        card
          ? html`<dl>
                <dt>${ta(lang, 'codeCardSerial')}</dt>
                <dd data-testid="code-card-serial">${card.serial}</dd>
                <dt>${ta(lang, 'codeCardCells')}</dt>
                <dd data-testid="code-card-cells">
                  ${ta(lang, 'codeCardCellsValue', { remaining: card.remainingCells, total: card.totalCells })}
                </dd>
                <dt>${ta(lang, 'codeCardIssued')}</dt>
                <dd>
                  <time datetime=${card.issuedAt}>${formatDateTime(lang, card.issuedAt, { dateStyle: 'long' })}</time>
                </dd>
              </dl>
              ${card.remainingCells < FEW_CELLS ? html`<p>${ta(lang, 'codeCardLow')}</p>` : nothing}
              <p>${ta(lang, 'codeCardLost')}</p>`
          : html`<p>${ta(lang, 'codeCardNone')}</p>`
      }
    </section>`;
  }

  #renderLog(events: readonly SecurityEvent[]): TemplateResult {
    const lang = this.host.language;
    return html`<section part="security-log">
      ${this.host.heading(1, ta(lang, 'logHeading'), 'log-heading')}
      <p>${ta(lang, 'logIntro', { count: SECURITY_LOG_SIZE })}</p>
      ${renderDataTable({
        labelledBy: 'log-heading',
        part: 'security-log-table',
        rows: events,
        empty: ta(lang, 'noEvents'),
        rowClass: (event) => (event.byAnotherPerson ? 'by-other' : undefined),
        columns: [
          { header: ta(lang, 'logAt'), cell: (event) => renderTime(lang, event.at) },
          { header: ta(lang, 'logKind'), cell: (event) => securityEventLabel(lang, event.kind) },
          { header: ta(lang, 'logIp'), class: 'ip', cell: (event) => event.ip ?? ta(lang, 'unknownIp') },
          {
            header: ta(lang, 'logBy'),
            cell: (event) =>
              event.byAnotherPerson ? html`<strong part="by-other">${ta(lang, 'byOther')}</strong>` : ta(lang, 'byYou'),
          },
        ],
      })}
    </section>`;
  }
}
