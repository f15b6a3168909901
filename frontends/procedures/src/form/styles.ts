import { css } from 'lit';

/** The procedure form's own look, after the kit's `formStyles` (GOV.UK's summary list, panel and status line). */
export const procedureFormStyles = css`
  /* A procedure's title may be one long word ("Sperrmüllabholung"): it breaks rather than widen a phone's page. */
  h1, h2, h3 {
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .lead {
    font-size: 1.15em;
  }
  .facts {
    padding-inline-start: 1.25rem;
  }
  .note {
    border-inline-start: 4px solid var(--_accent);
    padding: 0.25rem 0 0.25rem var(--_space);
    margin: var(--_space) 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0;
  }
  .draft-status {
    position: sticky;
    top: 0;
    z-index: 1;
    margin: 0 0 var(--_space);
    padding: 0.5rem var(--_space);
    background: var(--_surface);
    border-inline-start: 4px solid var(--_border);
  }
  .draft-status.problem {
    border-inline-start-color: var(--_error);
  }
  .draft-status p {
    margin: 0 0 0.5rem;
  }
  .group {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .group > legend {
    font-size: 1.15em;
    margin-bottom: 0.5rem;
  }
  .item {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .short {
    max-width: 10rem;
  }
  .files {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  .files li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .muted {
    color: var(--_muted);
  }
  .summary {
    margin: 0 0 var(--_space);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 2fr) auto;
    gap: 0.5rem var(--_space);
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary-group > dd {
    padding-inline-start: var(--_space);
  }
  a {
    color: var(--_accent);
  }
  .panel {
    background: var(--_accent);
    color: var(--_on-accent);
    padding: var(--_space);
    border-radius: var(--_radius);
    text-align: center;
  }
  .panel h1,
  .panel h2,
  .panel h3,
  .panel h4,
  .panel h5,
  .panel h6 {
    margin-top: 0;
  }
  .reference {
    font-size: 1.5em;
    letter-spacing: 0.05em;
  }
  @media (max-width: 40rem) {
    .summary-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
