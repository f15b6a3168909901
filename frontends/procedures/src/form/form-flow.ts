import { type Answers, type FormDefinition, prefillAnswers } from '@gemeng/forms';
import { type AuthState, isPayloadError } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { setAt } from './answers.ts';
import {
  APPLICATION_QUERY,
  type ApplicationData,
  answersOf,
  attachmentsOf,
  type DraftState,
  ME_QUERY,
  PROCEDURE_QUERY,
  type Procedure,
  START_MUTATION,
  SUBMIT_MUTATION,
} from './form-data.ts';
import { type FormTextKey, tx } from './form-messages.ts';
import type { ProcedureForm, View } from './procedure-form.ts';
import type { Receipt } from './receipt.ts';
import { errorsOf } from './validation.ts';

/** States in which the citizen may still change the answers. */
const EDITABLE = new Set(['DRAFT', 'NEEDS_INFO']);

/**
 * The errand from start to receipt, for `<gemeng-procedure-form>`: loads the procedure (public) or the application
 * to answer (signed in), starts or resumes the draft (step-up on the server's RFC 9470 error, through the start
 * controller), prefills a new one, moves between the views, submits, and keeps the receipt.
 */
export class FormFlow {
  view: View = 'intro';
  procedure: Procedure | undefined;
  communeId: string | undefined;
  problem: Extract<FormTextKey, 'notFound' | 'loadFailed' | 'missingProcedure' | 'notEditable'> | undefined;
  /** The draft's last change, when the citizen resumed one (shown above the form once). */
  resumedAt: Date | undefined;
  receipt: Receipt | undefined;
  downloadProblem = false;
  #loading = 0;

  constructor(private readonly host: ProcedureForm) {}

  /** Loads what the attributes name: the application to answer, else the procedure's public description. */
  load(): void {
    const token = ++this.#loading;
    this.problem = undefined;
    if (this.host.applicationId) {
      if (this.host.isSignedIn()) void this.#loadApplication(token, this.host.applicationId);
      return;
    }
    const code = this.host.procedureCode;
    if (!this.host.commune || !code) {
      this.problem = 'missingProcedure';
      return;
    }
    void this.#loadProcedure(token, this.host.commune, code);
  }

  async #loadProcedure(token: number, slug: string, code: string): Promise<void> {
    try {
      const data = await this.host.send(PROCEDURE_QUERY, { slug, code });
      if (token !== this.#loading) return;
      this.procedure = data.commune?.procedure ?? undefined;
      this.communeId = data.commune?.id;
      if (!this.procedure) this.problem = 'notFound';
    } catch (error) {
      console.error(error);
      if (token === this.#loading) this.problem = 'loadFailed';
    }
    this.host.requestUpdate();
  }

  async #loadApplication(token: number, id: string): Promise<void> {
    try {
      const data = await this.host.send(APPLICATION_QUERY, { id });
      if (token !== this.#loading) return;
      const application = data.application;
      if (!application) this.problem = 'notFound';
      else this.#openApplication(application);
    } catch (error) {
      console.error(error);
      if (token === this.#loading) this.problem = 'loadFailed';
    }
    this.host.requestUpdate();
  }

  #openApplication(application: ApplicationData): void {
    this.procedure = application.procedure;
    this.communeId = application.commune.id;
    if (!EDITABLE.has(application.state)) {
      this.problem = 'notEditable';
      return;
    }
    // one factor for a procedure that needs two: the intro asks for the second; signed in again, it loads anew
    if (application.procedure.assurance === 'SUBSTANTIAL' && !this.host.hasTwoFactors()) {
      this.view = 'intro';
      return;
    }
    const draft = draftOf(application);
    this.host.draft.open({ ...draft, answers: withMinimumItems(draft.form as FormDefinition, draft.answers) });
    this.view = 'form';
  }

  /** Signed in: an application to answer loads now; signed out: what was typed is forgotten (a shared computer). */
  authChanged(state: AuthState): void {
    if (state.status === 'signed-in' && this.host.applicationId && !this.host.draft.draft) this.load();
    if (state.status === 'anonymous' && this.host.draft.draft) {
      this.host.draft.close();
      this.host.answers.reset();
      this.view = 'intro';
      this.receipt = undefined;
    }
    this.host.requestUpdate();
  }

  /** The intro's call to action: sign in (with two factors when needed), or start (or resume) the draft. */
  renderStart(procedure: Procedure): TemplateResult {
    const lang = this.host.language;
    if (procedure.channel === 'COUNTER') return html`<p part="note" class="note">${tx(lang, 'counterOnly')}</p>`;
    const substantial = procedure.assurance === 'SUBSTANTIAL';
    const problem = this.host.problemTextForForm();
    if (!this.host.isSignedIn() || (substantial && !this.host.hasTwoFactors())) {
      return html`<div class="actions">
          <button part="button start" type="button" @click=${() => this.host.signIn(substantial)}>
            ${tx(lang, substantial ? 'signInSubstantial' : 'signIn')}
          </button>
        </div>
        ${problem ? html`<p part="alert" role="alert">${problem}</p>` : nothing}`;
    }
    const starting = this.host.starting;
    return html`<div class="actions" aria-busy=${starting.ariaBusy()}>
        <button part="button start" type="button" aria-disabled=${starting.disabled()} @click=${() => void this.start()}>
          ${tx(lang, 'start')}
        </button>
      </div>
      ${starting.renderFeedback()}`;
  }

  /** Starts the draft, or resumes the citizen's existing one (the server returns it); a new one is prefilled. */
  async start(): Promise<void> {
    const host = this.host;
    const procedure = this.procedure;
    if (!procedure || !this.communeId) return;
    const variables = { communeId: this.communeId, procedureCode: procedure.code };
    const data = await host.starting.run('start', () => host.send(START_MUTATION, variables), {
      working: tx(host.language, 'starting'),
      payload: (answer) => answer.applicationStart,
    });
    if (!data) return;
    const result = data.applicationStart;
    if (isPayloadError(result)) return host.starting.showFailure(result, []);
    if (result.__typename !== 'ApplicationStartPayload') return host.starting.fail(tx(host.language, 'submitFailed'));
    const draft = draftOf(result.application);
    host.draft.open({ ...draft, answers: withMinimumItems(draft.form as FormDefinition, draft.answers) });
    host.starting.succeed('');
    const fresh = Object.keys(draft.answers).length === 0;
    this.resumedAt = fresh ? undefined : new Date(draft.updatedAt);
    if (fresh) await this.#prefill(draft.form as FormDefinition);
    this.show('form');
  }

  /** A new draft: name and email from the profile, and the minimum number of items of each repeated group. */
  async #prefill(definition: FormDefinition): Promise<void> {
    let answers: Answers = {};
    try {
      const { me } = await this.host.send(ME_QUERY, {});
      if (me) answers = prefillAnswers(definition, { name: me.name, email: me.email }, answers);
    } catch (error) {
      console.error(error); // prefill is a convenience: the form opens empty
    }
    if (Object.keys(answers).length) this.host.draft.change({ ...this.host.draft.answers, ...answers });
  }

