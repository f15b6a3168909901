import { type FormDefinition, visibleFields } from '@gemeng/forms';
import { AuthElement } from '@gemeng/frontend-identity';
import {
  type AuthState,
  formStyles,
  graphqlRequest,
  integerBetween,
  MutationController,
  type OperationResult,
  type StepUpChallenge,
} from '@gemeng/frontend-kit';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { DraftController, SAVE_DELAY, type Send } from './draft-controller.ts';
import type { Procedure } from './form-data.ts';
import { FormEditor } from './form-editor.ts';
import { FormFlow } from './form-flow.ts';
import { formTexts, tx } from './form-messages.ts';
import { renderIntro } from './intro.ts';
import { type Receipt, renderReceipt } from './receipt.ts';
import { heading } from './render-context.ts';
import { procedureFormStyles } from './styles.ts';
import { renderSummary } from './summary.ts';
import { downloadReceipt } from './uploads.ts';

/** Which page of the errand is shown. */
export type View = 'intro' | 'form' | 'summary' | 'receipt';

/**
 * A commune's procedure, online (GOV.UK's start page, question pages, check your answers, confirmation): the
 * procedure's intro, sign-in (with two factors when the procedure needs them; a person signed in with one factor
 * is asked for the second when the server answers RFC 9470's step-up error), the form from its definition (every
 * field type of `@gemeng/forms`, conditional questions, repeated groups, prefill from the profile), the same checks
 * as the server with the same messages, autosave ("Draft saved at 14:32 — not submitted yet", always on screen),
 * the citizen's existing draft resumed on any device, attachments, a summary with "Change" links, and the receipt.
 * An application waiting for information (`application`) opens in the same form to change answers and send again.
 *
 * Ids in the shadow root (stable, for tests): `answers-<path with - for .>` for each control (`answers-dogs-0-chip`),
 * `answers-error-summary`, `start-…` and `answers-…` status and alert lines, `draft-status`, `receipt-heading`.
 *
 * @element gemeng-procedure-form
 * @summary A commune's procedure, online: what you need, the form with drafts saved as you type, the receipt.
 *
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} commune - The commune's slug, e.g. `dudelange`.
 * @attr {string} procedure - The procedure's code, e.g. `residence-certificate`; when absent, `?procedure=` of the
 *   page's address (a commune website links its catalogue to `?procedure={procedure}`).
 * @attr {string} application - An application to change and send again (the commune asked for information);
 *   when absent, `?application=` of the page's address.
 * @attr {string} [applications-href=/applications/{application}] - Where the receipt links to the application
 *   (`{application}` is its id): on a commune website, the portal's address of it.
 * @attr {string} endpoint - GraphQL endpoint (see `<gemeng-commune-card>`).
 * @attr {string} issuer - OpenID Connect issuer (see `<gemeng-login>`).
 * @attr {'redirect'|'popup'} mode - How to sign in: a full-page redirect or a popup (see `<gemeng-login>`).
 * @attr {1|2|3|4|5|6} [heading-level=2] - Level of the procedure's title; the parts are one level deeper.
 *
 * @fires gemeng-title - The page's title (`detail.title`, `detail.error` while the form shows errors).
 * @fires gemeng-auth-error - Signing in failed; `detail` is `{ error, kind }`.
 *
 * @csspart heading - The procedure's title, and the receipt's heading.
 * @csspart section-heading - Every other heading.
 * @csspart intro - The procedure's description; facts - its fee, processing time and sign-in level; note - the
 *   commune's own note.
 * @csspart form - The form; label, hint, input, field-error, error-summary, choices, address, group, repeat,
 *   repeat-item, file-field, files - its pieces.
 * @csspart draft-status - "Draft saved at … — not submitted yet" (with `alert` when saving failed).
 * @csspart summary - The answers before submitting; change-link - each "Change" link; summary-item - a repeated
 *   item's heading.
 * @csspart receipt - The confirmation; panel - its box; reference - the reference number; link - to the application.
 * @csspart button - Every button (`secondary` too on the less prominent ones).
 * @csspart status - An outcome line (`role="status"`); alert - a failure (`role="alert"`); step-up - the "confirm
 *   with a second factor" notice.
 */
