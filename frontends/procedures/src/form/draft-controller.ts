import type { Answers } from '@gemeng/forms';
import type { Language, Operation, OperationResult, OperationVariables } from '@gemeng/frontend-kit';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { type AttachmentInfo, type DraftState, SAVE_MUTATION } from './form-data.ts';
import { tx } from './form-messages.ts';

/** Sends one operation with the citizen's token (the element's endpoint and language). */
export type Send = <O extends Operation>(operation: O, variables: OperationVariables<O>) => Promise<OperationResult<O>>;

/** Where the draft stands: what the status line says. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

/** How long typing must pause before a save goes (ms). */
export const SAVE_DELAY = 1500;

/**
 * The draft being filled in: its answers, attachments and version, saved with `applicationSave` once typing pauses
 * ({@link SAVE_DELAY}), at once when the page is hidden or left (another tab, closing it, the portal's next route),
 * one save at a time (changes made meanwhile go in the next). A stale version (another window saved since) stops
 * autosaving and offers to load the latest version: nothing is overwritten silently. The status line always says
 * "not submitted": a draft must never look sent (démarches-simplifiées' users' top complaint).
 */
export class DraftController implements ReactiveController {
  draft: DraftState | undefined;
  answers: Answers = {};
  attachments: AttachmentInfo[] = [];
  status: SaveStatus = 'saved';
  /** When the server last stored the answers; undefined for a draft not saved yet in this page. */
  savedAt: Date | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> | undefined;
  #again = false;
  readonly #onHide = () => {
    if (document.visibilityState === 'hidden') void this.flush();
  };
  readonly #onPageHide = () => void this.flush();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly language: Language },
    private readonly send: Send,
    private readonly delay: number = SAVE_DELAY,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onHide);
    window.addEventListener('pagehide', this.#onPageHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onHide);
    window.removeEventListener('pagehide', this.#onPageHide);
    void this.flush();
  }

  /** Takes the application the server answered with (started, resumed, or loaded again after a conflict). */
  open(draft: DraftState): void {
    clearTimeout(this.#timer);
    this.draft = draft;
    this.answers = draft.answers;
    this.attachments = [...draft.attachments];
    this.status = 'saved';
    this.savedAt = new Date(draft.updatedAt);
    this.host.requestUpdate();
  }

  /** Submitted, or signed out: nothing more to save, and the answers leave this page's memory. */
  close(): void {
    clearTimeout(this.#timer);
    this.draft = undefined;
    this.answers = {};
    this.attachments = [];
    this.status = 'saved';
    this.savedAt = undefined;
    this.host.requestUpdate();
  }

  /** The citizen changed an answer: shown at once, saved once typing pauses. */
  change(answers: Answers): void {
    this.answers = answers;
    if (this.status === 'conflict') {
      this.host.requestUpdate();
      return;
    }
    this.status = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), this.delay);
    this.host.requestUpdate();
  }

  /** Saves what waits at once (leaving, submitting); resolves once the server has answered. */
  async flush(): Promise<void> {
    if (this.status === 'pending' || this.status === 'failed') {
      clearTimeout(this.#timer);
      await this.save();
    } else if (this.#saving) {
      await this.#saving;
    }
  }

  /** Sends the answers; a save already on its way is followed by one more with what changed meanwhile. */
  async save(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#saving) {
      this.#again = true;
      return this.#saving;
    }
    const draft = this.draft;
    if (!draft || this.status === 'conflict') return;
    this.status = 'saving';
    this.host.requestUpdate();
    this.#saving = this.#send(draft);
    try {
      await this.#saving;
    } finally {
      this.#saving = undefined;
    }
    if (this.#again) {
      this.#again = false;
      if (this.#status() === 'pending') await this.save();
    }
  }

  async #send(draft: DraftState): Promise<void> {
    const answers = this.answers;
    try {
      const data = await this.send(SAVE_MUTATION, { id: draft.id, version: draft.version, answers });
      const result = data.applicationSave;
      if (result.__typename === 'ApplicationSavePayload') {
        const saved = result.application;
        this.draft = { ...draft, version: saved.version, updatedAt: saved.updatedAt, answers };
        this.savedAt = new Date(saved.updatedAt);
        this.status = this.answers === answers ? 'saved' : 'pending';
      } else if (result.__typename === 'ApplicationConflictError') {
        this.status = 'conflict';
      } else {
        console.error('applicationSave:', result);
        this.status = 'failed';
      }
    } catch (error) {
      console.error(error);
      this.status = 'failed';
    }
    this.host.requestUpdate();
  }

  /** The status now (read after an await: another call may have changed it). */
  #status(): SaveStatus {
    return this.status;
  }

  /** Replaces an attachment list entry (after an upload or a removal) without touching the answers. */
  setAttachments(attachments: AttachmentInfo[]): void {
    this.attachments = attachments;
    this.host.requestUpdate();
  }

  /**
   * The status line, always on screen while the form is: when the draft was saved and that it is not submitted
   * (for a NEEDS_INFO application: not sent to the commune yet). Not a live region (it changes as one types);
   * a failure is an alert with a button to save again, a conflict one to load the latest version.
   */
  renderStatus(options: { reload: () => void }): TemplateResult {
    const lang = this.host.language;
    const needsInfo = this.draft?.state === 'NEEDS_INFO';
    if (this.status === 'conflict') {
      return html`<div part="draft-status alert" class="draft-status problem" role="alert">
        <p>${tx(lang, 'draftConflict')}</p>
        <button part="button secondary" class="secondary" type="button" @click=${options.reload}>${tx(lang, 'reloadDraft')}</button>
      </div>`;
    }
    if (this.status === 'failed') {
      return html`<div part="draft-status alert" class="draft-status problem" role="alert">
        <p>${tx(lang, 'draftFailed')}</p>
        <button part="button secondary" class="secondary" type="button" @click=${() => void this.save()}>${tx(lang, 'saveNow')}</button>
      </div>`;
    }
    const text =
      this.status === 'saving'
        ? tx(lang, 'draftSaving')
        : this.status === 'pending'
          ? tx(lang, 'draftPending')
          : this.savedAt
            ? tx(lang, needsInfo ? 'changesSaved' : 'draftSaved', { when: this.savedAt })
            : tx(lang, 'draftNew');
    return html`<p part="draft-status" class="draft-status" id="draft-status">${text}</p>`;
  }
}
