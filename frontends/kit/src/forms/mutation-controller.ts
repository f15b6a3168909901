import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AuthError } from '../auth.ts';
import { GraphQLRequestError, type StepUpChallenge, withStepUp } from '../graphql-client.ts';
import type { Language } from '../i18n.ts';
import {
  type ChoicesOptions,
  type FieldErrors,
  type FieldOptions,
  type FormContext,
  fieldRefs,
  focusInRoot,
  renderCheckbox,
  renderChoices,
  renderErrorSummary,
  renderField,
} from './field.ts';
import { tf } from './messages.ts';
import { type PayloadError, payloadChallenge } from './payload-errors.ts';

/** What a {@link MutationController} needs from its element (one shadow root, so ids and labels connect). */
export interface MutationHost extends ReactiveControllerHost {
  readonly language: Language;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /**
   * From a click handler: the person confirms with a second factor what `challenge` asks for, in a popup that
   * opens before anything is awaited (an `AuthElement`'s `stepUp`). Resolves with nothing once the new tokens are
   * in, else with the AuthError (`cancelled`, `popup-blocked`, …).
   */
  startStepUp(challenge: StepUpChallenge): Promise<AuthError | undefined>;
}

export type Feedback =
  | { readonly kind: 'status'; readonly text: string }
  | { readonly kind: 'alert'; readonly text: string }
  /** The change waits for a second factor: `waiting` while the popup is open, `problem` when it failed. */
  | {
      readonly kind: 'step-up';
      readonly challenge: StepUpChallenge;
      readonly waiting: boolean;
      readonly problem?: string;
    };

export interface RunOptions<T> {
  /** Replaces the generic "Working…" status meanwhile. */
  readonly working?: string;
  /** Replaces the generic failure message. */
  readonly failed?: string;
  /**
   * The mutation's payload in the answer (e.g. `(data) => data.profileUpdate`): an `InsufficientAssuranceError`
   * there asks for the step-up as the GraphQL error would, and the mutation runs again once confirmed.
   */
  readonly payload?: (answer: T) => { readonly __typename: string } | null | undefined;
}

/** The controller whose step-up notice is on screen, per element: one at a time (another's change gives way). */
const stepUpOwners = new WeakMap<MutationHost, MutationController>();

/**
 * A form (or a list with buttons) that runs mutations, as a Lit reactive controller in the widget's own shadow
 * root: it keeps its busy state (`aria-busy`, `aria-disabled` on its buttons, a second submit ignored), the last
 * outcome (a `role="status"` line, a `role="alert"` line, or the "confirm with a second factor" notice), and the
 * field errors, checked in the browser or mapped from the graph's `ValidationError.problems`. A step-up challenge
 * (RFC 9470: the GraphQL error INSUFFICIENT_USER_AUTHENTICATION, or an `InsufficientAssuranceError` payload)
 * shows the notice; once the person has confirmed in the popup, the same mutation runs again (see the kit's
 * `withStepUp`). Ids in the shadow root start with `key`.
 *
 * Use it as a field (`#form = new MutationController(this, { key: 'booking' })`) or extend it.
 */
export class MutationController implements ReactiveController {
  /** The id prefix, e.g. `profile` gives `profile-name`, `profile-status`, `profile-alert`. */
  readonly key: string;
  /** The action running (its name), or undefined. */
  busy: string | undefined;
  feedback: Feedback | undefined;
  /** Messages per input field, by name. */
  fieldErrors: FieldErrors = {};
  /** Settles the pending step-up: true once confirmed (the change runs again), false when given up. */
  #stepUpAnswer: ((confirmed: boolean) => void) | undefined;

  constructor(
    protected readonly host: MutationHost,
    options: { readonly key?: string } = {},
  ) {
    this.key = options.key ?? 'form';
    host.addController(this);
  }

  hostConnected(): void {}

  protected get lang(): Language {
    return this.host.language;
  }

  /** Forgets everything shown (sign-out), and gives up a pending step-up. */
  reset(): void {
    this.busy = undefined;
    this.feedback = undefined;
    this.fieldErrors = {};
    if (stepUpOwners.get(this.host) === this) stepUpOwners.delete(this.host);
    this.#stepUpAnswer?.(false);
  }

