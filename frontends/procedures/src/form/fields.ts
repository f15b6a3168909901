import type { VisibleField } from '@gemeng/forms';
import { fieldRefs, renderFieldError, renderHint } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { nameOfPath } from './answers.ts';
import { renderAddress } from './field-address.ts';
import { renderFile } from './field-file.ts';
import { renderInput } from './field-inputs.ts';
import { tx } from './form-messages.ts';
import { hintOf, local, type RenderContext } from './render-context.ts';

/** The shown fields, one question each, in definition order (hidden ones are not in `nodes`). */
export function renderFields(ctx: RenderContext, nodes: readonly VisibleField[]): TemplateResult {
  return html`${nodes.map((node) => renderNode(ctx, node))}`;
}

function renderNode(ctx: RenderContext, node: VisibleField): TemplateResult {
  switch (node.field.type) {
    case 'group':
      return renderGroup(ctx, node);
    case 'address':
      return renderAddress(ctx, node);
    case 'file':
      return renderFile(ctx, node);
    default:
      return renderInput(ctx, node);
  }
}

/**
 * A group of questions in a fieldset. A repeatable one (dogs, children) shows each item as its own fieldset,
 * "Dog 1", "Dog 2", with a remove button while more than its minimum remain, and "Add another" below while fewer
 * than its maximum; the group's own error (too few, too many) sits under its legend.
 */
function renderGroup(ctx: RenderContext, node: VisibleField): TemplateResult {
  if (node.field.type !== 'group') return html``;
  const name = nameOfPath(node.path);
  const hint = hintOf(node, ctx.lang);
  const refs = fieldRefs(ctx.form, name, Boolean(hint));
  const label = local(node.field.label, ctx.lang);
  const repeat = node.field.repeatable;
  const head = html`<legend part="label group-legend">${label}</legend>
    ${renderHint(refs.hintId, hint)} ${renderFieldError(ctx.lang, refs.errorId, refs.error)}`;
  if (!repeat) {
    return html`<fieldset part="group" class="group" id=${refs.id} aria-describedby=${refs.describedBy}>
      ${head}${renderFields(ctx, node.fields ?? [])}
    </fieldset>`;
  }
  const items = node.items ?? [];
  const min = repeat.min ?? (node.field.required ? 1 : 0);
  return html`<fieldset part="group repeat" class=${refs.error ? 'group invalid' : 'group'} id=${refs.id}
    aria-describedby=${refs.describedBy}>
    ${head}
    ${items.map((fields, index) => {
      const number = index + 1;
      return html`<fieldset part="repeat-item" class="item" id="${refs.id}-item-${index}">
        <legend part="label">${tx(ctx.lang, 'item', { label, number })}</legend>
        ${renderFields(ctx, fields)}
        ${
          items.length > min
            ? html`<button part="button secondary" class="secondary" type="button"
              @click=${() => ctx.removeItem(node.path, index)}>${tx(ctx.lang, 'removeItem', { label, number })}</button>`
            : ''
        }
      </fieldset>`;
    })}
    ${
      items.length < repeat.max
        ? html`<button part="button secondary" class="secondary" type="button" @click=${() => ctx.addItem(node.path)}>
          ${tx(ctx.lang, 'addAnother')}<span class="visually-hidden"> (${label})</span>
        </button>`
        : ''
    }
  </fieldset>`;
}
