import { css } from 'lit';

/**
 * The look of the form pieces (fields, hints, errors, error summary, buttons' states, outcomes, the step-up
 * notice, tables, lazy parts), inside a widget's shadow root. Add it after `gemengStyles`:
 * `static styles = [...GemengElement.styles, formStyles, myStyles]`. Colours come from the `--gemeng-*` tokens.
 */
export const formStyles = css`
  /* Headings and messages take the focus after actions: a ring only when the keyboard led there. */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
  /* One column that may shrink below its content's width (a 28rem field, a fieldset): nothing pushes a phone's
     page sideways (WCAG 1.4.10). */
  .form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
    gap: 0.25rem;
    margin: 0;
  }
  fieldset.field {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 0.75);
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0 0.25rem;
  }
  .hint {
    color: var(--_muted);
    margin: 0;
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
    margin: 0;
  }
  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='number'],
  input[type='tel'],
  input[type='date'],
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.4em 0.5em;
    max-width: 100%;
    width: 28rem;
  }
  input.code {
    width: 10em;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    letter-spacing: 0.1em;
  }
  [aria-invalid='true'],
  fieldset.invalid {
    border-color: var(--_error);
  }
  fieldset.invalid {
    border-width: 3px;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-width: 3px;
  }
  .choices {
    list-style: none;
    margin: 0;
    padding: 0.25rem;
    max-height: 16rem;
    overflow-y: auto;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
    gap: 0.25rem 1rem;
  }
  .choices li {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .choices label {
    font-weight: normal;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .check input[type='checkbox'] {
    flex: none;
    margin-top: 0.15rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  button.secondary {
    background: var(--_background);
    color: var(--_accent);
  }
  button.danger {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--_background);
  }

  /* Error summary (GOV.UK) */
  .error-summary {
    border: 4px solid var(--_error);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }

  /* Outcomes */
  .status:empty {
    display: none;
  }
  .status {
    font-weight: 600;
  }
  [part~='alert'] {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: calc(var(--_space) / 2);
  }
  [part~='step-up'] {
    background: var(--_surface);
    padding: calc(var(--_space) / 2);
    border-radius: calc(var(--_radius) / 2);
  }
  .loading {
    color: var(--_muted);
    min-height: 3rem;
  }

  /* Tables */
  .table-wrap {
    overflow-x: auto;
    margin: 0 0 var(--_space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0;
  }
  caption.caption {
    text-align: start;
    font-weight: 600;
    margin: 0 0 0.25rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_surface);
  }
  tbody th {
    font-weight: 600;
  }
`;
