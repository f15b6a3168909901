/**
 * The configurator's form controls, generated from a widget's manifest attributes: a fixed list of values → a
 * select, `number` → a number input, `boolean` → a checkbox, `commune` → the communes of the graph, anything else
 * → a text input. Each is labelled, with its hint referenced by `aria-describedby`.
 */
import { fieldRefs, type Language } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { controlKind, defaultOf, type ManifestAttribute } from './configurator-manifest.ts';
import { selectKey, tc } from './configurator-messages.ts';

export interface CommuneChoice {
  readonly slug: string;
  readonly name: string;
}

export interface FieldContext {
  readonly lang: Language;
  /** Unique id prefix inside the configurator's shadow root. */
  readonly prefix: string;
  /** The communes of the graph, or undefined when they could not be loaded (a text input then). */
  readonly communes: readonly CommuneChoice[] | undefined;
  readonly onChange: (name: string, value: string) => void;
}

/** A hint; the manifest's own description is English (from the element's JSDoc), marked as such. */
function hint(context: FieldContext, attribute: ManifestAttribute): { text: string; lang?: string } | undefined {
  if (controlKind(attribute) === 'commune' && !context.communes) return { text: tc(context.lang, 'communesFailed') };
  const translated = tc(context.lang, 'attributeHint', { name: selectKey(attribute.name) });
  if (translated) return { text: translated };
  if (!attribute.description) return undefined;
  return context.lang === 'en' ? { text: attribute.description } : { text: attribute.description, lang: 'en' };
}

const chosenValue = (event: Event) => {
  const target = event.target as HTMLInputElement | HTMLSelectElement;
  return target instanceof HTMLInputElement && target.type === 'checkbox'
    ? target.checked
      ? 'true'
      : ''
    : target.value;
};

/** The label text of an attribute: the commune's is a word; the others are the attribute's name, as in the code. */
function label(context: FieldContext, attribute: ManifestAttribute): TemplateResult {
  return controlKind(attribute) === 'commune'
    ? html`${tc(context.lang, 'commune')}`
    : html`<code>${attribute.name}</code>`;
}

export function renderAttributeField(
  context: FieldContext,
  attribute: ManifestAttribute,
  value: string,
): TemplateResult {
  const help = hint(context, attribute);
  const refs = fieldRefs({ lang: context.lang, prefix: context.prefix }, attribute.name, Boolean(help));
  const fallback = defaultOf(attribute);
  const change = (event: Event) => context.onChange(attribute.name, chosenValue(event));
  const kind = controlKind(attribute);
  const helpText = help
    ? html`<p class="hint" id=${refs.hintId} lang=${ifDefined(help.lang)}>${help.text}</p>`
    : nothing;
  if (kind === 'boolean') {
    return html`<div class="field">
      <div class="check">
        <input type="checkbox" id=${refs.id} name=${attribute.name} .checked=${value === 'true'}
          aria-describedby=${refs.describedBy} @change=${change} />
        <label for=${refs.id}>${label(context, attribute)}</label>
      </div>
      ${helpText}
    </div>`;
  }
  let control: TemplateResult;
  if (kind === 'select' || (kind === 'commune' && context.communes)) {
    const options =
      kind === 'commune'
        ? (context.communes ?? []).map((commune) => ({ value: commune.slug, label: commune.name }))
        : (attribute.values ?? []).map((option) => ({ value: option, label: option }));
    const empty = fallback ? tc(context.lang, 'defaultValue', { value: fallback }) : tc(context.lang, 'notSet');
    control = html`<select id=${refs.id} name=${attribute.name} aria-describedby=${refs.describedBy} @change=${change}>
      ${kind === 'commune' ? nothing : html`<option value="" ?selected=${value === ''}>${empty}</option>`}
      ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
    </select>`;
  } else {
    control = html`<input id=${refs.id} name=${attribute.name} type=${kind === 'number' ? 'number' : 'text'}
      inputmode=${ifDefined(kind === 'number' ? 'numeric' : undefined)} placeholder=${ifDefined(fallback)}
      autocomplete="off" spellcheck="false" .value=${value} aria-describedby=${refs.describedBy} @input=${change} />`;
  }
  return html`<div class="field">
    <label for=${refs.id}>${label(context, attribute)}</label>
    ${helpText} ${control}
  </div>`;
}
