import { AuthElement } from '@gemeng/frontend-identity';
import {
  type AuthError,
  type AuthState,
  formStyles,
  graphqlRequest,
  integerBetween,
  type Operation,
  type StepUpChallenge,
} from '@gemeng/frontend-kit';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { agentCommuneIds, type CommuneChoice, chooseCommune } from './office-commune.ts';
import { OfficeDetail } from './office-detail.ts';
import { fileUrl, saveDocument } from './office-download.ts';
import { filterFromParams } from './office-filter.ts';
import type { OfficeHost } from './office-host.ts';
import { OfficeInbox } from './office-inbox.ts';
import { Load, type LoadFailure, nullWhenNotFound } from './office-load.ts';
import { officeMessages, to } from './office-messages.ts';
import {
  type CommuneEntry,
  OFFICE_APPLICATION,
  OFFICE_COMMUNES,
  type OfficeApplicationDetail,
} from './office-operations.ts';
import { officeStyles } from './office-styles.ts';
import { announceTitle, levelHeading, renderFailure, renderGate } from './office-view.ts';

/**
 * The agents' back office of one commune: the inbox (filters by state, procedure, assignee and overdue, search by
 * reference or applicant name, keyset pages), and one application (`application`): its facts, the actions its
 * state allows, the answers under the form's questions, the documents, the history, the messages with the citizen
 * and the internal notes. Agents see only their commune's applications (another's is "not found"); a change made
 * meanwhile by someone else is reported and the application loads again. On the portal its links change the
 * route (`/office`, `/office/applications/<id>`); elsewhere they switch the view in place.
 *
 * @element gemeng-office
 * @summary The agents' back office: the commune's applications, their detail and the decisions on them.
 *
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} endpoint - GraphQL endpoint (the page's router; the token goes nowhere else).
 * @attr {string} issuer - OpenID Connect issuer (see `<gemeng-login>`).
 * @attr {'redirect'|'popup'} mode - How to sign in: a full-page redirect (the portal) or a popup.
 * @attr {string} commune - The commune's slug or id; without it, the commune the agent works for (a chooser when
 *   they work for several).
 * @attr {string} application - The id of the application shown; without it, the inbox.
 * @attr {1|2|3|4|5|6} [heading-level=2] - Level of the main heading; the sections' headings are one level deeper.
 *
 * @fires gemeng-title - The page's title (`detail` `{ title, error }`), for the portal's shell.
 *
 * @csspart office - The container; heading - its main heading.
 * @csspart filters - The filter form (a search landmark).
 * @csspart results - The inbox; count - the number of applications shown.
 * @csspart table - Every table; inbox - the inbox's.
 * @csspart pagination - The previous and next page buttons.
 * @csspart tag - The state and "overdue" tags.
 * @csspart facts - The application's key facts.
 * @csspart actions - What the agent can do; confirm - the confirmation of a decision.
 * @csspart answers - The citizen's answers.
 * @csspart documents - The documents; attachments-table - their table.
 * @csspart history - The history; history-table - its table.
 * @csspart conversation - Messages and notes; internal-note - a note the citizen does not see.
 * @csspart button - Every button; link - every link.
 * @csspart status - An outcome line (`role="status"`); alert - a failure message (`role="alert"`).
 */
