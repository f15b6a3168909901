import { visibleFields } from '@gemeng/forms';
import { focusInRoot, renderErrorSummary } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { findVisible, getAt, nameOfPath, numberAnswer, pathOfName, setAt, textAnswer } from './answers.ts';
import { renderFields } from './fields.ts';
import type { AttachmentInfo } from './form-data.ts';
import { tx } from './form-messages.ts';
import type { ProcedureForm } from './procedure-form.ts';
import type { RenderContext, UploadState } from './render-context.ts';
import { deleteAttachment, UploadError, uploadAttachment } from './uploads.ts';
import { checkAnswers } from './validation.ts';

/**
 * The form page of `<gemeng-procedure-form>`: renders the shown questions, turns what the citizen types into
 * answers (autosaved by the draft controller), adds and removes repeated items, uploads and removes attachments,
 * and checks everything with `@gemeng/forms` before the summary.
 */
export class FormEditor {
  readonly #uploads = new Map<string, UploadState>();

  constructor(private readonly host: ProcedureForm) {}

  attachment(id: string): AttachmentInfo | undefined {
    return this.host.draft.attachments.find((attachment) => attachment.id === id);
  }

  #context(): RenderContext {
    return {
      lang: this.host.language,
      form: this.host.answers.form,
      addItem: (path) => this.#addItem(path),
      removeItem: (path, index) => this.#removeItem(path, index),
      attachment: (id) => this.attachment(id),
      upload: (path, kind, file) => void this.upload(path, kind, file),
      removeAttachment: (path, id) => void this.removeAttachment(path, id),
      uploadOf: (path) => this.#uploads.get(path),
    };
  }

  render(): TemplateResult {
    const host = this.host;
    const lang = host.language;
    const definition = host.definition;
    if (!definition) return html``;
    const nodes = visibleFields(definition, host.draft.answers);
    const form = host.answers;
    const resumed = host.flow.resumedAt;
    return html`${host.draft.renderStatus({ reload: () => void host.flow.reload() })}
      ${host.draft.draft?.state === 'NEEDS_INFO' ? html`<p part="note" class="note">${tx(lang, 'needsInfoIntro')}</p>` : nothing}
      ${resumed ? html`<p part="note" class="note">${tx(lang, 'resumed', { when: resumed })}</p>` : nothing}
      <form part="form" class="form" novalidate aria-busy=${form.ariaBusy()}
        @input=${(event: Event) => this.#onInput(event)} @change=${(event: Event) => this.#onInput(event)}
        @submit=${(event: SubmitEvent) => {
          event.preventDefault();
          void this.next();
        }}>
        ${renderErrorSummary(form.form)}
        ${renderFields(this.#context(), nodes)}
        <div class="actions"><button part="button" type="submit" aria-disabled=${form.disabled()}>${tx(lang, 'continue')}</button></div>
        ${form.renderFeedback()}
      </form>`;
  }

  /** What a control's new value means as an answer, by the field it belongs to. */
  #onInput(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (!target.name || target.type === 'file') return;
    const definition = this.host.definition;
    if (!definition) return;
    const answers = this.host.draft.answers;
    const path = pathOfName(target.name);
    const nodes = visibleFields(definition, answers);
    const node = findVisible(nodes, path);
    let value: unknown;
    if (!node) {
      // A part of an address: `home.postcode`.
      const parent = findVisible(nodes, path.slice(0, path.lastIndexOf('.')));
      if (parent?.field.type !== 'address') return;
      value = textAnswer(target.value);
    } else if (node.field.type === 'checkbox') {
      value = (target as HTMLInputElement).checked;
    } else if (node.field.type === 'multiSelect') {
      const boxes = this.host.root.querySelectorAll<HTMLInputElement>(`input[name="${target.name}"]`);
      value = [...boxes].filter((box) => box.checked).map((box) => box.value);
    } else if (node.field.type === 'number') {
      value = numberAnswer(target.value);
    } else if (node.field.type === 'select' || node.field.type === 'date') {
      value = target.value || undefined;
    } else {
      value = textAnswer(target.value);
    }
    if (Object.is(getAt(answers, path), value)) return;
    this.host.draft.change(setAt(answers, path, value));
  }

  #addItem(path: string): void {
    const answers = this.host.draft.answers;
    const items = Array.isArray(getAt(answers, path)) ? (getAt(answers, path) as unknown[]) : [];
    this.host.draft.change(setAt(answers, path, [...items, {}]));
    this.host.answers.focusLater(`answers-${nameOfPath(path)}-item-${items.length}`);
  }

  #removeItem(path: string, index: number): void {
    const answers = this.host.draft.answers;
    const items = Array.isArray(getAt(answers, path)) ? (getAt(answers, path) as unknown[]) : [];
    this.host.draft.change(
      setAt(
        answers,
        path,
        items.filter((_, i) => i !== index),
      ),
    );
    // The focus would be lost with the removed item: the group's "Add another" or its first control takes it.
    void this.host.updateComplete.then(() => focusInRoot(this.host.root, `answers-${nameOfPath(path)}`));
  }

  /** Sends a chosen file; its id joins the answer, the server's refusal becomes the field's error. */
  async upload(path: string, kind: string, file: File): Promise<void> {
    const host = this.host;
    const draft = host.draft.draft;
    if (!draft) return;
    const name = nameOfPath(path);
    const { [name]: _previous, ...others } = host.answers.fieldErrors;
    host.answers.fieldErrors = others;
    this.#uploads.set(path, { fileName: file.name, percent: 0 });
    host.requestUpdate();
    try {
      const attachment = await uploadAttachment(draft.id, kind, file, {
        endpoint: host.endpointForFiles(),
        token: (await host.accessToken()) ?? '',
        lang: host.language,
        onProgress: (percent) => {
          this.#uploads.set(path, { fileName: file.name, percent });
          host.requestUpdate();
        },
      });
      host.draft.setAttachments([...host.draft.attachments, attachment]);
      const ids = getAt(host.draft.answers, path);
      host.draft.change(setAt(host.draft.answers, path, [...(Array.isArray(ids) ? ids : []), attachment.id]));
    } catch (error) {
      const reason =
        error instanceof UploadError && error.code !== 'network' && error.code !== 'aborted'
          ? error.message
          : tx(host.language, 'uploadNetwork');
      if (!(error instanceof UploadError)) console.error(error);
      host.answers.fieldErrors = {
        ...host.answers.fieldErrors,
        [name]: tx(host.language, 'uploadFailed', { name: file.name, reason }),
      };
      host.answers.focusLater(`answers-${name}`);
    } finally {
      this.#uploads.delete(path);
      host.requestUpdate();
    }
  }

  /** Removes an attachment from the answer, then from the server (its file is deleted there). */
  async removeAttachment(path: string, id: string): Promise<void> {
    const host = this.host;
    const ids = getAt(host.draft.answers, path);
    const kept = (Array.isArray(ids) ? ids : []).filter((one) => one !== id);
    host.draft.change(setAt(host.draft.answers, path, kept.length ? kept : undefined));
    host.draft.setAttachments(host.draft.attachments.filter((attachment) => attachment.id !== id));
    host.answers.focusLater(`answers-${nameOfPath(path)}`);
    try {
      await deleteAttachment(id, {
        endpoint: host.endpointForFiles(),
        token: (await host.accessToken()) ?? '',
        lang: host.language,
      });
    } catch (error) {
      console.error(error); // the answer no longer names it; the draft's housekeeping deletes it at the latest
    }
  }

  /** "Continue": the last save, then every rule; problems at their fields, else the summary. */
  async next(): Promise<void> {
    const host = this.host;
    const definition = host.definition;
    if (!definition) return;
    const errors = checkAnswers(definition, host.draft.answers, host.language);
    if (Object.keys(errors).length) return host.answers.showFieldErrors(errors);
    host.answers.fieldErrors = {};
    void host.draft.flush();
    host.flow.show('summary');
  }
}
