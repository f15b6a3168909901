import { css } from 'lit';

/** The back office's own look, after the kit's `formStyles`; colours come from the `--gemeng-*` tokens. */
export const officeStyles = css`
  /* A procedure's title may be one long word ("Sperrmüllabholung"): it breaks rather than widen a phone's page. */
  h1, h2, h3 {
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
    gap: calc(var(--_space) * 0.75);
    align-items: end;
    margin: 0 0 var(--_space);
  }
  .filters > h1, .filters > h2, .filters > h3, .filters > h4, .filters > h5, .filters > h6, .filters > .actions {
    grid-column: 1 / -1;
  }
  /* Not the boxes and radio buttons: at full width they push their labels off a phone's screen. */
  .filters input:not([type='checkbox']):not([type='radio']), .filters select {
    width: 100%;
  }
  .tag {
    display: inline-block;
    padding: 0.1em 0.5em;
    border: 2px solid currentColor;
    border-radius: calc(var(--_radius) / 2);
    font-weight: 700;
    white-space: nowrap;
  }
  .tag.overdue, .tag.state-rejected {
    color: var(--_error);
  }
  .tag.internal {
    color: var(--_text);
    background: var(--_background);
    border-style: dashed;
  }
  .muted {
    color: var(--_muted);
  }
  .summary {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0 0 var(--_space);
  }
  .summary .row {
    display: contents;
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary.nested {
    margin: 0.25rem 0 0.5rem;
    padding-left: 0.75rem;
    border-left: 3px solid var(--_border);
  }
  .plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .messages {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .message {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  .message.internal, form.internal {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  .message .meta, .message .body {
    margin: 0.25rem 0;
    white-space: pre-line;
  }
  .confirm {
    border: 3px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0 0 var(--_space);
  }
  blockquote {
    margin: 0.5rem 0;
    padding-left: 0.75rem;
    border-left: 4px solid var(--_border);
    white-space: pre-line;
  }
  tr.overdue th {
    border-left: 4px solid var(--_error);
  }
  @media (max-width: 30rem) {
    .summary {
      grid-template-columns: minmax(0, 1fr);
    }
    .summary dd {
      margin-bottom: 0.5rem;
    }
  }
`;
