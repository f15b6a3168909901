/**
 * The rules a template and a commune's adaptation must follow, as field problems (all of them at once, so an
 * editor can mark every field), in the caller's language. Nothing is written while one remains.
 */
import { type FormDefinition, validateDefinition } from '@gemeng/forms';
import { type FieldProblem, LANGUAGES, type Language } from '@gemeng/subgraph-kit';
import { CATEGORIES, isCategory } from './categories.ts';
import { text } from './messages.ts';
import type { AttachmentRequirement, Texts } from './procedure.ts';

export const LIMITS = {
  title: 200,
  summary: 1_000,
  needs: 4_000,
  next: 4_000,
  note: 1_000,
  feeCents: 1_000_000,
  processingDays: 250,
  minutesSaved: 1_440,
} as const;

const CODE = /^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$/;
const KEY = /^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$|^[a-z0-9]$/;

/** What `procedureTemplateUpsert` receives. */
export interface TemplateInput {
  code: string;
  category: string;
  title: Texts;
  summary: Texts;
  needs: Texts;
  next: Texts;
  assurance: string;
  feeCents: number;
  processingDays: number;
  minutesSaved: number;
  channel: string;
  isDefault: boolean;
  attachments: AttachmentRequirement[];
  form: unknown;
}

function texts(field: string, value: Texts, max: number, lang: Language): FieldProblem[] {
  return LANGUAGES.flatMap((language) => {
    const content = value[language]?.trim() ?? '';
    if (content.length === 0) return [{ field: `${field}.${language}`, message: text('textRequired', lang) }];
    if (content.length > max) return [{ field: `${field}.${language}`, message: text('textTooLong', lang, { max }) }];
    return [];
  });
}

function range(
  field: string,
  value: number,
  max: number,
  key: 'feeRange' | 'processingDaysRange' | 'minutesSavedRange',
  lang: Language,
) {
  return Number.isInteger(value) && value >= 0 && value <= max ? [] : [{ field, message: text(key, lang, { max }) }];
}

/** Every problem of a template, or none. */
export function templateProblems(input: TemplateInput, lang: Language): FieldProblem[] {
  const found: FieldProblem[] = [];
  if (!CODE.test(input.code)) found.push({ field: 'code', message: text('codeInvalid', lang) });
  if (!isCategory(input.category)) {
    found.push({ field: 'category', message: text('categoryUnknown', lang, { categories: CATEGORIES.join(', ') }) });
  }
  found.push(
    ...texts('title', input.title, LIMITS.title, lang),
    ...texts('summary', input.summary, LIMITS.summary, lang),
    ...texts('needs', input.needs, LIMITS.needs, lang),
    ...texts('next', input.next, LIMITS.next, lang),
    ...range('feeCents', input.feeCents, LIMITS.feeCents, 'feeRange', lang),
    ...range('processingDays', input.processingDays, LIMITS.processingDays, 'processingDaysRange', lang),
    ...range('minutesSaved', input.minutesSaved, LIMITS.minutesSaved, 'minutesSavedRange', lang),
  );
  if (input.assurance !== 'low' && input.assurance !== 'substantial') {
    found.push({ field: 'assurance', message: text('assuranceUnknown', lang) });
  }
  if (input.channel !== 'online' && input.channel !== 'counter') {
    found.push({ field: 'channel', message: text('channelUnknown', lang) });
  }
  const keys = input.attachments.map((attachment) => attachment.key);
  const attachmentsBad =
    new Set(keys).size !== keys.length ||
    input.attachments.some(
      (attachment) => !KEY.test(attachment.key) || LANGUAGES.some((language) => !attachment.label[language]?.trim()),
    );
  if (attachmentsBad) found.push({ field: 'attachments', message: text('attachmentsInvalid', lang) });
  const mistakes = validateDefinition(input.form as FormDefinition, { attachments: keys });
  if (mistakes.length > 0) {
    found.push({ field: 'form', message: text('formInvalid', lang, { problem: mistakes.slice(0, 3).join('; ') }) });
  }
  return found;
}

/** What `communeProcedureSet` may change; undefined = unchanged, null = back to the template's. */
export interface AdaptationInput {
  feeCents?: number | null;
  processingDays?: number | null;
  note?: { [language in Language]?: string | null } | null;
}

/** Every problem of a commune's adaptation, or none. */
export function adaptationProblems(input: AdaptationInput, lang: Language): FieldProblem[] {
  const found: FieldProblem[] = [];
  if (input.feeCents != null) found.push(...range('feeCents', input.feeCents, LIMITS.feeCents, 'feeRange', lang));
  if (input.processingDays != null) {
    found.push(...range('processingDays', input.processingDays, LIMITS.processingDays, 'processingDaysRange', lang));
  }
  for (const language of LANGUAGES) {
    if ((input.note?.[language]?.trim().length ?? 0) > LIMITS.note) {
      found.push({ field: `note.${language}`, message: text('noteTooLong', lang, { max: LIMITS.note }) });
    }
  }
  return found;
}
