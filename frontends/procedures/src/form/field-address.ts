import type { VisibleField } from '@gemeng/forms';
import { fieldRefs, renderField, renderFieldError, renderHint } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { nameOfPath } from './answers.ts';
import { type FormTextKey, tx } from './form-messages.ts';
import { hintOf, labelOf, type RenderContext, textOf } from './render-context.ts';

/** The parts of an address answer, in the order a Luxembourg address is written, with what autofill offers. */
export const ADDRESS_PARTS = [
  { key: 'street', label: 'street', autocomplete: 'address-line1' },
  { key: 'number', label: 'houseNumber', autocomplete: undefined },
  { key: 'postcode', label: 'postcode', autocomplete: 'postal-code' },
  { key: 'locality', label: 'locality', autocomplete: 'address-level2' },
  { key: 'country', label: 'country', autocomplete: 'country' },
] as const satisfies readonly { key: string; label: FormTextKey; autocomplete: string | undefined }[];

/**
 * A postal address (GOV.UK's address pattern): a fieldset with one field per part; each part has its own error
 * (`home.postcode`), the whole address one too (`home`, e.g. required).
 */
export function renderAddress(ctx: RenderContext, node: VisibleField): TemplateResult {
  const name = nameOfPath(node.path);
  const hint = hintOf(node, ctx.lang);
  const refs = fieldRefs(ctx.form, name, Boolean(hint));
  const value = node.value && typeof node.value === 'object' ? (node.value as Record<string, unknown>) : {};
  return html`<fieldset part="address" class=${refs.error ? 'field invalid' : 'field'} id=${refs.id}
    aria-describedby=${refs.describedBy}>
    <legend part="label">${labelOf(node, ctx.lang)}</legend>
    ${renderHint(refs.hintId, hint)} ${renderFieldError(ctx.lang, refs.errorId, refs.error)}
    ${ADDRESS_PARTS.map((part) =>
      renderField(ctx.form, {
        name: `${name}-${part.key}`,
        label: tx(ctx.lang, part.label),
        value: textOf(value[part.key]),
        ...(part.autocomplete ? { autocomplete: part.autocomplete } : {}),
        ...(part.key === 'postcode' ? { inputmode: 'numeric', size: 8, class: 'short' } : {}),
        ...(part.key === 'number' || part.key === 'country' ? { size: 8, class: 'short' } : {}),
      }),
    )}
  </fieldset>`;
}
