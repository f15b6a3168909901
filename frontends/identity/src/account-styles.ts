import { css } from 'lit';

/**
 * The look of `<gemeng-account>`, inside its shadow root only (nothing leaks into a commune's page). Colours come
 * from the `--gemeng-*` tokens (see `gemengStyles` in the kit); every part can be styled with `::part()`.
 */
export const accountStyles = css`
  [part='account'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    max-width: 48rem;
  }
  [part='heading'] {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_accent);
    font-size: 1.5rem;
    line-height: 1.25;
  }
  [part='section-heading'] {
    margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
    font-size: 1.125rem;
    line-height: 1.3;
  }
  [part~='profile-section'] > [part='section-heading'],
  [part~='security-section'] > [part='section-heading'],
  [part~='apps-section'] > [part='section-heading'],
  [part~='data-section'] > [part='section-heading'] {
    font-size: 1.3rem;
    color: var(--_accent);
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.25rem;
  }
  /* Headings and messages take the focus after actions: a ring only when the keyboard led there. */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  dl {
    margin: 0 0 var(--_space);
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  a {
    color: var(--_accent);
  }

  /* Forms */
  .form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
  }
  .field {
    display: grid;
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
  select {
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
  select[aria-invalid='true'] {
    border-width: 3px;
  }
  .choices {
    list-style: none;
    margin: 0;
    padding: 0.25rem;
    max-height: 16rem;
    overflow-y: auto;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
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
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
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
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .check input[type='checkbox'] {
    flex: none;
    margin-top: 0.15rem;
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
  [part~='level'] {
    font-weight: 600;
  }

  /* Your data */
  [part~='account-erase'] ul {
    margin: 0 0 calc(var(--_space) / 2);
    padding-inline-start: 1.25rem;
  }
  .warning {
    font-weight: 600;
    color: var(--_error);
  }

  /* Applications (for developers) */
  code.endpoint,
  code.client-id {
    overflow-wrap: anywhere;
  }
  .client-secret {
    border: 3px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    margin: var(--_space) 0;
  }
  .client-secret > [part='section-heading'] {
    margin-top: calc(var(--_space) / 2);
  }
  .client-secret dd {
    min-width: 0;
  }
  .confirm {
    background: var(--_surface);
    border-inline-start: 4px solid var(--_error);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) / 2);
    margin: 0 0 var(--_space);
  }
  tr.revoked {
    color: var(--_muted);
  }

  /* Tables */
  .table-wrap {
    overflow-x: auto;
    margin: 0 0 var(--_space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0 0 var(--_space);
  }
  .table-wrap table {
    margin: 0;
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
  td.ip {
    overflow-wrap: anywhere;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
  }
  .tag {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: 0.25em;
    font-size: 0.875em;
    font-weight: 600;
  }
  tr.by-other strong {
    color: var(--_error);
  }

  /* Authenticator app */
  .qr {
    width: 12rem;
    max-width: 100%;
    background: #ffffff;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .qr svg {
    display: block;
    width: 100%;
    height: auto;
  }
  code,
  .secret {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
  }
  .secret {
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  [part='recovery-codes'] {
    columns: 2 10rem;
    font-size: 1.1rem;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .recovery {
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    margin: 0 0 var(--_space);
  }
`;
