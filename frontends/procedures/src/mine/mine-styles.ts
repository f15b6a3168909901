import { css } from 'lit';

/** The look of the citizen's applications: a table-like list, GOV.UK tags and summary lists, a timeline. */
export const mineStyles = css`
  /* A procedure's title may be one long word ("Sperrmüllabholung"): it breaks rather than widen a phone's page. */
  h1, h2, h3 {
    overflow-wrap: break-word;
    hyphens: auto;
  }
  [part='applications'] {
    max-width: 52rem;
  }
  .section-heading {
    margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
    font-size: 1.25rem;
  }
  .caption {
    margin: 0;
    color: var(--_muted);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .list > li {
    border-top: 1px solid var(--_border);
    padding: calc(var(--_space) * 0.75) 0;
  }
  .list .title {
    margin: 0 0 0.25rem;
    font-size: 1.125rem;
  }
  a {
    color: var(--_accent);
  }
  .summary-list {
    margin: 0 0 var(--_space);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) minmax(0, 2fr);
    gap: 0.25rem var(--_space);
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_surface);
  }
  .summary-row dt {
    font-weight: 600;
  }
  .summary-row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary-list.nested {
    margin: 0;
  }
  .summary-list.nested .summary-row {
    grid-template-columns: minmax(6rem, 1fr) minmax(0, 2fr);
  }
  @media (max-width: 40rem) {
    .summary-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .tag {
    display: inline-block;
    padding: 0.1em 0.5em;
    border-radius: 0.25rem;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  /* Dark text on light tints: every pair is above 4.5:1. */
  .tag.grey {
    color: #383f43;
    background: #eeefef;
  }
  .tag.blue {
    color: #0c2d4a;
    background: #d2e2f1;
  }
  .tag.orange {
    color: #6e3619;
    background: #fcd6c3;
  }
  .tag.green {
    color: #005a30;
    background: #cce2d8;
  }
  .tag.red {
    color: #2a0b06;
    background: #f4cdc6;
  }
  .muted {
    color: var(--_muted);
  }
  .notice {
    border-inline-start: 6px solid var(--_accent);
    background: var(--_surface);
    padding: calc(var(--_space) / 2) var(--_space);
    margin: var(--_space) 0;
  }
  .notice.warning {
    border-color: #b14d00;
  }
  .notice .section-heading {
    margin-top: 0.5rem;
  }
  a.button {
    display: inline-block;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    text-decoration: none;
    font-weight: 600;
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  .timeline,
  .messages,
  .documents {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .timeline li,
  .messages li {
    margin-bottom: calc(var(--_space) / 2);
  }
  .timeline p,
  .messages p {
    margin: 0;
  }
  .when {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .messages .body {
    white-space: pre-wrap;
  }
  blockquote {
    margin: 0.5rem 0;
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_border);
    white-space: pre-wrap;
  }
  [part='alert'] {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: calc(var(--_space) / 2);
  }
`;
