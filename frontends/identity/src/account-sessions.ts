import { formatDateTime, renderDataTable } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { isFailure, type Me, SESSION_REVOKE, type SignInSession } from './account-data.ts';
import { ta } from './account-messages.ts';
import { AccountSection, renderTime } from './account-section.ts';

/** The person's sign-in sessions, newest first, each with a revoke button (`sessionRevoke`). */
export class SessionsSection extends AccountSection {
  override readonly key = 'sessions';

  async #revoke(session: SignInSession): Promise<void> {
    const answer = await this.run(`revoke:${session.id}`, () => this.host.request(SESSION_REVOKE, { id: session.id }));
    if (!answer) return;
    const result = answer.sessionRevoke;
    if (isFailure(result)) return this.showFailure(result, []);
    // Its row (and the button) is gone: the message takes the focus.
    this.succeed(ta(this.lang, 'sessionRevoked'), { focus: true });
    await this.host.reload();
  }

  render(me: Me): TemplateResult {
    const lang = this.lang;
    return html`<section part="sessions" aria-busy=${this.ariaBusy()}>
      ${this.host.heading(1, ta(lang, 'sessionsHeading'), 'sessions-heading')}
      <p>${ta(lang, 'sessionsIntro')}</p>
      ${this.#renderTable(me.sessions)}
      ${this.renderFeedback()}
    </section>`;
  }

  #renderTable(sessions: readonly SignInSession[]): TemplateResult {
    const lang = this.lang;
    return renderDataTable({
      labelledBy: 'sessions-heading',
      part: 'sessions-table',
      rows: sessions,
      empty: ta(lang, 'noSessions'),
      columns: [
        {
          header: ta(lang, 'signedInAt'),
          rowHeader: true,
          cell: (session) =>
            html`${renderTime(lang, session.signedInAt)}
            ${session.current ? html`<strong class="tag" part="tag">${ta(lang, 'thisBrowser')}</strong>` : ''}`,
        },
        { header: ta(lang, 'expiresAt'), cell: (session) => renderTime(lang, session.expiresAt) },
        {
          header: ta(lang, 'level'),
          cell: (session) => (session.acr === 'substantial' ? ta(lang, 'twoFactors') : ta(lang, 'oneFactor')),
        },
        {
          header: ta(lang, 'applications'),
          cell: (session) =>
            session.applications.length ? session.applications.join(', ') : ta(lang, 'noApplications'),
        },
        {
          header: ta(lang, 'action'),
          cell: (session) => {
            const signedIn = formatDateTime(lang, session.signedInAt, { dateStyle: 'medium', timeStyle: 'short' });
            return html`<button
              part="button secondary"
              class="secondary"
              type="button"
              aria-label="${ta(lang, 'revoke')}: ${ta(lang, 'sessionNamed', { date: signedIn })}"
              aria-disabled=${this.disabled()}
              @click=${() => void this.#revoke(session)}
            >
              ${ta(lang, 'revoke')}
            </button>`;
          },
        },
      ],
    });
  }
}
