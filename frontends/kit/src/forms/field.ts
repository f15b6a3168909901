import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Language } from '../i18n.ts';
import { tf } from './messages.ts';

/** Messages per field, by the field's name (as the mutation's input names it: `name`, `newEmail`, …). */
export type FieldErrors = Readonly<Record<string, string>>;

/** What every piece of one form needs: the language, the id prefix in the shadow root, the errors shown. */
export interface FormContext {
  readonly lang: Language;
  /** Ids are `<prefix>-<name>`, `<prefix>-<name>-hint`, `<prefix>-<name>-error`: unique in the shadow root. */
  readonly prefix: string;
  readonly errors?: FieldErrors;
}

/** The ids and ARIA state of one field (for controls the pieces do not draw themselves). */
export interface FieldRefs {
  readonly id: string;
  readonly hintId: string;
  readonly errorId: string;
  /** Its hint (if any), then its error (if any), or nothing: for `aria-describedby`. */
  readonly describedBy: string | typeof nothing;
  readonly invalid: 'true' | 'false';
  readonly error: string | undefined;
}

export function fieldRefs(form: FormContext, name: string, hasHint = false): FieldRefs {
  const id = `${form.prefix}-${name}`;
  const error = form.errors?.[name];
  const ids = [...(hasHint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : [])];
  return {
    id,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    describedBy: ids.length ? ids.join(' ') : nothing,
    invalid: error ? 'true' : 'false',
    error,
  };
}

/** A hint under a label (GOV.UK's hint): referenced by the control's `aria-describedby`. */
export function renderHint(id: string, text: string | undefined): TemplateResult | typeof nothing {
  return text ? html`<p part="hint" class="hint" id=${id}>${text}</p>` : nothing;
}

