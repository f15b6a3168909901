import { FALLBACKS, formatDateTime, type Language } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { to } from './office-messages.ts';
import type { AttachmentEntry } from './office-operations.ts';

/**
 * The parts of an `@gemeng/forms` FormDefinition the back office reads to show answers under their questions
 * (structural, so the summary keeps working with any definition version an application was started with).
 */
interface FormField {
  readonly key: string;
  readonly type: string;
  readonly label?: Partial<Record<Language, string>>;
  readonly options?: readonly { readonly value: string; readonly label?: Partial<Record<Language, string>> }[];
  readonly fields?: readonly FormField[];
  readonly repeatable?: unknown;
}

type Answers = Readonly<Record<string, unknown>>;

/** A text of the definition in the agent's language, else the next one they read. */
export function localized(text: Partial<Record<Language, string>> | undefined, lang: Language): string {
  for (const candidate of FALLBACKS[lang]) {
    const value = text?.[candidate];
    if (value) return value;
  }
  return '';
}

function fieldsOf(form: unknown): readonly FormField[] {
  const fields = (form as { fields?: unknown } | null)?.fields;
  return Array.isArray(fields) ? (fields as FormField[]) : [];
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** One answer as the agent reads it: option labels, yes/no, dates in Luxembourg's way, an address in lines. */
function renderValue(
  field: FormField,
  value: unknown,
  lang: Language,
  attachments: readonly AttachmentEntry[],
): TemplateResult | string {
  const option = (v: unknown) => localized(field.options?.find((o) => o.value === v)?.label, lang) || String(v);
  switch (field.type) {
    case 'select':
      return option(value);
    case 'multiSelect':
      return html`<ul class="plain">${(value as unknown[]).map((v) => html`<li>${option(v)}</li>`)}</ul>`;
    case 'checkbox':
      return to(lang, value === true ? 'answerYes' : 'answerNo');
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(lang, value) : String(value);
    case 'address': {
      const a = (value ?? {}) as Record<string, string | undefined>;
      const lines = [
        [a.street, a.number].filter(Boolean).join(' '),
        [a.postcode, a.locality].filter(Boolean).join(' '),
        a.country,
      ];
      return html`${lines.filter(Boolean).map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}`;
    }
    case 'file': {
      const ids = Array.isArray(value) ? value : [value];
      const names = ids.map((id) => attachments.find((a) => a.id === id)?.fileName ?? to(lang, 'attachmentGone'));
      return html`<ul class="plain">${names.map((name) => html`<li>${name}</li>`)}</ul>`;
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

function renderFields(
  fields: readonly FormField[],
  answers: Answers,
  lang: Language,
  attachments: readonly AttachmentEntry[],
): TemplateResult[] {
  return fields
    .filter((field) => isAnswered(answers[field.key]))
    .map((field) => {
      const label = localized(field.label, lang) || field.key;
      const value = answers[field.key];
      if (field.type !== 'group') {
        return html`<div class="row"><dt>${label}</dt><dd>${renderValue(field, value, lang, attachments)}</dd></div>`;
      }
      const items = (field.repeatable && Array.isArray(value) ? value : [value]) as Answers[];
      return html`<div class="row group"><dt>${label}</dt><dd>
        ${items.map(
          (
            item,
            index,
          ) => html`${items.length > 1 ? html`<p class="item">${to(lang, 'answerItem', { label, number: index + 1 })}</p>` : nothing}
            <dl class="summary nested">${renderFields(field.fields ?? [], item ?? {}, lang, attachments)}</dl>`,
        )}
      </dd></div>`;
    });
}

/**
 * The citizen's answers as a summary list (GOV.UK's "check answers" pattern): each question with its label in
 * the agent's language (from the form version the application was started with), groups nested, repeated groups
 * numbered. Unanswered optional questions are left out.
 */
export function renderAnswers(
  form: unknown,
  answers: unknown,
  lang: Language,
  attachments: readonly AttachmentEntry[],
  headingId: string,
): TemplateResult {
  const given = (answers && typeof answers === 'object' ? answers : {}) as Answers;
  const rows = renderFields(fieldsOf(form), given, lang, attachments);
  if (!rows.length) return html`<p class="empty">${to(lang, 'answersNone')}</p>`;
  return html`<dl part="answers" class="summary" aria-labelledby=${headingId}>${rows}</dl>`;
}

/** A date without a time (`yyyy-mm-dd`), in the agent's language. */
export function formatDate(lang: Language, day: unknown): string {
  if (typeof day !== 'string' || !day) return '';
  const value = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00Z` : day;
  return formatDateTime(lang, value, { dateStyle: 'medium' });
}
