import { LANGUAGES } from '@gemeng/i18n';
import { resolveDateBound } from './formats.ts';
import { PREFILL } from './prefill.ts';
import { type Condition, FIELD_TYPES, type Field, type FormDefinition } from './types.ts';

/** What {@link validateDefinition} may also check: the procedure's attachment keys, for `file` fields. */
export interface DefinitionContext {
  attachments?: readonly string[];
}

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

function isLocalized(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const texts = value as Record<string, unknown>;
  return LANGUAGES.every((language) => typeof texts[language] === 'string' && texts[language].trim() !== '');
}

const count = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) >= 0);

/** The keys a condition in a scope may name: its own group's, then each enclosing group's. */
type Scopes = ReadonlyArray<readonly Field[]>;

function resolve(key: string, scopes: Scopes): Field | undefined {
  for (const fields of scopes) {
    const found = fields.find((field) => field.key === key);
    if (found) return found;
  }
  return undefined;
}

function checkCondition(condition: Condition, at: string, self: Field, scopes: Scopes, mistakes: string[]): void {
  if (typeof condition !== 'object' || condition === null) {
    mistakes.push(`${at}: visibleIf is not a condition`);
  } else if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    if (!Array.isArray(parts) || parts.length === 0) mistakes.push(`${at}: visibleIf has an empty all/any`);
    else for (const part of parts) checkCondition(part, at, self, scopes, mistakes);
  } else {
    const target = resolve(condition.field, scopes);
    if (!target) mistakes.push(`${at}: visibleIf names "${condition.field}", which is not in reach`);
    else if (target === self) mistakes.push(`${at}: visibleIf names the field itself`);
    else if (target.type === 'group') mistakes.push(`${at}: visibleIf names the group "${condition.field}"`);
    if (!('equals' in condition) && condition.in === undefined && condition.filled === undefined) {
      mistakes.push(`${at}: visibleIf on "${condition.field}" says neither equals, in nor filled`);
    }
    if (condition.in !== undefined && !Array.isArray(condition.in)) mistakes.push(`${at}: visibleIf "in" is no list`);
  }
}

/** The fields a condition depends on (for the loop check). */
function dependencies(condition: Condition, scopes: Scopes): Field[] {
  if ('all' in condition) return condition.all.flatMap((part) => dependencies(part, scopes));
  if ('any' in condition) return condition.any.flatMap((part) => dependencies(part, scopes));
  const target = resolve(condition.field, scopes);
  return target ? [target] : [];
}

function checkTypeRules(field: Field, at: string, context: DefinitionContext, mistakes: string[]): void {
  const order = (min: unknown, max: unknown, what: string) => {
    if (typeof min === 'number' && typeof max === 'number' && min > max) mistakes.push(`${at}: ${what} above max`);
  };
  switch (field.type) {
    case 'text':
      if (!count(field.minLength) || !count(field.maxLength)) mistakes.push(`${at}: lengths must be whole numbers`);
      order(field.minLength, field.maxLength, 'minLength');
      if (field.pattern !== undefined) {
        try {
          new RegExp(field.pattern, 'u');
        } catch {
          mistakes.push(`${at}: pattern is not a regular expression`);
        }
      }
      if (field.patternHint !== undefined && !isLocalized(field.patternHint)) {
        mistakes.push(`${at}: patternHint lacks a language`);
      }
      break;
    case 'longText':
      if (!count(field.maxLength)) mistakes.push(`${at}: maxLength must be a whole number`);
      break;
    case 'number':
      for (const bound of [field.min, field.max]) {
        if (bound !== undefined && !Number.isFinite(bound)) mistakes.push(`${at}: min/max must be numbers`);
      }
      order(field.min, field.max, 'min');
      break;
    case 'date': {
      const [min, max] = [field.min, field.max].map((bound) =>
        bound === undefined ? undefined : resolveDateBound(bound, '2000-01-01'),
      );
      if ((field.min !== undefined && !min) || (field.max !== undefined && !max)) {
        mistakes.push(`${at}: min/max must be yyyy-mm-dd, today, today+N or today-N`);
      }
      const relative = (bound: string | undefined) => bound?.startsWith('today');
      if (relative(field.min) === relative(field.max)) order(min, max, 'min');
      break;
    }
    case 'select':
    case 'multiSelect': {
      const values = Array.isArray(field.options) ? field.options.map((option) => option.value) : [];
      if (values.length === 0) mistakes.push(`${at}: no options`);
      if (new Set(values).size !== values.length) mistakes.push(`${at}: an option value appears twice`);
      for (const option of field.options ?? []) {
        if (typeof option.value !== 'string' || option.value === '') mistakes.push(`${at}: an option has no value`);
        if (!isLocalized(option.label)) mistakes.push(`${at}: option "${option.value}" lacks a label language`);
      }
      if (field.type === 'multiSelect') {
        if (!count(field.minItems) || !count(field.maxItems)) mistakes.push(`${at}: item counts must be whole`);
        order(field.minItems, field.maxItems, 'minItems');
        if ((field.minItems ?? 0) > values.length) mistakes.push(`${at}: minItems above the number of options`);
      }
      break;
    }
    case 'file':
      if (typeof field.attachment !== 'string' || field.attachment === '') {
        mistakes.push(`${at}: no attachment key`);
      } else if (context.attachments && !context.attachments.includes(field.attachment)) {
        mistakes.push(`${at}: attachment "${field.attachment}" is not one of the procedure's`);
      }
      break;
    case 'group':
      if (field.repeatable) {
        const { min, max } = field.repeatable;
        if (!Number.isInteger(max) || max < 1 || !count(min))
          mistakes.push(`${at}: repeatable needs 0 ≤ min ≤ max, max ≥ 1`);
        order(min, max, 'repeatable.min');
      }
      break;
    default:
      break;
  }
}

