import { MutationController, type Operation, type PayloadError } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import type { OfficeHost } from './office-host.ts';
import { type OfficeMessageKey, to } from './office-messages.ts';
import {
  APPLICATION_APPROVE,
  APPLICATION_ASSIGN,
  APPLICATION_CLOSE,
  APPLICATION_INFO_REQUEST,
  APPLICATION_REJECT,
  APPLICATION_REVIEW_START,
  type OfficePayload,
} from './office-mutations.ts';
import type { OfficeApplicationDetail } from './office-operations.ts';

type Decision = 'approve' | 'reject';

/** The payload of the one mutation an answer holds (`{ applicationApprove: {...} }`). */
function payloadOf(answer: unknown): OfficePayload {
  return Object.values(answer as Record<string, OfficePayload>)[0] as OfficePayload;
}

const ERRORS = new Set(['ValidationError', 'NotFoundError', 'ForbiddenError', 'ApplicationTransitionError']);

/**
 * The agent's decisions on one application, as the state allows them (the subgraph's transition table):
 * assign to me / unassign, start the review, request information (a message is required), approve or reject (a
 * reason is required to reject; a confirmation step first), close. Each carries the version shown: when someone
 * changed the application meanwhile, the agent reads so and the application loads again.
 */
export class OfficeActions {
  readonly form: MutationController;
  /** The decision waiting for confirmation, with its reason. */
  confirming: { readonly decision: Decision; readonly reason: string } | undefined;
  /** What the decision form holds, kept while the confirmation step replaces it. */
  #draft: { readonly decision?: Decision; readonly reason: string } = { reason: '' };

  constructor(private readonly host: OfficeHost) {
    this.form = new MutationController(host, { key: 'action' });
  }

  /** Forgets what was typed and shown (another application, a sign-out). */
  reset(): void {
    this.confirming = undefined;
    this.#draft = { reason: '' };
    this.form.reset();
  }