export class Office extends AuthElement implements OfficeHost {
  static override attributeRules = [...AuthElement.attributeRules, integerBetween('heading-level', 1, 6)];

  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    commune: { type: String },
    application: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    choice: { state: true },
    chosen: { state: true },
  };

  static override styles = [...AuthElement.styles, formStyles, officeStyles];
  static override messages = [...AuthElement.messages, officeMessages];

  declare commune: string | undefined;
  declare application: string | undefined;
  declare headingLevel: number;
  /** The commune shown, or why there is none (undefined while the communes load). */
  declare protected choice: CommuneChoice | undefined;
  /** The commune picked in the chooser. */
  declare protected chosen: string | undefined;

  readonly communes = new Load<readonly CommuneEntry[]>(this);
  readonly detail = new Load<OfficeApplicationDetail | null>(this);
  readonly inbox = new OfficeInbox(this, () => this.#keepFilterInAddress());
  readonly view = new OfficeDetail(this);
  #roles: string[] = [];
  #signedIn: string | undefined;
  /** The last `gemeng-title` sent, so that it goes again only on a change. */
  #title: string | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    // A filtered inbox can be bookmarked: the page's address names the filter.
    this.inbox.filter = filterFromParams(new URLSearchParams(globalThis.location?.search ?? ''));
  }

  get me(): string | undefined {
    return this.authState.status === 'signed-in' ? this.authState.user.sub : undefined;
  }

  protected override authStateChanged(state: AuthState): void {
    if (state.status === 'signed-in') {
      const key = `${state.user.sub} ${state.user.acr ?? ''}`;
      if (key === this.#signedIn) return;
      this.#signedIn = key;
      void this.#start();
    } else if (state.status === 'anonymous') {
      this.#signedIn = undefined;
      this.choice = undefined;
      this.inbox.load.clear();
      this.detail.clear();
      this.view.reset();
    }
  }

  /** Finds the commune (attribute, else the agent's roles), then shows the inbox or the application. */
  async #start(): Promise<void> {
    if (!this.me) return;
    this.#roles = agentCommuneIds(await this.auth?.getAccessToken().catch(() => undefined));
    const endpoint = this.resolvedEndpoint();
    const communes = await this.communes.run(async (signal) => {
      const data: { communes: readonly CommuneEntry[] } = await graphqlRequest(
        endpoint,
        OFFICE_COMMUNES,
        {},
        { lang: this.language, signal },
      );
      return data.communes;
    });
    if (communes) this.#choose();
  }

  #choose(): void {
    const communes = this.communes.shown;
    if (!communes) return;
    this.choice = chooseCommune(communes, this.commune, this.#roles, this.chosen);
    this.#show();
  }

  #show(): void {
    const choice = this.choice;
    if (choice?.kind !== 'one' || !this.me) return;
    if (this.application) void this.reloadApplication({ keep: false });
    else void this.inbox.show(choice.commune.id, { keepPage: true });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) return;
    const has = (name: string) => (changed as Map<PropertyKey, unknown>).has(name);
    if (has('language') && this.me) void this.#start();
    else if (has('commune') || has('chosen')) this.#choose();
    else if (has('application')) {
      this.view.reset();
      this.#show();
    }
  }

  async reloadApplication(options: { keep?: boolean } = {}): Promise<void> {
    const id = this.application;
    if (!id) return;
    await this.detail.run(async () => {
      const data = await nullWhenNotFound(this.request(OFFICE_APPLICATION, { id }));
      return data?.application ?? null;
    }, options);
  }

  request<TData, TVariables extends Record<string, unknown>>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData> {
    const auth = this.auth;
    return graphqlRequest(this.resolvedEndpoint(), operation, variables, {
      lang: this.language,
      accessToken: async () => auth?.getAccessToken(),
    });
  }

  download(path: string, fileName: string): Promise<string | undefined> {
    const auth = this.auth;
    const container = this.renderRoot as Node & ParentNode;
    const url = () => fileUrl(this.resolvedEndpoint(), path);
    return saveDocument(this.language, { url, fileName, container, accessToken: async () => auth?.getAccessToken() });
  }

  startStepUp(challenge: StepUpChallenge): Promise<AuthError | undefined> {
    return this.stepUp(challenge);
  }

  /** On the portal (redirect sign-in) the shell routes links; elsewhere the view switches in place. */
  #onPortal(): boolean {
    return this.signInMode() === 'redirect';
  }

  applicationHref(id: string): string {
    return this.#onPortal()
      ? `/office/applications/${encodeURIComponent(id)}`
      : `?application=${encodeURIComponent(id)}`;
  }

  inboxHref(): string {
    return this.#onPortal() ? `/office${this.inbox.query}` : this.inbox.query || '?';
  }

  follow(event: Event, application: string | undefined): void {
    if (this.#onPortal()) return;
    event.preventDefault();
    this.application = application;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#office-heading')?.focus());
  }

  #keepFilterInAddress(): void {
    if (!this.#onPortal() || this.application || !globalThis.location?.pathname.startsWith('/office')) return;
    history.replaceState(history.state, '', `/office${this.inbox.query}`);
  }

  heading(depth: number, content: string, id: string, part = 'section-heading'): TemplateResult {
    return levelHeading(this.headingLevel, depth, content, id, part);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const forms = [this.view.actions.form, this.view.conversation.note, this.view.conversation.message];
    this.#title = announceTitle(this, forms, this.#title);
  }

  /** After the step-up for a query: the same view loads again with the new token. */
  async #confirmStepUp(challenge: StepUpChallenge): Promise<void> {
    if (!(await this.stepUp(challenge))) this.#show();
  }

  protected override render(): TemplateResult {
    const unknown = this.attributeProblem();
    if (unknown) return unknown;
    const lang = this.language;
    const choice = this.choice;
    const commune = choice?.kind === 'one' ? choice.commune : undefined;
    const detail = this.application ? this.detail.shown : undefined;
    const title = detail
      ? `${detail.reference ?? ''} – ${detail.procedure.title}`
      : to(lang, 'inboxHeading', { commune: commune?.name ?? '' });
    const state = this.application ? this.detail.state : this.inbox.load.state;
    const failure: LoadFailure | undefined = state.status === 'error' ? state.failure : undefined;
    const busy =
      this.communes.state.status === 'loading' || (state.status === 'loading' && !detail && Boolean(this.application));
    const problem = this.problemText();
    return html`<section part="office" lang=${lang} aria-labelledby="office-heading" aria-busy=${busy ? 'true' : 'false'}>
      ${this.heading(0, commune || detail ? title : to(lang, 'officeHeading'), 'office-heading', 'heading')}
      <p role="status" class=${busy ? '' : 'visually-hidden'}>${busy ? to(lang, 'loading') : ''}</p>
      ${problem ? html`<p part="alert" role="alert">${problem}</p>` : nothing}
      ${
        renderGate(this, {
          auth: this.authState,
          choice,
          communesFailed: this.communes.state.status === 'error',
          signIn: () => void this.startSignIn(),
          choose: (id) => {
            this.chosen = id;
          },
          retry: () => void this.#start(),
        }) ?? this.#body(commune, detail, failure)
      }
    </section>`;
  }

  #body(
    commune: CommuneEntry | undefined,
    detail: OfficeApplicationDetail | null | undefined,
    failure: LoadFailure | undefined,
  ): TemplateResult | typeof nothing {
    if (!commune) return nothing;
    const alert = failure
      ? renderFailure(this.language, failure, {
          stepUp: (challenge) => void this.#confirmStepUp(challenge),
          retry: () => this.#show(),
          signIn: () => void this.startSignIn(),
          commune: commune.name,
        })
      : nothing;
    if (!this.application) return html`${alert}${this.inbox.render(commune)}`;
    if (detail === null) {
      return html`<p part="alert" role="alert">${to(this.language, 'applicationNotFound')}</p>
        <p><a part="link" href=${this.inboxHref()} @click=${(e: Event) => this.follow(e, undefined)}>${to(this.language, 'backToInbox')}</a></p>`;
    }
    return html`${alert}${detail ? this.view.render(detail) : nothing}`;
  }
}
