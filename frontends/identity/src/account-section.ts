import {
  formatDateTime,
  type Language,
  MutationController,
  type MutationHost,
  type Operation,
} from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { ta } from './account-messages.ts';

/** What the parts of `<gemeng-account>` need from the element (one shadow root, so ids and labels connect). */
export interface AccountHost extends MutationHost {
  /** Sends one operation as the signed-in person; throws a GraphQLRequestError. */
  request<TData, TVariables extends Record<string, unknown>>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData>;
  /** Loads the account again; what is shown stays (dimmed, `aria-busy`) until the answer arrives. */
  reload(): Promise<void>;
  /** A heading `depth` levels below the account's own (`heading-level`), clamped to h6. */
  heading(depth: number, content: string, id: string, part?: string): TemplateResult;
  /** The account has just been erased: says so in place of the account and signs out on this page. */
  accountErased(): Promise<void>;
}

/** The asynchronous Clipboard API, when the page may use it (secure contexts only). */
export function clipboard(): Pick<Clipboard, 'writeText'> | undefined {
  const board = globalThis.navigator?.clipboard;
  return typeof board?.writeText === 'function' ? board : undefined;
}

/** The outcome of a "Copy" button, shown next to it. */
export interface CopyOutcome {
  readonly kind: 'status' | 'alert';
  readonly text: string;
}

/** Copies `text`; `copied` or `failed` (refused: no permission, the page lost the focus) says how it went. */
export async function copyText(text: string, copied: string, failed: string): Promise<CopyOutcome> {
  try {
    await clipboard()?.writeText(text);
    return { kind: 'status', text: copied };
  } catch {
    return { kind: 'alert', text: failed };
  }
}

/** The outcome of a "Copy" button: a status line (always there, so that it is announced) and an alert. */
export function renderCopyOutcome(outcome: CopyOutcome | undefined, id: string): TemplateResult {
  return html`<p part="status" role="status" class="status" id="${id}-status">${outcome?.kind === 'status' ? outcome.text : ''}</p>
    ${outcome?.kind === 'alert' ? html`<p part="alert" role="alert" id="${id}-alert">${outcome.text}</p>` : nothing}`;
}

/** A date and time in the widget's language (Luxembourg time), machine-readable in `datetime`. */
export function renderTime(lang: Language, iso: string): TemplateResult {
  return html`<time datetime=${iso}>${formatDateTime(lang, iso, { dateStyle: 'medium', timeStyle: 'short' })}</time>`;
}

/**
 * One part of the account with its own actions (a form, a list with buttons): the kit's MutationController (busy
 * state, outcome, field errors, step-up), with the account as host. Ids in the shadow root are prefixed with `key`.
 */
export abstract class AccountSection extends MutationController {
  abstract override readonly key: string;

  constructor(protected override readonly host: AccountHost) {
    super(host);
  }

  /** The page's tokens changed (renewed, or a new sign-in or step-up) while the same person is signed in. */
  authChanged(): void {}

  /** "Current password", for the forms that confirm who the person is (a new address, the erasure). */
  protected currentPasswordField(): TemplateResult {
    return this.field({
      name: 'password',
      label: ta(this.lang, 'currentPassword'),
      hint: ta(this.lang, 'passwordHint'),
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    });
  }
}

/** A section of the account made of parts (Profile, Security, …), each module loaded when first shown. */
export interface AccountSectionGroup {
  readonly parts: readonly AccountSection[];
}
