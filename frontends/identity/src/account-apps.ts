import { renderDataTable } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { ApiClientRegisterPart } from './account-apps-register.ts';
import {
  API_CLIENT_REVOKE,
  API_CLIENT_ROTATE_SECRET,
  API_CLIENT_SCOPE,
  type ApiClient,
  isFailure,
  type Me,
} from './account-data.ts';
import { ta } from './account-messages.ts';
import {
  type AccountHost,
  AccountSection,
  type CopyOutcome,
  clipboard,
  copyText,
  renderCopyOutcome,
  renderTime,
} from './account-section.ts';
import { t } from './auth-messages.ts';

/** A secret just made (registration or rotation): shown once, until the person says they stored it. */
export interface IssuedSecret {
  readonly clientId: string;
  readonly name: string;
  readonly secret: string;
}

/** Where applications get their tokens and send their queries, for the intro (undefined: not shown). */
export interface DeveloperEndpoints {
  readonly tokenEndpoint: string | undefined;
  readonly graphqlEndpoint: string | undefined;
}

/**
 * The person's applications (a table; per active one "Rotate secret" and "Revoke", the latter after an inline
 * confirmation) and the box that shows a new secret once (`issued`, kept until "I have stored the secret" or a
 * sign-out; never sent anywhere, never in an event).
 */
export class ApiClientsPart extends AccountSection {
  override readonly key = 'apps';
  /** The secret on screen, once. */
  issued: IssuedSecret | undefined;
  /** The client id of the application whose revocation waits for the person's confirmation. */
  confirming: string | undefined;
  /** The outcome of "Copy", shown in the secret's box. */
  copyOutcome: CopyOutcome | undefined;

  override reset(): void {
    super.reset();
    this.issued = undefined;
    this.confirming = undefined;
    this.copyOutcome = undefined;
  }

  /** Shows a new secret (replacing any other); the focus goes to the box's heading. */
  showSecret(issued: IssuedSecret): void {
    this.issued = issued;
    this.copyOutcome = undefined;
    this.host.requestUpdate();
    this.focusLater('apps-secret-heading');
  }