  async #mutate<TData, TVariables extends Record<string, unknown>>(
    action: string,
    operation: Operation<TData, TVariables>,
    variables: TVariables,
    done: OfficeMessageKey,
    fields: readonly string[] = [],
  ): Promise<boolean> {
    const lang = this.host.language;
    const answer = await this.form.run(action, () => this.host.request(operation, variables), {
      payload: (data) => payloadOf(data),
    });
    if (!answer) return false;
    const payload = payloadOf(answer);
    if (payload.__typename === 'ApplicationConflictError') {
      this.confirming = undefined;
      await this.host.reloadApplication();
      this.form.fail(to(lang, 'conflict'));
      return false;
    }
    if (payload.__typename === 'ValidationError') {
      this.confirming = undefined; // back to the form, where the problem shows at its field
      this.form.showFailure(payload as PayloadError, fields);
      return false;
    }
    if (ERRORS.has(payload.__typename) || payload.message) {
      this.confirming = undefined;
      await this.host.reloadApplication();
      this.form.fail(payload.message ?? to(lang, 'actionFailed'));
      return false;
    }
    this.confirming = undefined;
    await this.host.reloadApplication();
    this.form.succeed(to(lang, done), { focus: true });
    return true;
  }

  #assign(application: OfficeApplicationDetail, assigneeId: string | null): void {
    const done = assigneeId ? 'assignedToYou' : 'unassignedDone';
    void this.#mutate(
      'assign',
      APPLICATION_ASSIGN,
      { id: application.id, version: application.version, assigneeId },
      done,
    );
  }

  #text(event: SubmitEvent, name: string): { form: HTMLFormElement; value: string } {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return { form, value: String(new FormData(form).get(name) ?? '').trim() };
  }

  async #requestInfo(event: SubmitEvent, application: OfficeApplicationDetail): Promise<void> {
    const { form, value } = this.#text(event, 'message');
    if (!value) return this.form.showFieldErrors({ message: to(this.host.language, 'messageRequired') });
    const variables = { id: application.id, version: application.version, message: value };
    if (await this.#mutate('info', APPLICATION_INFO_REQUEST, variables, 'infoRequested', ['message'])) form.reset();
  }

  /** "Continue": checks the decision and its reason, then asks for confirmation. */
  #prepareDecision(event: SubmitEvent): void {
    const { value: reason } = this.#text(event, 'reason');
    const lang = this.host.language;
    const chosen = new FormData(event.currentTarget as HTMLFormElement).get('decision');
    const decision = chosen === 'approve' || chosen === 'reject' ? chosen : undefined;
    this.#draft = decision ? { decision, reason } : { reason };
    const errors: Record<string, string> = {};
    if (!decision) errors.decision = to(lang, 'decisionRequired');
    if (decision === 'reject' && !reason) errors.reason = to(lang, 'reasonRequired');
    if (Object.keys(errors).length) {
      this.form.showFieldErrors(errors);
      return;
    }
    this.form.fieldErrors = {};
    this.form.feedback = undefined;
    if (!decision) return;
    this.confirming = { decision, reason };
    this.form.focusLater('action-confirm');
  }

  async #confirm(application: OfficeApplicationDetail): Promise<void> {
    const confirming = this.confirming;
    if (!confirming) return;
    const { id, version } = application;
    const done =
      confirming.decision === 'approve'
        ? await this.#mutate(
            'decide',
            APPLICATION_APPROVE,
            { id, version, reason: confirming.reason || null },
            'approved',
            ['reason'],
          )
        : await this.#mutate('decide', APPLICATION_REJECT, { id, version, reason: confirming.reason }, 'rejected', [
            'reason',
          ]);
    if (done) this.#draft = { reason: '' };
  }

  #back(): void {
    const decision = this.confirming?.decision;
    this.confirming = undefined;
    this.host.requestUpdate();
    this.form.focusLater(`action-decision-${decision === 'reject' ? 1 : 0}`);
  }

  async #close(event: SubmitEvent, application: OfficeApplicationDetail): Promise<void> {
    const { value } = this.#text(event, 'closeReason');
    const variables = { id: application.id, version: application.version, reason: value || null };
    await this.#mutate('close', APPLICATION_CLOSE, variables, 'closed');
  }

  render(application: OfficeApplicationDetail): TemplateResult {
    const host = this.host;
    const lang = host.language;
    const f = this.form;
    const { state } = application;
    const mine = application.assignee?.id === host.me;
    const open = state !== 'CLOSED' && state !== 'DRAFT';
    const decidable = state === 'SUBMITTED' || state === 'IN_REVIEW';
    const closable = state === 'APPROVED' || state === 'REJECTED' || state === 'WITHDRAWN';
    const button = (label: OfficeMessageKey, click: () => void, secondary = false) =>
      html`<button part=${secondary ? 'button secondary' : 'button'} class=${secondary ? 'secondary' : ''} type="button" aria-disabled=${f.disabled()} @click=${click}>${to(lang, label)}</button>`;
    const quick = [
      open && !mine ? button('assignToMe', () => this.#assign(application, host.me ?? null)) : nothing,
      open && application.assignee ? button('unassign', () => this.#assign(application, null), true) : nothing,
      state === 'SUBMITTED'
        ? button(
            'startReview',
            () =>
              void this.#mutate(
                'review',
                APPLICATION_REVIEW_START,
                { id: application.id, version: application.version },
                'reviewStarted',
              ),
          )
        : nothing,
    ];
    return html`<section part="actions" class="actions-panel" aria-labelledby="office-actions-heading" aria-busy=${f.ariaBusy()}>
      ${host.heading(1, to(lang, 'actionsHeading'), 'office-actions-heading')}
      ${f.renderFeedback()}
      <div class="actions">${quick}</div>
      ${decidable ? this.#renderInfoRequest(application) : nothing}
      ${decidable ? (this.confirming ? this.#renderConfirm(application) : this.#renderDecision()) : nothing}
      ${closable ? this.#renderClose(application) : nothing}
      ${!open ? html`<p>${to(lang, 'nothingToDo')}</p>` : nothing}
    </section>`;
  }

  #renderInfoRequest(application: OfficeApplicationDetail): TemplateResult {
    const lang = this.host.language;
    const f = this.form;
    return html`<form part="form info-request" class="form" novalidate aria-labelledby="office-info-heading"
      @submit=${(e: SubmitEvent) => void this.#requestInfo(e, application)}>
      ${this.host.heading(2, to(lang, 'infoHeading'), 'office-info-heading')}
      ${f.field({ name: 'message', label: to(lang, 'messageLabel'), hint: to(lang, 'messageHint'), control: 'textarea', rows: 4, required: true, maxlength: 4000 })}
      <div class="actions"><button part="button" type="submit" aria-disabled=${f.disabled()}>${to(lang, 'requestInfo')}</button></div>
    </form>`;
  }

  #renderDecision(): TemplateResult {
    const lang = this.host.language;
    const f = this.form;
    const draft = this.#draft;
    return html`<form part="form decision" class="form" novalidate aria-labelledby="office-decision-heading"
      @submit=${(e: SubmitEvent) => this.#prepareDecision(e)}>
      ${this.host.heading(2, to(lang, 'decisionHeading'), 'office-decision-heading')}
      ${f.errorSummary()}
      ${f.choices({
        name: 'decision',
        legend: to(lang, 'decisionLegend'),
        type: 'radio',
        options: [
          { value: 'approve', label: to(lang, 'decisionApprove') },
          { value: 'reject', label: to(lang, 'decisionReject') },
        ],
        checked: draft.decision ? [draft.decision] : [],
      })}
      ${f.field({ name: 'reason', label: to(lang, 'reasonLabel'), hint: to(lang, 'reasonHint'), control: 'textarea', rows: 4, maxlength: 4000, value: draft.reason })}
      <div class="actions"><button part="button" type="submit" aria-disabled=${f.disabled()}>${to(lang, 'continue')}</button></div>
    </form>`;
  }

  #renderConfirm(application: OfficeApplicationDetail): TemplateResult {
    const lang = this.host.language;
    const { decision, reason } = this.confirming ?? { decision: 'approve', reason: '' };
    const reference = application.reference ?? '';
    return html`<div part="confirm" class="confirm" id="action-confirm" tabindex="-1" role="group" aria-labelledby="office-confirm-heading">
      ${this.host.heading(2, to(lang, decision === 'approve' ? 'confirmApproveHeading' : 'confirmRejectHeading', { reference }), 'office-confirm-heading')}
      <p>${to(lang, 'confirmText', { name: application.applicantName })}</p>
      ${reason ? html`<blockquote part="reason">${reason}</blockquote>` : html`<p class="muted">${to(lang, 'confirmNoReason')}</p>`}
      <div class="actions">
        <button part=${decision === 'reject' ? 'button danger' : 'button'} class=${decision === 'reject' ? 'danger' : ''} type="button" aria-disabled=${this.form.disabled()} @click=${() => void this.#confirm(application)}>
          ${to(lang, decision === 'approve' ? 'confirmApprove' : 'confirmReject')}
        </button>
        <button part="button secondary" class="secondary" type="button" @click=${() => this.#back()}>${to(lang, 'goBack')}</button>
      </div>
    </div>`;
  }

  #renderClose(application: OfficeApplicationDetail): TemplateResult {
    const lang = this.host.language;
    const f = this.form;
    return html`<form part="form close" class="form" novalidate aria-labelledby="office-close-heading"
      @submit=${(e: SubmitEvent) => void this.#close(e, application)}>
      ${this.host.heading(2, to(lang, 'closeHeading'), 'office-close-heading')}
      ${f.field({ name: 'closeReason', label: to(lang, 'closeReasonLabel'), hint: to(lang, 'closeReasonHint'), control: 'textarea', rows: 3, maxlength: 4000 })}
      <div class="actions"><button part="button" type="submit" aria-disabled=${f.disabled()}>${to(lang, 'closeApplication')}</button></div>
    </form>`;
  }
}
