import type { Language, MessageValues } from '@gemeng/i18n';
import {
  isCountryCode,
  isEmail,
  isIban,
  isNationalId,
  isPostcode,
  parseIsoDate,
  resolveDateBound,
  todayInLuxembourg,
  toE164,
} from './formats.ts';
import { type ValidationMessage, validationMessages } from './messages.ts';
import type { Answers, Field, FieldOf, FormDefinition, Problem, Rule, ValidateOptions } from './types.ts';
import { isFilled, isRecord, type VisibleField, visibleFields } from './visibility.ts';

/** What one validation run carries: the reader's language, the mode, today, and the problems found so far. */
interface Run {
  lang: Language;
  submit: boolean;
  today: string;
  problems: Problem[];
}

/** The repeated item a field is in, so its messages say which one ("Chip number (Dogs, no. 2)"). */
interface Item {
  group: string;
  number: number;
}

/** A broken rule before it becomes a {@link Problem}: `part` is an address part, appended to the field's path. */
interface Finding {
  rule: Rule;
  key: ValidationMessage;
  values: MessageValues;
  part?: string;
}

const found = (rule: Rule, key: ValidationMessage, values: MessageValues, part?: string): Finding => ({
  rule,
  key,
  values,
  ...(part ? { part } : {}),
});

function labelOf(field: Field, run: Run, item: Item | undefined): string {
  const label = field.label[run.lang];
  return item ? validationMessages.t(run.lang, 'itemLabel', { label, ...item }) : label;
}

/** `'number'`/`'date'`/`'other'` when `value` (not null) has the wrong shape for the field, else undefined. */
function wrongKind(field: Field, value: unknown): 'number' | 'date' | 'other' | undefined {
  const strings = (list: unknown) => Array.isArray(list) && list.every((one) => typeof one === 'string');
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'number';
    case 'date':
      return typeof value === 'string' && (value.trim() === '' || parseIsoDate(value.trim())) ? undefined : 'date';
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'other';
    case 'multiSelect':
    case 'file':
      return strings(value) ? undefined : 'other';
    case 'address':
      return isRecord(value) && Object.values(value).every((part) => part == null || typeof part === 'string')
        ? undefined
        : 'other';
    case 'group':
      if (field.repeatable) return Array.isArray(value) && value.every(isRecord) ? undefined : 'other';
      return isRecord(value) ? undefined : 'other';
    default:
      return typeof value === 'string' ? undefined : 'other';
  }
}

const REQUIRED_MESSAGE: Partial<Record<Field['type'], ValidationMessage>> = {
  select: 'requiredChoice',
  multiSelect: 'requiredChoice',
  checkbox: 'requiredCheckbox',
  file: 'requiredFile',
};

function checkText(
  run: Run,
  node: VisibleField,
  field: FieldOf<'text'> | FieldOf<'longText'>,
  label: string,
): Finding | undefined {
  const text = (node.value as string).trim();
  const length = [...text].length;
  if (field.type === 'text' && field.minLength !== undefined && length < field.minLength) {
    return found('minLength', 'minLength', { label, min: field.minLength });
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return found('maxLength', 'maxLength', { label, max: field.maxLength });
  }
  if (field.type === 'text' && field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text)) {
    if (field.patternHint) {
      return found('pattern', 'patternHint', { label, hint: field.patternHint[run.lang] });
    }
    return found('pattern', 'pattern', { label });
  }
}

function checkNumber(node: VisibleField, field: FieldOf<'number'>, label: string): Finding | undefined {
  const value = node.value as number;
  if (field.integer && !Number.isInteger(value)) return found('integer', 'integer', { label });
  if (field.min !== undefined && value < field.min) {
    return found('min', 'minNumber', { label, min: field.min });
  }
  if (field.max !== undefined && value > field.max) return found('max', 'maxNumber', { label, max: field.max });
}

/** Noon UTC of a yyyy-mm-dd: the same calendar day in Luxembourg, for `{min, date, long}`. */
const noon = (iso: string) => new Date(`${iso}T12:00:00Z`);

function checkDate(run: Run, node: VisibleField, field: FieldOf<'date'>, label: string): Finding | undefined {
  const value = (node.value as string).trim();
  const min = field.min === undefined ? undefined : resolveDateBound(field.min, run.today);
  const max = field.max === undefined ? undefined : resolveDateBound(field.max, run.today);
  if (min && value < min) {
    if (field.min === 'today') return found('min', 'minToday', { label });
    return found('min', 'minDate', { label, min: noon(min) });
  }
  if (max && value > max) {
    if (field.max === 'today') return found('max', 'maxToday', { label });
    return found('max', 'maxDate', { label, max: noon(max) });
  }
}