function checkFields(fields: unknown, at: string, scopes: Scopes, context: DefinitionContext, mistakes: string[]) {
  if (!Array.isArray(fields) || fields.length === 0) {
    mistakes.push(`${at || 'form'}: no fields`);
    return;
  }
  const list = fields as Field[];
  const inner = [list, ...scopes];
  const seen = new Set<string>();
  for (const field of list) {
    const where = at ? `${at}.${field.key}` : String(field.key);
    if (typeof field.key !== 'string' || !KEY.test(field.key))
      mistakes.push(`${where}: key must be letters, digits, _`);
    else if (seen.has(field.key)) mistakes.push(`${where}: key appears twice`);
    seen.add(field.key);
    if (!FIELD_TYPES.includes(field.type)) {
      mistakes.push(`${where}: unknown type "${String(field.type)}"`);
      continue;
    }
    if (!isLocalized(field.label)) mistakes.push(`${where}: label lacks a language`);
    if (field.hint !== undefined && !isLocalized(field.hint)) mistakes.push(`${where}: hint lacks a language`);
    if (field.visibleIf !== undefined) checkCondition(field.visibleIf, where, field, inner, mistakes);
    if (field.prefill !== undefined) {
      const allowed = PREFILL[field.prefill]?.types as readonly string[] | undefined;
      if (!allowed?.includes(field.type))
        mistakes.push(`${where}: prefill "${field.prefill}" cannot fill a ${field.type}`);
    }
    checkTypeRules(field, where, context, mistakes);
    if (field.type === 'group') checkFields(field.fields, where, inner, context, mistakes);
  }
  checkLoops(list, inner, at, mistakes);
}

/** Conditions that depend on each other in a circle: no field of the circle could ever be shown. */
function checkLoops(fields: readonly Field[], scopes: Scopes, at: string, mistakes: string[]): void {
  const reaches = (from: Field, start: Field, seen: Set<Field>): boolean => {
    if (!from.visibleIf) return false;
    return dependencies(from.visibleIf, scopes).some((target) => {
      if (target === start) return true;
      if (seen.has(target)) return false;
      seen.add(target);
      return reaches(target, start, seen);
    });
  };
  for (const field of fields) {
    if (reaches(field, field, new Set())) mistakes.push(`${at ? `${at}.` : ''}${field.key}: visibleIf loops`);
  }
}

/**
 * A definition's own mistakes, one readable line each (empty when it is sound): run on every seeded and upserted
 * form version, so a citizen never meets a form whose condition names a missing field, whose pattern does not
 * compile or whose label is missing in their language.
 */
export function validateDefinition(definition: FormDefinition, context: DefinitionContext = {}): string[] {
  const mistakes: string[] = [];
  if (typeof definition !== 'object' || definition === null) return ['form: not an object'];
  if (!Number.isInteger(definition.version) || definition.version < 1) mistakes.push('form: version must be ≥ 1');
  checkFields(definition.fields, '', [], context, mistakes);
  return mistakes;
}
