import type { VisibleField } from '@gemeng/forms';
import { fieldRefs, formatNumber, renderFieldError, renderHint } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { nameOfPath } from './answers.ts';
import { tx } from './form-messages.ts';
import { hintOf, labelOf, type RenderContext } from './render-context.ts';

/** A size for people: `340 KB`, `2.4 MB`. */
export function fileSize(lang: Parameters<typeof formatNumber>[0], bytes: number): string {
  if (bytes < 1_000_000) return `${formatNumber(lang, Math.max(1, Math.round(bytes / 1000)))} KB`;
  return `${formatNumber(lang, bytes / 1_000_000, { maximumFractionDigits: 1 })} MB`;
}

/**
 * A document to attach (GOV.UK's file upload): the files already sent (name, size, a remove button each), the
 * upload in progress (a progress bar), the server's refusal as the field's error, and the file chooser, which sends
 * a chosen file at once (the router's attachments endpoint; the answer keeps the attachment ids).
 */
export function renderFile(ctx: RenderContext, node: VisibleField): TemplateResult {
  if (node.field.type !== 'file') return html``;
  const kind = node.field.attachment;
  const name = nameOfPath(node.path);
  const hint = [hintOf(node, ctx.lang), tx(ctx.lang, 'chooseFile')].filter(Boolean).join(' ');
  const refs = fieldRefs(ctx.form, name, true);
  const ids = Array.isArray(node.value) ? node.value.map(String) : [];
  const upload = ctx.uploadOf(node.path);
  const label = labelOf(node, ctx.lang);
  const choose = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) ctx.upload(node.path, kind, file);
  };
  return html`<div part="file-field" class=${refs.error ? 'field invalid' : 'field'}>
    <label part="label" for=${refs.id}>${label}</label>
    ${renderHint(refs.hintId, hint)} ${renderFieldError(ctx.lang, refs.errorId, refs.error)}
    <ul part="files" class="files" aria-label=${label}>
      ${ids.length === 0 && !upload ? html`<li class="muted">${tx(ctx.lang, 'noFiles')}</li>` : nothing}
      ${ids.map((id) => {
        const attachment = ctx.attachment(id);
        const fileName = attachment?.fileName ?? id;
        return html`<li>
          <span>${attachment ? tx(ctx.lang, 'fileSize', { name: fileName, size: fileSize(ctx.lang, attachment.size) }) : fileName}</span>
          <button part="button secondary" class="secondary link" type="button"
            @click=${() => ctx.removeAttachment(node.path, id)}>${tx(ctx.lang, 'removeFile', { name: fileName })}</button>
        </li>`;
      })}
      ${
        upload?.percent !== undefined
          ? html`<li>
            <label for="${refs.id}-progress">${tx(ctx.lang, 'uploading', { name: upload.fileName, percent: upload.percent })}</label>
            <progress id="${refs.id}-progress" max="100" .value=${upload.percent}></progress>
          </li>`
          : nothing
      }
    </ul>
    <input part="input" type="file" id=${refs.id} name=${name} accept="application/pdf,image/jpeg,image/png"
      aria-invalid=${refs.invalid} aria-describedby=${refs.describedBy}
      ?disabled=${upload?.percent !== undefined} @change=${choose} />
  </div>`;
}
