import { AuthElement } from '@gemeng/frontend-identity';
import {
  type AuthState,
  formStyles,
  GraphQLRequestError,
  graphqlRequest,
  integerBetween,
  isPayloadError,
  MutationController,
} from '@gemeng/frontend-kit';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { clampLevel, heading } from '../heading.ts';
import { formatDay, formatWhen, renderDetail, stateTag } from './application-detail.ts';
import { downloadFile } from './download.ts';
import {
  type ApplicationDetail,
  type ApplicationSummary,
  applicationFormHref,
  applicationHref,
  MESSAGE_SEND_MUTATION,
  MY_APPLICATION_QUERY,
  MY_APPLICATIONS_QUERY,
} from './mine-data.ts';
import { mineMessages, tm } from './mine-messages.ts';
import { mineStyles } from './mine-styles.ts';

type View =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'list'; applications: readonly ApplicationSummary[] }
  | { status: 'detail'; application: ApplicationDetail }
  | { status: 'not-found' }
  | { status: 'error' };

/**
 * The signed-in citizen's applications: the list (latest change first, drafts tagged "not submitted" with the day
 * they will be deleted), and one application's page (`application`): its facts, what to do next (finish a draft,
 * answer an information request: both lead to the form), the answers, the documents (receipt and attachments,
 * downloaded with the access token), the messages with the commune (write one) and the history.
 *
 * @element gemeng-my-applications
 * @summary Your applications: drafts not yet submitted, their state, answers, messages, documents and history.
 *
 * @attr {string} application - The id of the application to show; the list when absent.
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} endpoint - GraphQL endpoint (the portal's router). Defaults to `gemengConfig.graphqlEndpoint`,
 *   then `<meta name="gemeng:graphql-endpoint">`.
 * @attr {string} issuer - OpenID Connect issuer. Defaults to `gemengConfig.oidcIssuer`, then
 *   `<meta name="gemeng:oidc-issuer">`.
 * @attr {'redirect'|'popup'} mode - How to sign in; default: redirect on the portal, popup elsewhere.
 * @attr {string} form-href - Where a draft is continued and an information request answered; default
 *   `/communes/{commune}/procedures/{procedure}?application={application}`.
 * @attr {string} [detail-href=/applications/{application}] - Where an application of the list leads.
 * @attr {1|2|3|4|5} [heading-level=2] - Level of the page's heading; sections are one deeper.
 *
 * @fires gemeng-title - With `heading-level="1"`: `detail.title`, the list's heading or the procedure's title.
 *
 * @csspart applications - The widget's section (carries `aria-busy` while loading).
 * @csspart list - The list of applications.
 * @csspart state - A state's tag.
 * @csspart facts - The application's facts.
 * @csspart answers - The answers' summary list.
 * @csspart documents - The list of documents.
 * @csspart messages - The messages.
 * @csspart history - The history.
 * @csspart alert - Error messages.
 */
export class MyApplications extends AuthElement {
  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    application: { type: String, reflect: true },
    formHref: { type: String, attribute: 'form-href' },
    detailHref: { type: String, attribute: 'detail-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    view: { state: true },
    downloadProblem: { state: true },
  };

  static override attributeRules = [...AuthElement.attributeRules, integerBetween('heading-level', 1, 5)];

  static override messages = [...AuthElement.messages, mineMessages];

  static override styles = [...AuthElement.styles, formStyles, mineStyles];

  declare application: string | undefined;
  declare formHref: string | undefined;
  declare detailHref: string | undefined;
  declare headingLevel: number;
  declare protected view: View;
  declare protected downloadProblem: string | undefined;

