import type { Language } from '@gemeng/i18n';

/** A text in the four languages: a definition is shown to every resident, so none may be missing. */
export type Localized = { lb: string; fr: string; de: string; en: string };

/**
 * When a field is shown. `field` names a key of the same group, else of an enclosing one (innermost first), so a
 * field inside a repeated group can depend on its own item's answers. A field that is itself hidden counts as
 * unanswered. `equals` on a multi-select means "includes"; `in` means "is one of" (any overlap for a multi-select);
 * `filled: true` means answered (a ticked checkbox, a non-empty text or list), `filled: false` the opposite.
 */
export type Condition =
  | { field: string; equals?: unknown; in?: unknown[]; filled?: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

/** Where an answer can be prefilled from the signed-in person's profile (see `PREFILL`). */
export type PrefillSource = 'name' | 'email' | 'address' | 'phone';

/** What every field has. `key` is the answer's name in the answers object (letters, digits, `_`). */
export interface Base {
  key: string;
  label: Localized;
  hint?: Localized;
  required?: boolean;
  visibleIf?: Condition;
  prefill?: PrefillSource;
}

/** A choice of a select or multi-select: `value` is what is stored, `label` what is shown. */
export interface Option {
  value: string;
  label: Localized;
}

/** The repetition of a group: at least `min` (default 0, or 1 when the group is required), at most `max` items. */
export interface Repeat {
  min?: number;
  max: number;
}

/** A field of a form; its `type` decides the shape of its answer (see {@link AnswerOf} and the README). */
export type Field = Base &
  (
    | { type: 'text'; minLength?: number; maxLength?: number; pattern?: string; patternHint?: Localized }
    | { type: 'longText'; maxLength?: number }
    | { type: 'number'; min?: number; max?: number; integer?: boolean }
    | { type: 'date'; min?: string; max?: string }
    | { type: 'select'; options: Option[] }
    | { type: 'multiSelect'; options: Option[]; minItems?: number; maxItems?: number }
    | { type: 'checkbox' }
    | { type: 'email' }
    | { type: 'phone' }
    | { type: 'iban' }
    | { type: 'nationalId' }
    | { type: 'address' }
    | { type: 'file'; attachment: string }
    | { type: 'group'; fields: Field[]; repeatable?: Repeat }
  );

/** The field types, in the order the README presents them. */
export const FIELD_TYPES = [
  'text',
  'longText',
  'number',
  'date',
  'select',
  'multiSelect',
  'checkbox',
  'email',
  'phone',
  'iban',
  'nationalId',
  'address',
  'file',
  'group',
] as const satisfies readonly Field['type'][];

export type FieldType = (typeof FIELD_TYPES)[number];
/** One field type's definition, e.g. `FieldOf<'text'>` has `pattern`. */
export type FieldOf<T extends FieldType> = Extract<Field, { type: T }>;

/**
 * A procedure's form, versioned: an application keeps the version it was started with, so a definition is never
 * changed once used; a changed form is a new version.
 */
export interface FormDefinition {
  version: number;
  fields: Field[];
}

/** A postal address answer. `country` is ISO 3166 alpha-2 (`LU` when empty); a Luxembourg postcode has 4 digits. */
export interface Address {
  street?: string;
  number?: string;
  postcode?: string;
  locality?: string;
  country?: string;
}

/** The answers of a form (or of one item of a repeated group): field key → answer. */
export type Answers = Record<string, unknown>;

/**
 * The rule a problem broke: what the widget and the API name, and what tests assert. `min`/`max` serve numbers and
 * dates, `minLength`/`maxLength` texts, `minItems`/`maxItems` multi-selects and repeated groups.
 */
export type Rule =
  | 'required'
  | 'type'
  | 'integer'
  | 'min'
  | 'max'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'email'
  | 'phone'
  | 'iban'
  | 'nationalId'
  | 'postcode'
  | 'country'
  | 'option'
  | 'minItems'
  | 'maxItems';

/**
 * One answer that cannot be accepted: `path` is the answer's path from the answers' root (`dogs.1.chip`: the chip
 * of the second dog; `home.postcode`: a part of an address), `message` is for the reader, in their language, and
 * names the field, so an error summary can list it on its own.
 */
export interface Problem {
  path: string;
  rule: Rule;
  message: string;
}

/**
 * `draft`: only the shape of each answer (what the citizen has typed so far is kept); `submit`: every rule.
 * `today` (yyyy-mm-dd) is what `'today'` in a date's min/max means; default: today in Luxembourg.
 */
export interface ValidateOptions {
  lang: Language;
  mode: 'draft' | 'submit';
  today?: string;
}