  /** Shows a view; its heading (or the form's first control) takes the focus. */
  show(view: View): void {
    this.view = view;
    this.host.requestUpdate();
    const target = { intro: undefined, form: undefined, summary: 'summary-heading', receipt: 'receipt-heading' }[view];
    if (target) this.host.answers.focusLater(target);
  }

  /** A summary's "Change": back to the form, the focus on that answer's control. */
  change(name: string): void {
    this.show('form');
    this.host.answers.focusLater(`answers-${name}`);
  }

  /** After a conflict: the latest version from the server replaces what this page holds. */
  async reload(): Promise<void> {
    const id = this.host.draft.draft?.id;
    if (!id) return;
    try {
      const data = await this.host.send(APPLICATION_QUERY, { id });
      if (data.application) this.#openApplication(data.application);
    } catch (error) {
      console.error(error);
    }
    this.host.requestUpdate();
  }

  /** Submits (after the last save); the server's problems go back to their fields in the form. */
  async submit(): Promise<void> {
    const host = this.host;
    const data = await host.answers.run(
      'submit',
      async () => {
        await host.draft.flush();
        const draft = host.draft.draft;
        if (!draft || host.draft.status === 'conflict' || host.draft.status === 'failed') return undefined;
        return host.send(SUBMIT_MUTATION, { id: draft.id, version: draft.version });
      },
      {
        working: tx(host.language, 'submitting'),
        failed: tx(host.language, 'submitFailed'),
        payload: (d) => d?.applicationSubmit,
      },
    );
    if (!data) {
      if (host.draft.status === 'conflict' || host.draft.status === 'failed') host.answers.succeed('');
      return;
    }
    const result = data.applicationSubmit;
    if (result.__typename === 'ValidationError') {
      const problems = result.problems?.length ? result.problems : [{ field: result.field, message: result.message }];
      this.show('form');
      host.answers.showFieldErrors(errorsOf(problems.map((p) => ({ path: p.field, message: p.message }))));
      return;
    }
    if (result.__typename === 'ApplicationConflictError') {
      host.draft.status = 'conflict';
      return host.answers.succeed('');
    }
    if (result.__typename !== 'ApplicationSubmitPayload') {
      return host.answers.fail('message' in result ? result.message : tx(host.language, 'submitFailed'));
    }
    const application = result.application;
    host.draft.close();
    this.receipt = {
      id: application.id,
      reference: application.reference ?? '',
      expectedDecisionOn: application.expectedDecisionOn,
      receiptUrl: typeof application.receiptUrl === 'string' ? application.receiptUrl : null,
    };
    host.answers.succeed('');
    this.show('receipt');
  }
}

/** Any application answer as the draft controller holds it. */
function draftOf(
  application: Omit<DraftState, 'answers' | 'attachments'> & {
    answers: unknown;
    attachments: unknown;
  },
): DraftState {
  return {
    id: application.id,
    state: application.state,
    version: application.version,
    answers: answersOf(application.answers),
    form: application.form,
    updatedAt: application.updatedAt,
    attachments: attachmentsOf(application.attachments),
  };
}

/** Answers with as many (empty) items in each repeated group as its minimum asks for. */
export function withMinimumItems(definition: FormDefinition, answers: Answers): Answers {
  let result = answers;
  for (const field of definition.fields) {
    if (field.type !== 'group' || !field.repeatable) continue;
    const min = field.repeatable.min ?? (field.required ? 1 : 0);
    const items = Array.isArray(result[field.key]) ? (result[field.key] as unknown[]) : [];
    if (items.length < min)
      result = setAt(result, field.key, [...items, ...Array.from({ length: min - items.length }, () => ({}))]);
  }
  return result;
}