function checkChoices(node: VisibleField, field: FieldOf<'multiSelect'>, label: string): Finding | undefined {
  const chosen = node.value as string[];
  if (chosen.some((value) => !field.options.some((option) => option.value === value))) {
    return found('option', 'option', { label });
  }
  if (field.minItems !== undefined && chosen.length < field.minItems) {
    return found('minItems', 'minChoices', { label, min: field.minItems });
  }
  if (field.maxItems !== undefined && chosen.length > field.maxItems) {
    return found('maxItems', 'maxChoices', { label, max: field.maxItems });
  }
}

/** The problems of an address: its missing parts, its country code, its postcode (each at the part's path). */
function checkAddress(node: VisibleField, label: string): Finding[] {
  const address = node.value as Record<string, string | null | undefined>;
  const part = (name: string) => (address[name] ?? '').trim();
  const country = (part('country') || 'LU').toUpperCase();
  const findings: Finding[] = [];
  for (const name of ['street', 'postcode', 'locality'] as const) {
    if (!part(name)) findings.push(found('required', 'requiredAddressPart', { label, part: name }, name));
  }
  if (!isCountryCode(country)) findings.push(found('country', 'country', { label }, 'country'));
  else if (part('postcode') && !isPostcode(part('postcode'), country)) {
    findings.push(found('postcode', country === 'LU' ? 'postcode' : 'postcodeAbroad', { label }, 'postcode'));
  }
  return findings;
}

function checkRepeat(node: VisibleField, field: FieldOf<'group'>, label: string): Finding | undefined {
  const count = (node.value as unknown[] | undefined)?.length ?? 0;
  const min = field.repeatable?.min ?? (field.required ? 1 : 0);
  const max = field.repeatable?.max ?? Number.POSITIVE_INFINITY;
  if (count < min) return found('minItems', 'minEntries', { label, min });
  if (count > max) return found('maxItems', 'maxEntries', { label, max });
  return undefined;
}

/** The submit-mode problems of one answered, well-shaped, non-group field. */
function checkAnswer(run: Run, node: VisibleField, label: string): Finding[] {
  const { field, value } = node;
  const single = (finding: Finding | undefined) => (finding ? [finding] : []);
  const unless = (ok: boolean, rule: Rule & ValidationMessage) => single(ok ? undefined : found(rule, rule, { label }));
  switch (field.type) {
    case 'text':
    case 'longText':
      return single(checkText(run, node, field, label));
    case 'number':
      return single(checkNumber(node, field, label));
    case 'date':
      return single(checkDate(run, node, field, label));
    case 'select':
      return unless(
        field.options.some((option) => option.value === value),
        'option',
      );
    case 'multiSelect':
      return single(checkChoices(node, field, label));
    case 'email':
      return unless(isEmail(value as string), 'email');
    case 'phone':
      return unless(toE164(value as string) !== undefined, 'phone');
    case 'iban':
      return unless(isIban(value as string), 'iban');
    case 'nationalId':
      return unless(isNationalId(value as string, run.today), 'nationalId');
    case 'address':
      return checkAddress(node, label);
    default:
      return [];
  }
}

function checkField(run: Run, node: VisibleField, item: Item | undefined): void {
  const { field, value, path } = node;
  const label = labelOf(field, run, item);
  const report = (finding: Finding) =>
    run.problems.push({
      path: finding.part ? `${path}.${finding.part}` : path,
      rule: finding.rule,
      message: validationMessages.t(run.lang, finding.key, finding.values),
    });
  if (value !== undefined && value !== null) {
    const kind = wrongKind(field, value);
    if (kind) return void report(found('type', 'type', { label, kind }));
  }
  if (field.type === 'group') {
    const repeat = run.submit && field.repeatable ? checkRepeat(node, field, label) : undefined;
    if (repeat) report(repeat);
    for (const child of node.fields ?? []) checkField(run, child, item);
    for (const [index, fields] of (node.items ?? []).entries()) {
      const inner = { group: field.label[run.lang], number: index + 1 };
      for (const child of fields) checkField(run, child, inner);
    }
    return;
  }
  if (!run.submit) return;
  if (isFilled(value)) checkAnswer(run, node, label).forEach(report);
  else if (field.required) report(found('required', REQUIRED_MESSAGE[field.type] ?? 'required', { label }));
}

/**
 * The problems of `answers` against `definition`, in definition order, with messages in `lang`: the one verdict
 * the widget shows before sending and the subgraph gives on save and submit. Hidden fields are never checked.
 * `draft` checks only each answer's shape (a half-filled form still saves); `submit` checks every rule.
 */
export function validateAnswers(definition: FormDefinition, answers: Answers, options: ValidateOptions): Problem[] {
  const run: Run = {
    lang: options.lang,
    submit: options.mode === 'submit',
    today: options.today ?? todayInLuxembourg(),
    problems: [],
  };
  for (const node of visibleFields(definition, answers)) checkField(run, node, undefined);
  return run.problems;
}