export class ProcedureForm extends AuthElement {
  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    commune: { type: String },
    procedure: { type: String },
    application: { type: String },
    applicationsHref: { type: String, attribute: 'applications-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  static override attributeRules = [...AuthElement.attributeRules, integerBetween('heading-level', 1, 6)];
  static override messages = [...AuthElement.messages, formTexts];
  static override styles = [...AuthElement.styles, formStyles, procedureFormStyles];

  /** How long typing must pause before the draft is saved (ms); tests shorten it. */
  static saveDelay = SAVE_DELAY;

  declare commune: string | undefined;
  declare procedure: string | undefined;
  declare application: string | undefined;
  declare applicationsHref: string | undefined;
  declare headingLevel: number | undefined;

  /** Sends an operation to the page's router, with the citizen's token once signed in (public queries without). */
  readonly send: Send = (operation, variables) => {
    const auth = this.isSignedIn() ? this.auth : undefined;
    return graphqlRequest(this.resolvedEndpoint(), operation, variables as Record<string, unknown>, {
      lang: this.language,
      ...(auth ? { accessToken: () => auth.getAccessToken() } : {}),
    }) as Promise<OperationResult<typeof operation>>;
  };

  readonly starting = new MutationController(this, { key: 'start' });
  readonly answers = new MutationController(this, { key: 'answers' });
  readonly draft = new DraftController(this, this.send, ProcedureForm.saveDelay);
  readonly editor = new FormEditor(this);
  readonly flow = new FormFlow(this);

  startStepUp = (challenge: StepUpChallenge) => this.stepUp(challenge);

  /** The procedure code: the attribute, else `?procedure=` (a commune website's own page). */
  get procedureCode(): string | undefined {
    return this.procedure || new URLSearchParams(globalThis.location?.search ?? '').get('procedure') || undefined;
  }

  /** The application to answer (NEEDS_INFO): the attribute, else `?application=`. */
  get applicationId(): string | undefined {
    return this.application || new URLSearchParams(globalThis.location?.search ?? '').get('application') || undefined;
  }

  get level(): number {
    return this.headingLevel ?? 2;
  }

  /** The definition being filled in: the application's own version once there is one, else the current one. */
  get definition(): FormDefinition | undefined {
    return (this.draft.draft?.form ?? this.flow.procedure?.form) as FormDefinition | undefined;
  }

  /** A node's subtree, the element's shadow root (the field pieces' ids live there). */
  get root(): ShadowRoot | HTMLElement {
    return this.renderRoot as ShadowRoot;
  }

  isSignedIn(): boolean {
    return this.authState.status === 'signed-in';
  }

  /** Signed in with two factors (the access token's `acr`), as a procedure of level substantial needs. */
  hasTwoFactors(): boolean {
    return this.authState.status === 'signed-in' && this.authState.user.acr === 'substantial';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('commune') || changed.has('procedure') || changed.has('application')) this.flow.load();
    // Another language: the procedure's texts again in it (an open application keeps its own, and its answers).
    else if (changed.has('language') && this.hasUpdated && !this.applicationId) this.flow.load();
  }

  protected override authStateChanged(state: AuthState): void {
    this.flow.authChanged(state);
  }

  #announced = '';

