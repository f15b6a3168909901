import { type Address, type Answers, type FormDefinition, type VisibleField, visibleFields } from '@gemeng/forms';
import { formatDateTime, formatList, formatNumber, type Language } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { tm } from './mine-messages.ts';

/** An attachment as the summary names it: a `file` answer holds attachment ids. */
export interface NamedAttachment {
  readonly id: string;
  readonly fileName: string;
}

/** The text of one answer, in the reader's language; undefined when it is not answered. */
export function answerText(
  lang: Language,
  node: VisibleField,
  attachments: readonly NamedAttachment[] = [],
): string | undefined {
  const { field, value } = node;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field.type === 'checkbox' ? tm(lang, 'no') : undefined;
  }
  switch (field.type) {
    case 'checkbox':
      return tm(lang, value === true ? 'yes' : 'no');
    case 'number':
      return typeof value === 'number' ? formatNumber(lang, value) : String(value);
    case 'date':
      // A calendar day (yyyy-mm-dd), not an instant: formatted in UTC so no time zone moves it.
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value))
        ? formatDateTime(lang, `${value}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })
        : String(value);
    case 'select':
      return field.options.find((o) => o.value === value)?.label[lang] ?? String(value);
    case 'multiSelect':
      return formatList(
        lang,
        (Array.isArray(value) ? value : [value]).map(
          (v) => field.options.find((o) => o.value === v)?.label[lang] ?? String(v),
        ),
      );
    case 'address': {
      const address = value as Address;
      const street = [address.number, address.street].filter(Boolean).join(' ');
      const locality = [address.postcode, address.locality].filter(Boolean).join(' ');
      return [street, locality, address.country && address.country !== 'LU' ? address.country : '']
        .filter(Boolean)
        .join(', ');
    }
    case 'file':
      return formatList(
        lang,
        (Array.isArray(value) ? value : [value]).map(
          (id) => attachments.find((a) => a.id === id)?.fileName ?? String(id),
        ),
      );
    default:
      return String(value);
  }
}

function row(lang: Language, label: string, content: TemplateResult | string | undefined): TemplateResult {
  return html`<div class="summary-row">
    <dt>${label}</dt>
    <dd>${content ?? html`<span class="muted">${tm(lang, 'notAnswered')}</span>`}</dd>
  </div>`;
}

function rows(
  lang: Language,
  nodes: readonly VisibleField[],
  attachments: readonly NamedAttachment[],
): TemplateResult[] {
  return nodes.map((node) => {
    const label = node.field.label[lang];
    if (node.items) {
      const items = node.items.map((item, index) =>
        row(
          lang,
          tm(lang, 'item', { label, number: index + 1 }),
          html`<dl class="summary-list nested">${rows(lang, item, attachments)}</dl>`,
        ),
      );
      return items.length ? html`${items}` : row(lang, label, undefined);
    }
    if (node.fields)
      return row(lang, label, html`<dl class="summary-list nested">${rows(lang, node.fields, attachments)}</dl>`);
    return row(lang, label, answerText(lang, node, attachments));
  });
}

/**
 * The answers as GOV.UK's summary list (question, answer), in the form's order and the reader's language: only the
 * questions shown for these answers, repeated groups numbered, choices by their labels, files by their names.
 */
export function renderAnswers(
  lang: Language,
  form: unknown,
  answers: unknown,
  attachments: readonly NamedAttachment[],
): TemplateResult {
  const definition = form as FormDefinition;
  const nodes = Array.isArray(definition?.fields) ? visibleFields(definition, (answers ?? {}) as Answers) : [];
  return html`<dl class="summary-list" part="answers">${rows(lang, nodes, attachments)}</dl>`;
}
