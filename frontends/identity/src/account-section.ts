import {
  type AuthError,
  formatDateTime,
  GraphQLRequestError,
  type Language,
  type StepUpChallenge,
  withStepUp,
} from '@gemeng/frontend-kit';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MutationFailure } from './account-data.ts';
import { ta } from './account-messages.ts';
import { t } from './auth-messages.ts';

/** What the parts of `<gemeng-account>` need from the element (one shadow root, so ids and labels connect). */
export interface AccountHost extends ReactiveControllerHost {
  readonly language: Language;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Sends one operation as the signed-in person; throws a GraphQLRequestError. */
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Loads the account again; what is shown stays (dimmed, `aria-busy`) until the answer arrives. */
  reload(): Promise<void>;
  /** A heading `depth` levels below the account's own (`heading-level`), clamped to h6. */
  heading(depth: number, content: string, id: string, part?: string): TemplateResult;
  /** The part that shows the "confirm with a second factor" notice (one at a time). */
  stepUpSection: AccountSection | undefined;
  /**
   * From a click handler: the person confirms with a second factor what `challenge` asks for, in a popup that
   * opens before anything is awaited. Resolves with nothing once the new tokens are in, else with the AuthError.
   */
  startStepUp(challenge: StepUpChallenge): Promise<AuthError | undefined>;
  /** The account has just been erased: says so in place of the account and signs out on this page. */
  accountErased(): Promise<void>;
}