  /**
   * Runs `operation` as action `action` (ignored while another action of this controller runs). A step-up
   * challenge shows the notice here and moves the focus to it; once the person has confirmed, `operation` runs
   * again with the new token and its result is returned, as if nothing had happened; undefined if they gave up.
   * Any other failure shows a `role="alert"` line and resolves to undefined.
   */
  async run<T>(action: string, operation: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = action;
    this.fieldErrors = {};
    const working = options.working ?? tf(this.lang, 'working');
    this.feedback = { kind: 'status', text: working };
    this.host.requestUpdate();
    const { payload } = options;
    const attempt = payload ? () => operation().then((answer) => payloadChallenge(answer, payload)) : operation;
    try {
      return await withStepUp(attempt, (challenge) => this.#askStepUp(challenge, working));
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.kind === 'aborted') {
        this.feedback = undefined;
      } else {
        console.error(error);
        this.fail(options.failed ?? tf(this.lang, 'actionFailed'));
      }
      return undefined;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  #askStepUp(challenge: StepUpChallenge, working: string): Promise<boolean> {
    const owner = stepUpOwners.get(this.host);
    if (owner && owner !== this) owner.cancelStepUp();
    stepUpOwners.set(this.host, this);
    this.feedback = { kind: 'step-up', challenge, waiting: false };
    this.focusLater(`${this.key}-step-up`);
    return new Promise((resolve) => {
      this.#stepUpAnswer = (confirmed) => {
        this.#stepUpAnswer = undefined;
        if (stepUpOwners.get(this.host) === this) stepUpOwners.delete(this.host);
        if (confirmed) {
          // The notice (which had the focus) gives way to the status line, where the outcome will be read.
          this.feedback = { kind: 'status', text: working };
          this.focusLater(`${this.key}-status`);
        }
        resolve(confirmed);
      };
    });
  }

