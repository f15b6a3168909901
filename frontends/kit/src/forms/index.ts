export { type Column, type DataTableOptions, renderDataTable } from './data-table.ts';
export {
  type ChoiceOption,
  type ChoicesOptions,
  type FieldErrors,
  type FieldOptions,
  type FieldRefs,
  type FormContext,
  fieldRefs,
  focusInRoot,
  renderCheckbox,
  renderChoices,
  renderErrorSummary,
  renderField,
  renderFieldError,
  renderHint,
} from './field.ts';
export { LazyController, type LazyStatus } from './lazy-controller.ts';
export { type FormMessageKey, formMessages, tf } from './messages.ts';
export { type Feedback, MutationController, type MutationHost, type RunOptions } from './mutation-controller.ts';
export { type FieldProblem, isPayloadError, type PayloadError } from './payload-errors.ts';
export { formStyles } from './styles.ts';