/** A field's error message, with a visually hidden "Error:" before it (read out with the description). */
export function renderFieldError(
  lang: Language,
  id: string,
  message: string | undefined,
): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p part="field-error" class="field-error" id=${id}>
    <span class="visually-hidden">${tf(lang, 'errorPrefix')} </span>${message}
  </p>`;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  /** The option's own language (e.g. language names in their language). */
  readonly lang?: string;
}

/** One labelled control; what it draws depends on `control` (default: an `<input>`). */
export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  readonly control?: 'input' | 'select' | 'textarea';
  /** `<input type>`, default `text`. */
  readonly type?: string;
  /** The current value (a property: what the person types stays across renders until this changes). */
  readonly value?: string;
  /** The value a form reset goes back to (the `value` attribute). */
  readonly defaultValue?: string;
  /** The choices of a `select`. */
  readonly options?: readonly ChoiceOption[];
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly maxlength?: number;
  readonly inputmode?: string;
  readonly spellcheck?: boolean;
  readonly size?: number;
  readonly rows?: number;
  /** Classes of the control (e.g. `code` for short codes). */
  readonly class?: string;
}

/**
 * A labelled input, select or textarea with its hint and error message (GOV.UK's form group: label, hint, error,
 * control), `aria-describedby` pointing at hint and error, `aria-invalid` while it has an error. Render it in the
 * widget's own shadow root: `for` and `aria-describedby` only reach ids in the same root.
 */
export function renderField(form: FormContext, options: FieldOptions): TemplateResult {
  const refs = fieldRefs(form, options.name, Boolean(options.hint));
  return html`<div class=${refs.error ? 'field invalid' : 'field'}>
    <label part="label" for=${refs.id}>${options.label}</label>
    ${renderHint(refs.hintId, options.hint)} ${renderFieldError(form.lang, refs.errorId, refs.error)}
    ${renderControl(refs, options)}
  </div>`;
}

function renderControl(refs: FieldRefs, o: FieldOptions): TemplateResult {
  const spellcheck = o.spellcheck === undefined ? undefined : String(o.spellcheck);
  switch (o.control ?? 'input') {
    case 'select':
      return html`<select
        part="input"
        id=${refs.id}
        name=${o.name}
        class=${ifDefined(o.class)}
        ?required=${o.required}
        autocomplete=${ifDefined(o.autocomplete)}
        aria-invalid=${refs.invalid}
        aria-describedby=${refs.describedBy}
      >
        ${(o.options ?? []).map(
          (option) =>
            html`<option value=${option.value} lang=${ifDefined(option.lang)} ?selected=${option.value === o.value}>${option.label}</option>`,
        )}
      </select>`;
    case 'textarea':
      return html`<textarea
        part="input"
        id=${refs.id}
        name=${o.name}
        class=${ifDefined(o.class)}
        rows=${ifDefined(o.rows)}
        ?required=${o.required}
        autocomplete=${ifDefined(o.autocomplete)}
        maxlength=${ifDefined(o.maxlength)}
        spellcheck=${ifDefined(spellcheck)}
        .value=${o.value ?? o.defaultValue ?? ''}
        aria-invalid=${refs.invalid}
        aria-describedby=${refs.describedBy}
      ></textarea>`;
    default:
      return html`<input
        part="input"
        id=${refs.id}
        name=${o.name}
        type=${o.type ?? 'text'}
        class=${ifDefined(o.class)}
        ?required=${o.required}
        autocomplete=${ifDefined(o.autocomplete)}
        maxlength=${ifDefined(o.maxlength)}
        inputmode=${ifDefined(o.inputmode)}
        spellcheck=${ifDefined(spellcheck)}
        size=${ifDefined(o.size)}
        value=${ifDefined(o.defaultValue)}
        .value=${o.value === undefined ? (o.defaultValue ?? '') : o.value}
        aria-invalid=${refs.invalid}
        aria-describedby=${refs.describedBy}
      />`;
  }
}

export interface ChoicesOptions {
  readonly name: string;
  readonly legend: string;
  readonly hint?: string;
  readonly type?: 'checkbox' | 'radio';
  readonly options: readonly ChoiceOption[];
  /** The values chosen. */
  readonly checked?: ReadonlySet<string> | readonly string[];
  /** The fieldset's `part` (default `choices`). */
  readonly part?: string;
}

/**
 * A group of checkboxes (or radios) in a fieldset with its legend, hint and error (GOV.UK's checkboxes): the
 * fieldset carries the id (the error summary and the focus go to its first control) and `aria-describedby`.
 */
export function renderChoices(form: FormContext, options: ChoicesOptions): TemplateResult {
  const refs = fieldRefs(form, options.name, Boolean(options.hint));
  const checked = new Set(options.checked ?? []);
  return html`<fieldset part=${options.part ?? 'choices'} class=${refs.error ? 'field invalid' : 'field'} id=${refs.id} aria-describedby=${refs.describedBy}>
    <legend part="label">${options.legend}</legend>
    ${renderHint(refs.hintId, options.hint)} ${renderFieldError(form.lang, refs.errorId, refs.error)}
    <ul class="choices">
      ${options.options.map(
        (option, index) => html`<li>
          <input
            type=${options.type ?? 'checkbox'}
            id="${refs.id}-${index}"
            name=${options.name}
            value=${option.value}
            .checked=${checked.has(option.value)}
            aria-invalid=${refs.invalid}
          />
          <label for="${refs.id}-${index}" lang=${ifDefined(option.lang)}>${option.label}</label>
        </li>`,
      )}
    </ul>
  </fieldset>`;
}

/** One checkbox with its label after it (e.g. "I understand that this cannot be undone"), and its error. */
export function renderCheckbox(
  form: FormContext,
  options: { readonly name: string; readonly label: string; readonly value?: string; readonly required?: boolean },
): TemplateResult {
  const refs = fieldRefs(form, options.name);
  return html`<div class=${refs.error ? 'field invalid' : 'field'}>
    ${renderFieldError(form.lang, refs.errorId, refs.error)}
    <div class="check">
      <input
        type="checkbox"
        id=${refs.id}
        name=${options.name}
        value=${options.value ?? 'yes'}
        ?required=${options.required}
        aria-invalid=${refs.invalid}
        aria-describedby=${refs.describedBy}
      />
      <label part="label" for=${refs.id}>${options.label}</label>
    </div>
  </div>`;
}

/**
 * Focuses `#id` in `root`; a fieldset gives the focus to its first control. Ids are built from fixed prefixes and
 * field names: no escaping needed.
 */
export function focusInRoot(root: ParentNode, id: string): boolean {
  const target = root.querySelector<HTMLElement>(`#${id}`);
  const control =
    target?.localName === 'fieldset' ? target.querySelector<HTMLElement>('input, select, textarea') : target;
  control?.focus();
  return Boolean(control);
}

/**
 * GOV.UK's error summary: "There is a problem" and one link per field in error, which moves the focus to the
 * field (a plain `#id` link does not reach into a shadow root). Shown above a form with more than one error; it
 * takes the focus itself (`<id>` = `<prefix>-error-summary`).
 */
export function renderErrorSummary(form: FormContext): TemplateResult | typeof nothing {
  const entries = Object.entries(form.errors ?? {}).filter(([, message]) => message);
  if (entries.length < 2) return nothing;
  const go = (event: Event, id: string) => {
    event.preventDefault();
    focusInRoot((event.currentTarget as HTMLElement).getRootNode() as ParentNode, id);
  };
  return html`<div part="error-summary" class="error-summary" id="${form.prefix}-error-summary" tabindex="-1">
    <div role="alert">
      <p class="error-summary-title"><strong>${tf(form.lang, 'errorSummaryTitle')}</strong></p>
      <ul>
        ${entries.map(([name, message]) => {
          const id = `${form.prefix}-${name}`;
          return html`<li><a href="#${id}" @click=${(event: Event) => go(event, id)}>${message}</a></li>`;
        })}
      </ul>
    </div>
  </div>`;
}