  /** The notice's button, a click handler: the popup opens before anything is awaited. */
  #confirmStepUp(): void {
    const feedback = this.feedback;
    if (feedback?.kind !== 'step-up' || feedback.waiting) return;
    const outcome = this.host.startStepUp(feedback.challenge);
    this.feedback = { kind: 'step-up', challenge: feedback.challenge, waiting: true };
    this.host.requestUpdate();
    void outcome.then((error) => {
      const current = this.feedback;
      if (current?.kind !== 'step-up') return; // given up or signed out meanwhile
      if (!error) return this.#stepUpAnswer?.(true);
      // The popup was closed or blocked: the notice stays, to try again or give up.
      const problem =
        error.code === 'popup-blocked'
          ? tf(this.lang, 'stepUpPopupBlocked')
          : error.code === 'cancelled'
            ? tf(this.lang, 'stepUpCancelled')
            : tf(this.lang, 'stepUpFailed');
      this.feedback = { kind: 'step-up', challenge: current.challenge, waiting: false, problem };
      this.focusLater(`${this.key}-step-up`);
    });
  }

  /** Gives up the change waiting for a second factor (the notice's cancel button, or another notice). */
  cancelStepUp(): void {
    if (this.feedback?.kind === 'step-up') this.feedback = undefined;
    this.#stepUpAnswer?.(false);
    this.host.requestUpdate();
  }

  #giveUp(): void {
    if (this.feedback?.kind !== 'step-up') return;
    this.cancelStepUp();
    this.succeed(tf(this.lang, 'stepUpCancelled'), { focus: true });
  }

  /** A `role="status"` outcome; `focus` moves the focus to it (when the control that was used disappears). */
  succeed(text: string, options: { focus?: boolean } = {}): void {
    this.feedback = { kind: 'status', text };
    this.host.requestUpdate();
    if (options.focus) this.focusLater(`${this.key}-status`);
  }

  /** A `role="alert"` outcome, which takes the focus. */
  fail(text: string): void {
    this.feedback = { kind: 'alert', text };
    this.host.requestUpdate();
    this.focusLater(`${this.key}-alert`);
  }

  /**
   * Shows a payload's expected failure: each `ValidationError` problem next to its field when the field is one of
   * `fields` (shown by this form), else as an alert.
   */
  showFailure(failure: PayloadError, fields: readonly string[]): void {
    if (failure.__typename !== 'ValidationError') {
      this.fail(failure.message);
      return;
    }
    const problems = failure.problems?.length ? failure.problems : [{ field: failure.field, message: failure.message }];
    const errors: Record<string, string> = {};
    for (const problem of problems) {
      if (fields.includes(problem.field) && !errors[problem.field]) errors[problem.field] = problem.message;
    }
    const elsewhere = problems.filter((problem) => !fields.includes(problem.field));
    if (!elsewhere.length) {
      this.showFieldErrors(errors);
      return;
    }
    this.fieldErrors = errors;
    this.fail(elsewhere.map((problem) => problem.message).join(' '));
  }

  /**
   * Field errors (checked here or by the server): one error takes the focus to its field, more to the error
   * summary (see {@link renderErrorSummary}).
   */
  showFieldErrors(errors: Record<string, string>): void {
    this.fieldErrors = errors;
    this.feedback = undefined;
    this.host.requestUpdate();
    const names = Object.keys(errors).filter((name) => errors[name]);
    if (names.length > 1) this.focusLater(`${this.key}-error-summary`);
    else if (names[0]) this.focusLater(this.fieldId(names[0]));
  }

  fieldId(field: string): string {
    return `${this.key}-${field}`;
  }

  /** The context the field pieces need: this controller's language, id prefix and errors. */
  get form(): FormContext {
    return { lang: this.lang, prefix: this.key, errors: this.fieldErrors };
  }

  /** `aria-invalid` of a field. */
  invalid(field: string): 'true' | 'false' {
    return fieldRefs(this.form, field).invalid;
  }

  /** `aria-describedby` of a field: its hint (if any), then its error (if any). */
  describedBy(field: string, hint = false): string | typeof nothing {
    return fieldRefs(this.form, field, hint).describedBy;
  }

  /** A labelled control of this form (see {@link renderField}). */
  field(options: FieldOptions): TemplateResult {
    return renderField(this.form, options);
  }

  /** A group of checkboxes or radios of this form (see {@link renderChoices}). */
  choices(options: ChoicesOptions): TemplateResult {
    return renderChoices(this.form, options);
  }

  /** One checkbox of this form (see {@link renderCheckbox}). */
  checkbox(options: Parameters<typeof renderCheckbox>[1]): TemplateResult {
    return renderCheckbox(this.form, options);
  }

  /** The error summary of this form, when more than one field is in error. */
  errorSummary(): TemplateResult | typeof nothing {
    return renderErrorSummary(this.form);
  }

  /** `aria-busy` of the form or part while one of its actions runs. */
  ariaBusy(): 'true' | 'false' {
    return this.busy ? 'true' : 'false';
  }

  /** `aria-disabled` for the buttons while an action runs (they stay focusable; a second click is ignored). */
  disabled(): 'true' | 'false' {
    return this.busy ? 'true' : 'false';
  }

  /**
   * The outcome of the last action: a `role="status"` line (always in the page, so that changes are read out),
   * a `role="alert"` line, or the step-up notice with its buttons.
   */
  renderFeedback(): TemplateResult {
    const feedback = this.feedback;
    return html`<p part="status" role="status" class="status" id="${this.key}-status" tabindex="-1">
        ${feedback?.kind === 'status' ? feedback.text : ''}
      </p>
      ${feedback?.kind === 'alert' ? html`<p part="alert" role="alert" id="${this.key}-alert" tabindex="-1">${feedback.text}</p>` : nothing}
      ${feedback?.kind === 'step-up' ? this.#renderStepUp(feedback) : nothing}`;
  }

  #renderStepUp(feedback: Extract<Feedback, { kind: 'step-up' }>): TemplateResult {
    const lang = this.lang;
    const { maxAge } = feedback.challenge;
    const minutes = maxAge === undefined ? undefined : Math.max(1, Math.round(maxAge / 60));
    return html`<div part="step-up alert" role="alert" id="${this.key}-step-up" tabindex="-1">
      <p>${minutes === undefined ? tf(lang, 'stepUpNeeded') : tf(lang, 'stepUpRecent', { minutes })}</p>
      ${feedback.waiting ? html`<p>${tf(lang, 'stepUpWaiting')}</p>` : nothing}
      ${feedback.problem ? html`<p part="field-error" class="field-error">${feedback.problem}</p>` : nothing}
      <div class="actions">
        <button part="button" type="button" aria-disabled=${feedback.waiting ? 'true' : 'false'} @click=${() => this.#confirmStepUp()}>
          ${tf(lang, 'stepUp')}
        </button>
        <button part="button secondary" class="secondary" type="button" @click=${() => this.#giveUp()}>
          ${tf(lang, 'cancel')}
        </button>
      </div>
    </div>`;
  }

  /** Moves the focus to `#id` once the next render is done; a fieldset gives it to its first control. */
  focusLater(id: string): void {
    // Request the render that shows the target, so that updateComplete waits for it.
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => focusInRoot(this.host.renderRoot, id));
  }
}
