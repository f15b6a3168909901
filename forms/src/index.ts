export { type DefinitionContext, validateDefinition } from './definition.ts';
export {
  electronicIban,
  isEmail,
  isIban,
  isNationalId,
  isPostcode,
  luhnDigit,
  parseIsoDate,
  resolveDateBound,
  todayInLuxembourg,
  toE164,
  verhoeffDigit,
} from './formats.ts';
export { type ValidationMessage, validationMessages } from './messages.ts';
export { PREFILL, type Profile, prefillAnswers } from './prefill.ts';
export {
  type Address,
  type Answers,
  type Base,
  type Condition,
  FIELD_TYPES,
  type Field,
  type FieldOf,
  type FieldType,
  type FormDefinition,
  type Localized,
  type Option,
  type PrefillSource,
  type Problem,
  type Repeat,
  type Rule,
  type ValidateOptions,
} from './types.ts';
export { validateAnswers } from './validate.ts';
export { cleanAnswers, isFilled, type VisibleField, visibleFields } from './visibility.ts';
