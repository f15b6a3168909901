import type { VisibleField } from '@gemeng/forms';
import { fieldRefs, renderChoices, renderField, renderFieldError, renderHint } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { nameOfPath } from './answers.ts';
import { tx } from './form-messages.ts';
import { hintOf, labelOf, local, type RenderContext, textOf } from './render-context.ts';

/** More options than this: a select instead of radios (GOV.UK's radios are for a handful of choices). */
const MAX_RADIOS = 6;

/** What each one-line input type asks the browser for: input type, keyboard, autofill, spell checking. */
const INPUTS = {
  text: {},
  email: { type: 'email', autocomplete: 'email', spellcheck: false },
  phone: { type: 'tel', autocomplete: 'tel', spellcheck: false },
  iban: { autocomplete: 'off', spellcheck: false, class: 'code' },
  nationalId: { inputmode: 'numeric', autocomplete: 'off', spellcheck: false, class: 'code' },
  number: { inputmode: 'decimal', spellcheck: false },
  date: { type: 'date' },
} as const;

/**
 * One question of a simple kind: a labelled control with its hint and error, in GOV.UK's layout (text, long text,
 * number, date, email, phone, IBAN, national number, select, multi-select, checkbox).
 */
export function renderInput(ctx: RenderContext, node: VisibleField): TemplateResult {
  const { field } = node;
  const name = nameOfPath(node.path);
  const label = labelOf(node, ctx.lang);
  const hint = hintOf(node, ctx.lang);
  const required = Boolean(field.required);
  switch (field.type) {
    case 'longText':
      return renderField(ctx.form, {
        name,
        label,
        ...(hint ? { hint } : {}),
        control: 'textarea',
        rows: 5,
        required,
        value: textOf(node.value),
        ...(field.maxLength ? { maxlength: field.maxLength } : {}),
      });
    case 'select': {
      const options = field.options.map((option) => ({ value: option.value, label: local(option.label, ctx.lang) }));
      if (options.length <= MAX_RADIOS) {
        return renderChoices(ctx.form, {
          name,
          legend: label,
          ...(hint ? { hint } : {}),
          type: 'radio',
          options,
          checked: typeof node.value === 'string' ? [node.value] : [],
        });
      }
      return renderField(ctx.form, {
        name,
        label,
        ...(hint ? { hint } : {}),
        control: 'select',
        required,
        value: textOf(node.value),
        options: [{ value: '', label: tx(ctx.lang, 'choose') }, ...options],
      });
    }
    case 'multiSelect':
      return renderChoices(ctx.form, {
        name,
        legend: label,
        ...(hint ? { hint } : {}),
        options: field.options.map((option) => ({ value: option.value, label: local(option.label, ctx.lang) })),
        checked: Array.isArray(node.value) ? node.value.map(String) : [],
      });
    case 'checkbox':
      return renderSingleCheckbox(ctx, name, label, hint, node.value === true);
    case 'text':
    case 'email':
    case 'phone':
    case 'iban':
    case 'nationalId':
    case 'number':
    case 'date':
      return renderField(ctx.form, {
        name,
        label,
        ...(hint ? { hint } : {}),
        ...INPUTS[field.type],
        required,
        value: textOf(node.value),
        ...(field.type === 'text' && field.maxLength ? { maxlength: field.maxLength } : {}),
      });
    default:
      return html``;
  }
}

/**
 * One box to tick (a declaration, a yes/no question): the kit's checkbox with the answer's `checked` state, so a
 * resumed draft shows it ticked, and the hint above it.
 */
function renderSingleCheckbox(
  ctx: RenderContext,
  name: string,
  label: string,
  hint: string | undefined,
  checked: boolean,
): TemplateResult {
  const refs = fieldRefs(ctx.form, name, Boolean(hint));
  return html`<div class=${refs.error ? 'field invalid' : 'field'}>
    ${renderHint(refs.hintId, hint)} ${renderFieldError(ctx.lang, refs.errorId, refs.error)}
    <div class="check">
      <input
        type="checkbox"
        id=${refs.id}
        name=${name}
        value="yes"
        .checked=${checked}
        aria-invalid=${refs.invalid}
        aria-describedby=${refs.describedBy}
      />
      <label part="label" for=${refs.id}>${label}</label>
    </div>
  </div>`;
}