  async #rotate(app: ApiClient): Promise<void> {
    if (this.busy) return;
    this.confirming = undefined;
    const answer = await this.run(`rotate:${app.clientId}`, () =>
      this.host.request(API_CLIENT_ROTATE_SECRET, { clientId: app.clientId }),
    );
    if (!answer) return;
    const result = answer.apiClientRotateSecret;
    if (isFailure(result)) {
      this.showFailure(result, []);
      // Revoked meanwhile (another tab, an operator): the table shows it.
      return this.host.reload();
    }
    this.succeed(ta(this.lang, 'appRotated', { name: result.apiClient.name }));
    this.showSecret({ clientId: result.apiClient.clientId, name: result.apiClient.name, secret: result.clientSecret });
  }

  #askRevoke(app: ApiClient): void {
    if (this.busy) return;
    this.confirming = app.clientId;
    this.feedback = undefined;
    this.host.requestUpdate();
    this.focusLater('apps-confirm-question');
  }

  #cancelRevoke(index: number): void {
    if (this.busy) return;
    this.confirming = undefined;
    this.host.requestUpdate();
    this.focusLater(`apps-revoke-${index}`);
  }

  async #revoke(app: ApiClient): Promise<void> {
    const answer = await this.run(`revoke:${app.clientId}`, () =>
      this.host.request(API_CLIENT_REVOKE, { clientId: app.clientId }),
    );
    if (!answer) return;
    this.confirming = undefined;
    const result = answer.apiClientRevoke;
    if (isFailure(result)) {
      this.showFailure(result, []);
      return this.host.reload();
    }
    // Its secret no longer works: no point keeping it on screen.
    if (this.issued?.clientId === app.clientId) this.issued = undefined;
    // Its buttons are gone: the message takes the focus.
    this.succeed(ta(this.lang, 'appRevoked', { name: app.name }), { focus: true });
    await this.host.reload();
  }

  async #copy(): Promise<void> {
    const secret = this.issued?.secret;
    if (!secret || !clipboard()) return;
    // Refused, the secret is still on screen to select by hand.
    this.copyOutcome = await copyText(secret, ta(this.lang, 'secretCopied'), ta(this.lang, 'copyFailed'));
    this.host.requestUpdate();
  }

  #stored(): void {
    this.issued = undefined;
    this.copyOutcome = undefined;
    this.host.requestUpdate();
    this.focusLater('apps-list-heading');
  }

  /** The box with the client id and the secret just made, or nothing. */
  renderSecret(): TemplateResult | typeof nothing {
    const issued = this.issued;
    if (!issued) return nothing;
    const lang = this.lang;
    const copy = this.copyOutcome;
    return html`<div part="client-secret" class="client-secret">
      ${this.host.heading(1, ta(lang, 'secretHeading', { name: issued.name }), 'apps-secret-heading')}
      <p class="warning" id="apps-secret-warning">${ta(lang, 'secretWarning')}</p>
      <dl>
        <dt>${ta(lang, 'clientId')}</dt>
        <dd><code class="secret" data-testid="issued-client-id">${issued.clientId}</code></dd>
        <dt>${ta(lang, 'clientSecret')}</dt>
        <dd><code class="secret" data-testid="issued-client-secret">${issued.secret}</code></dd>
      </dl>
      <div class="actions">
        ${
          clipboard()
            ? html`<button
                part="button secondary"
                class="secondary"
                type="button"
                aria-label="${ta(lang, 'copySecret')}: ${ta(lang, 'clientSecret')}"
                @click=${() => void this.#copy()}
              >
                ${ta(lang, 'copySecret')}
              </button>`
            : nothing
        }
        <button part="button" type="button" aria-describedby="apps-secret-warning" @click=${() => this.#stored()}>
          ${ta(lang, 'secretStored')}
        </button>
      </div>
      ${renderCopyOutcome(copy, 'apps-copy')}
    </div>`;
  }

  render(me: Me): TemplateResult {
    const lang = this.lang;
    const confirming = me.apiClients.find((app) => app.clientId === this.confirming && !app.revokedAt);
    const index = confirming ? me.apiClients.indexOf(confirming) : -1;
    return html`<section part="apps" aria-busy=${this.ariaBusy()}>
      ${this.host.heading(1, ta(lang, 'appsListHeading'), 'apps-list-heading')}
      ${this.#renderTable(me.apiClients)}
      ${
        confirming
          ? html`<div part="app-revoke-confirm" class="confirm" role="group" aria-labelledby="apps-confirm-question">
              <p id="apps-confirm-question" tabindex="-1">${ta(lang, 'appRevokeQuestion', { name: confirming.name })}</p>
              <div class="actions">
                <button
                  part="button danger"
                  class="danger"
                  type="button"
                  aria-label="${ta(lang, 'appRevokeConfirm')}: ${confirming.name}"
                  aria-disabled=${this.disabled()}
                  @click=${() => void this.#revoke(confirming)}
                >
                  ${ta(lang, 'appRevokeConfirm')}
                </button>
                <button
                  part="button secondary"
                  class="secondary"
                  type="button"
                  aria-label="${ta(lang, 'cancel')}: ${confirming.name}"
                  aria-disabled=${this.disabled()}
                  @click=${() => this.#cancelRevoke(index)}
                >
                  ${ta(lang, 'cancel')}
                </button>
              </div>
            </div>`
          : nothing
      }
      ${this.renderFeedback()}
    </section>`;
  }

  #renderTable(apps: readonly ApiClient[]): TemplateResult {
    const lang = this.lang;
    return renderDataTable({
      labelledBy: 'apps-list-heading',
      part: 'apps-table',
      rows: apps,
      empty: ta(lang, 'appsNone'),
      rowClass: (app) => (app.revokedAt ? 'revoked' : undefined),
      columns: [
        { header: t(lang, 'name'), rowHeader: true, cell: (app) => app.name },
        { header: ta(lang, 'clientId'), cell: (app) => html`<code class="client-id">${app.clientId}</code>` },
        { header: ta(lang, 'appCreatedAt'), cell: (app) => renderTime(lang, app.createdAt) },
        {
          header: ta(lang, 'appStatus'),
          cell: (app) =>
            app.revokedAt
              ? html`${ta(lang, 'appRevokedOn')} ${renderTime(lang, app.revokedAt)}`
              : ta(lang, 'appActive'),
        },
        {
          header: ta(lang, 'action'),
          cell: (app, index) => (app.revokedAt ? nothing : this.#renderActions(app, index)),
        },
      ],
    });
  }

  #renderActions(app: ApiClient, index: number): TemplateResult {
    const lang = this.lang;
    return html`<div class="actions">
      <button
        part="button secondary"
        class="secondary"
        type="button"
        aria-label="${ta(lang, 'appRotate')}: ${app.name}"
        aria-disabled=${this.disabled()}
        @click=${() => void this.#rotate(app)}
      >
        ${ta(lang, 'appRotate')}
      </button>
      <button
        part="button secondary"
        class="secondary"
        id="apps-revoke-${index}"
        type="button"
        aria-label="${ta(lang, 'appRevoke')}: ${app.name}"
        aria-disabled=${this.disabled()}
        @click=${() => this.#askRevoke(app)}
      >
        ${ta(lang, 'appRevoke')}
      </button>
    </div>`;
  }
}

/**
 * The "Applications (for developers)" section: what the client credentials grant is and where its endpoints are,
 * a new secret once, the person's applications, and the form that registers one.
 */
export class ApiClientsSection {
  readonly list: ApiClientsPart;
  readonly register: ApiClientRegisterPart;

  constructor(private readonly host: AccountHost) {
    this.list = new ApiClientsPart(host);
    this.register = new ApiClientRegisterPart(host, (secret) => this.list.showSecret(secret));
  }

  get parts(): readonly AccountSection[] {
    return [this.list, this.register];
  }

  render(me: Me, endpoints: DeveloperEndpoints): TemplateResult {
    const lang = this.host.language;
    return html`<section part="apps-section">
      <p>${ta(lang, 'appsIntro')}</p>
      <dl part="apps-endpoints">
        ${
          endpoints.tokenEndpoint
            ? html`<dt>${ta(lang, 'appsTokenEndpoint')}</dt>
                <dd><code class="endpoint" data-testid="token-endpoint">${endpoints.tokenEndpoint}</code></dd>`
            : nothing
        }
        <dt>${ta(lang, 'appsScope')}</dt>
        <dd><code>${API_CLIENT_SCOPE}</code></dd>
        ${
          endpoints.graphqlEndpoint
            ? html`<dt>${ta(lang, 'appsGraphql')}</dt>
                <dd><code class="endpoint">${endpoints.graphqlEndpoint}</code></dd>`
            : nothing
        }
      </dl>
      ${this.list.renderSecret()} ${this.list.render(me)} ${this.register.render()}
    </section>`;
  }
}
