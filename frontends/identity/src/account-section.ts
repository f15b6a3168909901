import { formatDateTime, GraphQLRequestError, type Language, stepUpChallenge } from '@gemeng/frontend-kit';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { MutationFailure } from './account-data.ts';
import { ta } from './account-messages.ts';

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
  /** From a click handler: signs in again with two factors (a popup opens synchronously off the portal). */
  startStepUp(): void;
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
  | { readonly kind: 'step-up' };

/**
 * One part of the account with its own actions (a form, a list with buttons), as a Lit reactive controller:
 * it keeps its busy state, field errors and last outcome, runs mutations (a step-up challenge becomes a
 * "confirm with a second factor" notice), and renders the outcome next to its controls. Ids in the shadow root
 * are prefixed with `key`.
 */
export abstract class AccountSection implements ReactiveController {
  /** The id prefix, e.g. `profile` gives `profile-name`, `profile-status`, `profile-alert`. */
  abstract readonly key: string;
  /** The action running (its name), or undefined. */
  busy: string | undefined;
  feedback: Feedback | undefined;
  /** Messages per input field (as the mutation names it: `name`, `newEmail`, …). */
  fieldErrors: Readonly<Record<string, string>> = {};

  constructor(protected readonly host: AccountHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  protected get lang(): Language {
    return this.host.language;
  }

  /** Forgets everything shown (sign-out). */
  reset(): void {
    this.busy = undefined;
    this.feedback = undefined;
    this.fieldErrors = {};
    if (this.host.stepUpSection === this) this.host.stepUpSection = undefined;
  }

  /**
   * Runs `operation` as action `action` (ignored while another action of this part runs). A step-up challenge
   * shows the notice with its button here and moves the focus to it; any other failure a `role="alert"` line.
   * `texts.working` replaces the generic "Working…" status meanwhile, `texts.failed` the generic failure.
   */
  protected async run<T>(
    action: string,
    operation: () => Promise<T>,
    texts: { readonly working?: string; readonly failed?: string } = {},
  ): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = action;
    this.fieldErrors = {};
    this.feedback = { kind: 'status', text: texts.working ?? ta(this.lang, 'working') };
    if (this.host.stepUpSection === this) this.host.stepUpSection = undefined;
    this.host.requestUpdate();
    try {
      return await operation();
    } catch (error) {
      if (stepUpChallenge(error)) {
        this.host.stepUpSection?.clearStepUp();
        this.host.stepUpSection = this;
        this.feedback = { kind: 'step-up' };
        this.focusLater(`${this.key}-step-up`);
      } else if (error instanceof GraphQLRequestError && error.kind === 'aborted') {
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

  /** After the person signed in with two factors: the notice gives way to "please make the change again". */
  stepUpDone(): void {
    // The notice (and its button, which had the focus) gives way to the message: the focus goes there.
    if (this.feedback?.kind === 'step-up') this.succeed(ta(this.lang, 'stepUpDone'), { focus: true });
  }

  clearStepUp(): void {
    if (this.feedback?.kind === 'step-up') this.feedback = undefined;
    this.host.requestUpdate();
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
    const lang = this.lang;
    return html`<p part="status" role="status" class="status" id="${this.key}-status" tabindex="-1">
        ${feedback?.kind === 'status' ? feedback.text : ''}
      </p>
      ${feedback?.kind === 'alert' ? html`<p part="alert" role="alert" id="${this.key}-alert" tabindex="-1">${feedback.text}</p>` : nothing}
      ${
        feedback?.kind === 'step-up'
          ? html`<div part="step-up alert" role="alert" id="${this.key}-step-up" tabindex="-1">
              <p>${ta(lang, 'stepUpNeeded')}</p>
              <button part="button" type="button" @click=${() => this.host.startStepUp()}>${ta(lang, 'stepUp')}</button>
            </div>`
          : nothing
      }`;
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
