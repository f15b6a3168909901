import { css } from 'lit';

/** The catalogue's look: a filter bar, then one block per procedure with GOV.UK-like tags and summary lists. */
export const catalogueStyles = css`
  [part='catalogue'] {
    max-width: 48rem;
    container-type: inline-size;
  }
  [part='catalogue'][aria-busy='true'] [part='procedures'] {
    opacity: 0.6;
  }
  .intro {
    margin: 0 0 var(--_space);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.75);
  }
  .filters .field {
    flex: 1 1 16rem;
  }
  .filters input,
  .filters select {
    width: 100%;
  }
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_background);
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.4em 0.5em;
  }
  [part='status'] {
    margin: var(--_space) 0 calc(var(--_space) / 2);
    font-weight: 600;
  }
  [part='procedures'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='procedure'] {
    border-top: 1px solid var(--_border);
    padding: var(--_space) 0;
  }
  .procedure-heading {
    margin: 0 0 0.25rem;
    font-size: 1.25rem;
    /* a title that is one long word (Haushaltsbescheinigung) breaks on a phone instead of widening the page */
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .procedure-heading a {
    color: var(--_accent);
  }
  .category {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .summary {
    margin: 0.25rem 0 0.5rem;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem var(--_space);
    margin: 0;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  /* On a phone the terms go above their values: "Bearbechtungszäit" beside "5 Aarbechtsdeeg" does not fit in 320 px. */
  @container (max-width: 24rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .facts dd + dt {
      margin-top: 0.25rem;
    }
  }
  .tag {
    display: inline-block;
    padding: 0.1em 0.5em;
    border-radius: 0.25rem;
    font-weight: 600;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .tag.online {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  [part='alert'] {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: calc(var(--_space) / 2);
  }
`;