  readonly #messageForm = new MutationController(this, { key: 'message' });
  #controller: AbortController | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.view = { status: 'idle' };
  }

  startStepUp = (challenge: Parameters<AuthElement['stepUp']>[0]) => this.stepUp(challenge);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  protected override authStateChanged(state: AuthState): void {
    if (state.status === 'signed-in') void this.load();
    else if (state.status === 'anonymous') {
      this.#controller?.abort();
      this.#messageForm.reset();
      this.view = { status: 'idle' };
      // The sign-in prompt is the page's content: the page keeps its name.
      this.#announceTitle();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reload = changed.has('application') || changed.has('language') || changed.has('endpoint');
    if (reload && this.hasUpdated && this.authState.status === 'signed-in') void this.load();
  }

  /** Loads (again) the list, or the application the `application` attribute names. */
  async load(): Promise<void> {
    const auth = this.auth;
    if (!auth) return;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.downloadProblem = undefined;
    if (this.view.status !== 'detail' || this.view.application.id !== this.application)
      this.view = { status: 'loading' };
    const options = { lang: this.language, signal: controller.signal, accessToken: () => auth.getAccessToken() };
    try {
      const id = this.application;
      if (id) {
        const data = await graphqlRequest(this.resolvedEndpoint(), MY_APPLICATION_QUERY, { id }, options);
        if (controller.signal.aborted) return;
        this.view = data.application ? { status: 'detail', application: data.application } : { status: 'not-found' };
      } else {
        const data = await graphqlRequest(this.resolvedEndpoint(), MY_APPLICATIONS_QUERY, {}, options);
        if (controller.signal.aborted) return;
        this.view = { status: 'list', applications: data.myApplications };
      }
      this.#announceTitle();
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = GraphQLRequestError.from(error);
      const notFound = failure.errors?.some((e) => e.extensions?.code === 'NOT_FOUND');
      if (!notFound) console.warn(failure.message);
      this.view = { status: notFound ? 'not-found' : 'error' };
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  #title(): string {
    return this.view.status === 'detail' ? this.view.application.procedure.title : tm(this.language, 'heading');
  }

  #announceTitle(): void {
    if (clampLevel(this.headingLevel) !== 1) return;
    const detail = { title: this.#title() };
    this.dispatchEvent(new CustomEvent('gemeng-title', { detail, bubbles: true, composed: true }));
  }

  async #download(path: string, fileName: string): Promise<void> {
    const auth = this.auth;
    if (!auth) return;
    this.downloadProblem = undefined;
    try {
      await downloadFile(this.resolvedEndpoint(), path, fileName, () => auth.getAccessToken(), this.language);
    } catch (error) {
      console.warn(error);
      this.downloadProblem = tm(this.language, 'downloadFailed');
    }
  }

  async #send(event: SubmitEvent, application: ApplicationDetail): Promise<void> {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const body = String(new FormData(formElement).get('body') ?? '').trim();
    if (!body) return this.#messageForm.showFieldErrors({ body: tm(this.language, 'messageEmpty') });
    const auth = this.auth;
    if (!auth) return;
    const answer = await this.#messageForm.run('send', () =>
      graphqlRequest(
        this.resolvedEndpoint(),
        MESSAGE_SEND_MUTATION,
        { id: application.id, body },
        { lang: this.language, accessToken: () => auth.getAccessToken() },
      ),
    );
    if (!answer) return;
    const result = answer.applicationMessageSend;
    if (isPayloadError(result)) return this.#messageForm.showFailure(result, ['body']);
    formElement.reset();
    this.#messageForm.succeed(tm(this.language, 'sent'));
    await this.load();
  }

  protected override render(): TemplateResult {
    const problem = this.attributeProblem();
    if (problem) return problem;
    const lang = this.language;
    const busy = this.view.status === 'loading' || this.authState.status === 'pending';
    return html`<section part="applications" lang=${lang} aria-labelledby="mine-heading" aria-busy=${busy ? 'true' : 'false'}>
      ${this.view.status === 'detail' ? html`<p><a href=${applicationHref(this.detailHref, '').replace(/\/$/, '')}>${tm(lang, 'back')}</a></p>` : nothing}
      ${heading(this.headingLevel, 0, this.#title(), { id: 'mine-heading' })}
      ${this.#renderBody()}
    </section>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const lang = this.language;
    if (this.authState.status === 'anonymous') {
      return html`<p>${tm(lang, 'signInText')}</p>
        <button type="button" @click=${() => void this.startSignIn()}>${tm(lang, 'signIn')}</button>`;
    }
    const view = this.view;
    switch (view.status) {
      case 'list':
        return this.#renderList(view.applications);
      case 'detail':
        return renderDetail(
          {
            lang,
            level: this.headingLevel,
            formHref: applicationFormHref(this.formHref, view.application),
            download: (path, name) => void this.#download(path, name),
            downloadProblem: this.downloadProblem,
            messageForm: this.#renderMessageForm(view.application),
          },
          view.application,
        );
      case 'not-found':
        return html`<p part="alert" role="alert">${tm(lang, 'notFound')}</p>`;
      case 'error':
        return html`<div part="alert" role="alert">
          <p><strong>${tm(lang, 'error')}</strong></p>
          <p>${tm(lang, 'errorHint')}</p>
          <button type="button" @click=${() => void this.load()}>${tm(lang, 'retry')}</button>
        </div>`;
      default:
        return html`<p role="status">${tm(lang, 'loading')}</p>`;
    }
  }

  #renderList(applications: readonly ApplicationSummary[]): TemplateResult {
    const lang = this.language;
    if (!applications.length) return html`<p>${tm(lang, 'empty')}</p>`;
    return html`<p>${tm(lang, 'intro')}</p>
      <p class="muted">${tm(lang, 'count', { count: applications.length })}</p>
      <ul part="list" class="list" aria-labelledby="mine-heading">
        ${applications.map(
          (a) => html`<li>
            ${heading(this.headingLevel, 1, html`<a href=${applicationHref(this.detailHref, a.id)}>${a.procedure.title}</a>`, { className: 'title' })}
            <p class="caption">${a.commune.name} · ${a.reference ?? tm(lang, 'noReference')}</p>
            <p>${stateTag(lang, a.state)}
              ${
                a.state === 'DRAFT' && a.draftExpiresAt
                  ? html` <span>${tm(lang, 'draftUntil', { date: formatDay(lang, a.draftExpiresAt.slice(0, 10)) })}</span>
                      · <a href=${applicationFormHref(this.formHref, a)}>${tm(lang, 'continueDraft')}</a>`
                  : nothing
              }
              ${a.state === 'NEEDS_INFO' ? html` · <a href=${applicationFormHref(this.formHref, a)}>${tm(lang, 'needsInfoAnswer')}</a>` : nothing}
            </p>
            <p class="muted">${tm(lang, 'updatedAt')}: ${formatWhen(lang, a.updatedAt)}${
              a.expectedDecisionOn && ['SUBMITTED', 'IN_REVIEW'].includes(a.state)
                ? html` · ${tm(lang, 'expected')} ${formatDay(lang, a.expectedDecisionOn)}`
                : nothing
            }</p>
          </li>`,
        )}
      </ul>`;
  }

  #renderMessageForm(application: ApplicationDetail): TemplateResult | typeof nothing {
    if (application.state === 'DRAFT' || application.state === 'CLOSED') return nothing;
    const form = this.#messageForm;
    const lang = this.language;
    return html`<form class="form" novalidate aria-busy=${form.ariaBusy()}
      @submit=${(e: SubmitEvent) => void this.#send(e, application)}>
      ${form.errorSummary()}
      ${form.field({ name: 'body', label: tm(lang, 'messageLabel'), hint: tm(lang, 'messageHint'), control: 'textarea', rows: 4, maxlength: 4000 })}
      <div class="actions"><button type="submit" aria-disabled=${form.disabled()}>${tm(lang, 'send')}</button></div>
      ${form.renderFeedback()}
    </form>`;
  }
}
