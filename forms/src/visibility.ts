import type { Answers, Condition, Field, FormDefinition } from './types.ts';

/**
 * A field as it is shown for the answers given: its answer's `path` (`dogs.1.chip`), its answer, and for a group its
 * shown fields (`fields`) or, when repeatable, one list of shown fields per item (`items`). Hidden fields are not
 * in the tree, so the widget renders it, and validation and {@link cleanAnswers} walk it, alike.
 */
export interface VisibleField {
  field: Field;
  path: string;
  value: unknown;
  fields?: VisibleField[];
  items?: VisibleField[][];
}

/** The fields of one group (or of the form, or of one item of a repeated group) and their answers. */
interface Scope {
  fields: readonly Field[];
  answers: Answers;
  parent: Scope | undefined;
}

/** Whether an answer is given: a non-blank text, a ticked box, a non-empty list, an address with any part. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(isFilled);
  return true;
}

/** A plain object (what a group's or an address's answer must be). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The answer of `key` as a condition sees it: undefined when the field is hidden (or the reference loops). */
function lookup(scope: Scope, key: string, seen: ReadonlySet<Field>): unknown {
  for (let current: Scope | undefined = scope; current; current = current.parent) {
    const field = current.fields.find((candidate) => candidate.key === key);
    if (!field) continue;
    if (seen.has(field)) return undefined;
    if (field.visibleIf && !holds(field.visibleIf, current, new Set([...seen, field]))) return undefined;
    return current.answers[key];
  }
  return undefined;
}

function holds(condition: Condition, scope: Scope, seen: ReadonlySet<Field>): boolean {
  if ('all' in condition) return condition.all.every((part) => holds(part, scope, seen));
  if ('any' in condition) return condition.any.some((part) => holds(part, scope, seen));
  const value = lookup(scope, condition.field, seen);
  const values = Array.isArray(value) ? value : [value];
  if ('equals' in condition && !values.some((one) => one === condition.equals)) return false;
  if (condition.in && !values.some((one) => condition.in?.includes(one))) return false;
  if (condition.filled !== undefined && isFilled(value) !== condition.filled) return false;
  return true;
}

function shown(scope: Scope, prefix: string): VisibleField[] {
  const result: VisibleField[] = [];
  for (const field of scope.fields) {
    if (field.visibleIf && !holds(field.visibleIf, scope, new Set([field]))) continue;
    const path = prefix ? `${prefix}.${field.key}` : field.key;
    const value = scope.answers[field.key];
    const node: VisibleField = { field, path, value };
    if (field.type === 'group') {
      if (field.repeatable) {
        const items = Array.isArray(value) ? value : [];
        node.items = items.map((item, index) =>
          shown({ fields: field.fields, answers: isRecord(item) ? item : {}, parent: scope }, `${path}.${index}`),
        );
      } else {
        node.fields = shown({ fields: field.fields, answers: isRecord(value) ? value : {}, parent: scope }, path);
      }
    }
    result.push(node);
  }
  return result;
}

/** The fields shown for `answers` (conditions evaluated, repeated groups expanded), in definition order. */
export function visibleFields(definition: FormDefinition, answers: Answers): VisibleField[] {
  return shown({ fields: definition.fields, answers: isRecord(answers) ? answers : {}, parent: undefined }, '');
}

function keep(nodes: readonly VisibleField[]): Answers {
  const kept: Answers = {};
  for (const node of nodes) {
    if (node.value === undefined) continue;
    const list = node.value;
    if (node.items && Array.isArray(list)) {
      kept[node.field.key] = node.items.map((item, index) => (isRecord(list[index]) ? keep(item) : list[index]));
    } else if (node.fields && isRecord(node.value)) {
      kept[node.field.key] = keep(node.fields);
    } else {
      kept[node.field.key] = node.value;
    }
  }
  return kept;
}

/**
 * The answers without those of hidden fields and of keys the definition does not have (a field the citizen hid
 * again, an old version's field): what is stored, so an application never keeps an answer nobody sees.
 */
export function cleanAnswers(definition: FormDefinition, answers: Answers): Answers {
  return keep(visibleFields(definition, answers));
}