  /** Tells the shell the page's title when it, the language or the presence of errors changes (not per key). */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const title = this.flow.procedure?.title;
    if (!title) return;
    const error = Object.keys(this.answers.fieldErrors).length > 0;
    const key = `${title}|${error}`;
    if (key === this.#announced) return;
    this.#announced = key;
    this.dispatchEvent(new CustomEvent('gemeng-title', { detail: { title, error }, bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult {
    const problem = this.attributeProblem();
    if (problem) return problem;
    const lang = this.language;
    const flow = this.flow;
    if (flow.problem) {
      return html`<p part="alert" role="alert">${tx(lang, flow.problem)}</p>
        ${flow.problem === 'loadFailed' ? html`<button part="button" type="button" @click=${() => flow.load()}>${tx(lang, 'retry')}</button>` : nothing}`;
    }
    const procedure = flow.procedure;
    if (!procedure) return html`<p part="status" role="status" aria-busy="true">${tx(lang, 'loading')}</p>`;
    return html`${heading(this.level, procedure.title, { part: 'heading' })}${this.#renderView(procedure)}`;
  }

  #renderView(procedure: Procedure): TemplateResult {
    switch (this.flow.view) {
      case 'form':
        return this.editor.render();
      case 'summary':
        return this.#renderSummary();
      case 'receipt':
        return this.#renderReceipt(this.flow.receipt);
      default:
        return html`${renderIntro(this.language, procedure, this.level)}${this.flow.renderStart(procedure)}`;
    }
  }

  #renderSummary(): TemplateResult {
    const lang = this.language;
    const definition = this.definition;
    if (!definition) return html``;
    const nodes = visibleFields(definition, this.draft.answers);
    const resubmit = this.draft.draft?.state === 'NEEDS_INFO';
    const form = this.answers;
    return html`${heading(this.level + 1, tx(lang, 'checkHeading'), { id: 'summary-heading', focusable: true })}
      ${this.draft.renderStatus({ reload: () => void this.flow.reload() })}
      ${renderSummary({ lang, attachment: (id) => this.editor.attachment(id), change: (name) => this.flow.change(name) }, nodes, this.level + 1)}
      <form part="form" class="form" novalidate aria-busy=${form.ariaBusy()}
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          void this.flow.submit();
        }}>
        <p>${tx(lang, 'declaration')}</p>
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${form.disabled()}>${tx(lang, resubmit ? 'resubmit' : 'submit')}</button>
          <button part="button secondary" class="secondary" type="button" @click=${() => this.flow.show('form')}>${tx(lang, 'back')}</button>
        </div>
        ${form.renderFeedback()}
      </form>`;
  }

  #renderReceipt(receipt: Receipt | undefined): TemplateResult {
    if (!receipt) return html``;
    const template = this.applicationsHref || '/applications/{application}';
    return renderReceipt(this.language, receipt, {
      level: this.level + 1,
      applicationHref: template.replaceAll('{application}', encodeURIComponent(receipt.id)),
      downloadProblem: this.flow.downloadProblem,
      download: () => void this.#download(receipt),
    });
  }

  async #download(receipt: Receipt): Promise<void> {
    this.flow.downloadProblem = false;
    try {
      const token = (await this.auth?.getAccessToken()) ?? '';
      await downloadReceipt(receipt.receiptUrl ?? '', `${receipt.reference}.pdf`, {
        endpoint: this.resolvedEndpoint(),
        token,
        lang: this.language,
      });
    } catch (error) {
      console.error(error);
      this.flow.downloadProblem = true;
    }
    this.requestUpdate();
  }

  /** The page's router, where attachments go (the token goes nowhere else). */
  endpointForFiles(): string {
    return this.resolvedEndpoint();
  }

  /** The citizen's access token, for the files endpoint. */
  accessToken(): Promise<string | undefined> {
    return this.auth?.getAccessToken() ?? Promise.resolve(undefined);
  }

  /** The last sign-in failure, for the intro (AuthElement keeps it). */
  problemTextForForm(): string | undefined {
    return this.problemText();
  }

  /** Starts sign-in from the intro's button (a click handler: a popup opens before anything is awaited). */
  signIn(substantial: boolean): void {
    void this.startSignIn(substantial ? { acr: 'substantial' } : {});
  }
}
