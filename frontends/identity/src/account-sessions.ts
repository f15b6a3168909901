import { formatDateTime } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { isFailure, type Me, SESSION_REVOKE, type SessionRevokeResult, type SignInSession } from './account-data.ts';
import { ta } from './account-messages.ts';
import { AccountSection, renderTime } from './account-section.ts';

/** The person's sign-in sessions, newest first, each with a revoke button (`sessionRevoke`). */
export class SessionsSection extends AccountSection {
  readonly key = 'sessions';

  async #revoke(session: SignInSession): Promise<void> {
    const answer = await this.run(`revoke:${session.id}`, () =>
      this.host.request<SessionRevokeResult>(SESSION_REVOKE, { id: session.id }),
    );
    if (!answer) return;
    const result = answer.sessionRevoke;
    if (isFailure(result)) return this.showFailure(result, []);
    // Its row (and the button) is gone: the message takes the focus.
    this.succeed(ta(this.lang, 'sessionRevoked'), { focus: true });
    await this.host.reload();
  }

  render(me: Me): TemplateResult {
    const lang = this.lang;
    return html`<section part="sessions" aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.host.heading(2, ta(lang, 'sessionsHeading'), 'sessions-heading')}
      <p>${ta(lang, 'sessionsIntro')}</p>
      ${me.sessions.length ? this.#renderTable(me.sessions) : html`<p>${ta(lang, 'noSessions')}</p>`}
      ${this.renderFeedback()}
    </section>`;
  }

  #renderTable(sessions: readonly SignInSession[]): TemplateResult {
    const lang = this.lang;
    return html`<div class="table-wrap">
      <table part="table sessions-table" aria-labelledby="sessions-heading">
        <thead>
          <tr>
            <th scope="col">${ta(lang, 'signedInAt')}</th>
            <th scope="col">${ta(lang, 'expiresAt')}</th>
            <th scope="col">${ta(lang, 'level')}</th>
            <th scope="col">${ta(lang, 'applications')}</th>
            <th scope="col">${ta(lang, 'action')}</th>
          </tr>
        </thead>
        <tbody>
          ${sessions.map((session) => {
            const signedIn = formatDateTime(lang, session.signedInAt, { dateStyle: 'medium', timeStyle: 'short' });
            return html`<tr>
              <th scope="row">
                ${renderTime(lang, session.signedInAt)}
                ${session.current ? html`<strong class="tag" part="tag">${ta(lang, 'thisBrowser')}</strong>` : ''}
              </th>
              <td>${renderTime(lang, session.expiresAt)}</td>
              <td>${session.acr === 'substantial' ? ta(lang, 'twoFactors') : ta(lang, 'oneFactor')}</td>
              <td>${session.applications.length ? session.applications.join(', ') : ta(lang, 'noApplications')}</td>
              <td>
                <button
                  part="button secondary"
                  class="secondary"
                  type="button"
                  aria-label="${ta(lang, 'revoke')}: ${ta(lang, 'sessionNamed', { date: signedIn })}"
                  aria-disabled=${this.disabled()}
                  @click=${() => void this.#revoke(session)}
                >
                  ${ta(lang, 'revoke')}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}