/** A date and time in the widget's language (Luxembourg time), machine-readable in `datetime`. */
export function renderTime(lang: Language, iso: string): TemplateResult {
  return html`<time datetime=${iso}>${formatDateTime(lang, iso, { dateStyle: 'medium', timeStyle: 'short' })}</time>`;
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

/**
 * One part of the account with its own actions (a form, a list with buttons), as a Lit reactive controller:
 * it keeps its busy state, field errors and last outcome, runs mutations (a step-up challenge becomes a
 * "confirm with a second factor" notice; once confirmed, the same mutation runs again), and renders the outcome
 * next to its controls. Ids in the shadow root are prefixed with `key`.
 */
export abstract class AccountSection implements ReactiveController {
  /** The id prefix, e.g. `profile` gives `profile-name`, `profile-status`, `profile-alert`. */
  abstract readonly key: string;
  /** The action running (its name), or undefined. */
  busy: string | undefined;
  feedback: Feedback | undefined;
  /** Messages per input field (as the mutation names it: `name`, `newEmail`, …). */
  fieldErrors: Readonly<Record<string, string>> = {};
  /** Settles the pending step-up: true once confirmed (the change runs again), false when given up. */
  #stepUpAnswer: ((confirmed: boolean) => void) | undefined;

  constructor(protected readonly host: AccountHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The page's tokens changed (renewed, or a new sign-in or step-up) while the same person is signed in. */
  authChanged(): void {}

  protected get lang(): Language {
    return this.host.language;
  }

  /** Forgets everything shown (sign-out). */
  reset(): void {
    this.busy = undefined;
    this.feedback = undefined;
    this.fieldErrors = {};
    if (this.host.stepUpSection === this) this.host.stepUpSection = undefined;
    this.#stepUpAnswer?.(false);
  }

  /**
   * Runs `operation` as action `action` (ignored while another action of this part runs). A step-up challenge
   * shows the notice with its button here and moves the focus to it; once the person has confirmed with a second
   * factor, `operation` runs again with the new token and its result is returned, as if nothing had happened (the
   * person does not make the change twice); undefined if they gave up. Any other failure shows a `role="alert"`
   * line. `texts.working` replaces the generic "Working…" status meanwhile, `texts.failed` the generic failure.
   */
  protected async run<T>(
    action: string,
    operation: () => Promise<T>,
    texts: { readonly working?: string; readonly failed?: string } = {},
  ): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = action;
    this.fieldErrors = {};
    const working = texts.working ?? ta(this.lang, 'working');
    this.feedback = { kind: 'status', text: working };
    this.host.requestUpdate();
    try {
      return await withStepUp(operation, (challenge) => this.#askStepUp(challenge, working));
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.kind === 'aborted') {
        this.feedback = undefined;
      } else {
        console.error(error);
        this.fail(texts.failed ?? ta(this.lang, 'actionFailed'));
      }
      return undefined;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  /** Shows the notice (one in the whole account: another part's pending change gives way) and waits. */
  #askStepUp(challenge: StepUpChallenge, working: string): Promise<boolean> {
    if (this.host.stepUpSection !== this) this.host.stepUpSection?.cancelStepUp();
    this.host.stepUpSection = this;
    this.feedback = { kind: 'step-up', challenge, waiting: false };
    this.focusLater(`${this.key}-step-up`);
    return new Promise((resolve) => {
      this.#stepUpAnswer = (confirmed) => {
        this.#stepUpAnswer = undefined;
        if (this.host.stepUpSection === this) this.host.stepUpSection = undefined;
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
          ? t(this.lang, 'popupBlocked')
          : error.code === 'cancelled'
            ? ta(this.lang, 'stepUpCancelled')
            : t(this.lang, 'failed');
      this.feedback = { kind: 'step-up', challenge: current.challenge, waiting: false, problem };
      this.focusLater(`${this.key}-step-up`);
    });
  }

  /** Gives up the change waiting for a second factor (the notice's cancel button, or another part's notice). */
  cancelStepUp(): void {
    if (this.feedback?.kind === 'step-up') this.feedback = undefined;
    this.#stepUpAnswer?.(false);
    this.host.requestUpdate();
  }

  #giveUp(): void {
    if (this.feedback?.kind !== 'step-up') return;
    this.cancelStepUp();
    this.succeed(ta(this.lang, 'stepUpCancelled'), { focus: true });
  }

  /** A `role="status"` outcome; `focus` moves the focus to it (when the control that was used disappears). */
  protected succeed(text: string, options: { focus?: boolean } = {}): void {
    this.feedback = { kind: 'status', text };
    this.host.requestUpdate();
    if (options.focus) this.focusLater(`${this.key}-status`);
  }

  protected fail(text: string): void {
    this.feedback = { kind: 'alert', text };
    this.host.requestUpdate();
    this.focusLater(`${this.key}-alert`);
  }

  /** Shows a mutation's expected failure: next to its field when it names one shown here, else as an alert. */
  protected showFailure(failure: MutationFailure, fields: readonly string[]): void {
    if (failure.__typename === 'ValidationError' && fields.includes(failure.field)) {
      this.showFieldErrors({ [failure.field]: failure.message });
    } else {
      this.fail(failure.message);
    }
  }

  /** Field errors (checked here or by the server); the focus goes to the first field in error. */
  protected showFieldErrors(errors: Record<string, string>): void {
    this.fieldErrors = errors;
    this.feedback = undefined;
    this.host.requestUpdate();
    const first = Object.keys(errors)[0];
    if (first) this.focusLater(this.fieldId(first));
  }

  fieldId(field: string): string {
    return `${this.key}-${field}`;
  }

  /** `aria-invalid` of a field. */
  protected invalid(field: string): 'true' | 'false' {
    return this.fieldErrors[field] ? 'true' : 'false';
  }

  /** `aria-describedby` of a field: its hint (if any), then its error (if any). */
  protected describedBy(field: string, hint = false): string | typeof nothing {
    const ids = [
      ...(hint ? [`${this.fieldId(field)}-hint`] : []),
      ...(this.fieldErrors[field] ? [`${this.fieldId(field)}-error`] : []),
    ];
    return ids.length ? ids.join(' ') : nothing;
  }

  protected renderHint(field: string, text: string): TemplateResult {
    return html`<p part="hint" class="hint" id="${this.fieldId(field)}-hint">${text}</p>`;
  }

  protected renderFieldError(field: string): TemplateResult | typeof nothing {
    const message = this.fieldErrors[field];
    if (!message) return nothing;
    return html`<p part="field-error" class="field-error" id="${this.fieldId(field)}-error">
      <span class="visually-hidden">${ta(this.lang, 'errorPrefix')} </span>${message}
    </p>`;
  }

  /**
   * The outcome of the last action: a `role="status"` line (always in the page, so that changes are read out),
   * a `role="alert"` line, or the step-up notice with its button.
   */
  protected renderFeedback(): TemplateResult {
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
      <p>${minutes === undefined ? ta(lang, 'stepUpNeeded') : ta(lang, 'stepUpRecent', { minutes })}</p>
      ${feedback.waiting ? html`<p>${ta(lang, 'stepUpWaiting')}</p>` : nothing}
      ${feedback.problem ? html`<p part="field-error" class="field-error">${feedback.problem}</p>` : nothing}
      <div class="actions">
        <button part="button" type="button" aria-disabled=${feedback.waiting ? 'true' : 'false'} @click=${() => this.#confirmStepUp()}>
          ${ta(lang, 'stepUp')}
        </button>
        <button part="button secondary" class="secondary" type="button" @click=${() => this.#giveUp()}>
          ${ta(lang, 'cancel')}
        </button>
      </div>
    </div>`;
  }

  /** `aria-disabled` for the buttons of this part while one of its actions runs (they stay focusable). */
  protected disabled(): 'true' | 'false' {
    return this.busy ? 'true' : 'false';
  }

  /** Moves the focus to `#id` once the next render is done; a fieldset gives it to its first control. */
  focusLater(id: string): void {
    // Request the render that shows the target, so that updateComplete waits for it.
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      // Ids are built from fixed keys and field names: no escaping needed.
      const target = this.host.renderRoot.querySelector<HTMLElement>(`#${id}`);
      const control = target?.localName === 'fieldset' ? target.querySelector<HTMLElement>('input, select') : target;
      control?.focus();
    });
  }
}
