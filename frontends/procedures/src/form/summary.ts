import type { VisibleField } from '@gemeng/forms';
import { formatDateTime, formatList, formatNumber, type Language } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { nameOfPath } from './answers.ts';
import { tx } from './form-messages.ts';
import { heading, local, type RenderContext } from './render-context.ts';

/** What the summary needs beyond the field context: where "Change" goes. */
export interface SummaryContext extends Pick<RenderContext, 'lang' | 'attachment'> {
  /** Back to the form, the focus on the control named `name`. */
  change(name: string): void;
}

/**
 * GOV.UK's "check your answers": every shown question with the answer as the commune will read it, and a "Change"
 * link back to its control in the form. Repeated groups list each item under its own heading.
 */
export function renderSummary(ctx: SummaryContext, nodes: readonly VisibleField[], level: number): TemplateResult {
  return html`<dl part="summary" class="summary">${nodes.map((node) => renderRow(ctx, node, level))}</dl>`;
}

function renderRow(ctx: SummaryContext, node: VisibleField, level: number): TemplateResult {
  const { field } = node;
  const label = local(field.label, ctx.lang);
  if (field.type === 'group') {
    const parts = node.items ?? (node.fields ? [node.fields] : []);
    return html`<div class="summary-group">
      <dt>${label}</dt>
      <dd>
        ${parts.map(
          (fields, index) =>
            html`${
              node.items
                ? heading(level + 1, tx(ctx.lang, 'item', { label, number: index + 1 }), { part: 'summary-item' })
                : nothing
            }${renderSummary(ctx, fields, level + 1)}`,
        )}
        ${parts.length === 0 ? tx(ctx.lang, 'notAnswered') : nothing}
      </dd>
    </div>`;
  }
  const name = nameOfPath(node.path);
  const go = (event: Event) => {
    event.preventDefault();
    ctx.change(name);
  };
  return html`<div class="summary-row">
    <dt>${label}</dt>
    <dd>${answerText(ctx, node)}</dd>
    <dd class="summary-action">
      <a part="change-link" href="#answers-${name}" @click=${go}
        >${tx(ctx.lang, 'change')}<span class="visually-hidden"> ${label}</span></a
      >
    </dd>
  </div>`;
}

/** An answer as text: options by their label, dates and numbers in the reader's conventions, files by name. */
export function answerText(
  ctx: Pick<SummaryContext, 'lang' | 'attachment'>,
  node: VisibleField,
): TemplateResult | string {
  const { field, value } = node;
  const lang: Language = ctx.lang;
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
  if (field.type === 'checkbox') return tx(lang, value === true ? 'yes' : 'no');
  if (empty) return tx(lang, 'notAnswered');
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(lang, value) : String(value);
    case 'date': {
      const date = new Date(`${String(value)}T12:00:00Z`);
      return Number.isNaN(date.getTime()) ? String(value) : formatDateTime(lang, date, { dateStyle: 'long' });
    }
    case 'select':
      return local(field.options.find((option) => option.value === value)?.label, lang) || String(value);
    case 'multiSelect':
      return formatList(
        lang,
        (value as unknown[]).map((one) => local(field.options.find((option) => option.value === one)?.label, lang)),
      );
    case 'address': {
      const address = value as Record<string, unknown>;
      const lines = [[address.street, address.number], [address.postcode, address.locality], [address.country]].map(
        (line) => line.filter(Boolean).join(' '),
      );
      return html`${lines.filter(Boolean).map((line, index) => html`${index ? html`<br />` : nothing}${line}`)}`;
    }
    case 'file':
      return formatList(
        lang,
        (value as unknown[]).map((id) => ctx.attachment(String(id))?.fileName ?? String(id)),
      );
    default:
      return String(value);
  }
}
