import { css } from 'lit';

/**
 * The look of `<gemeng-account>`, inside its shadow root only (nothing leaks into a commune's page), on top of the
 * kit's `formStyles` (fields, errors, outcomes, tables). Colours come from the `--gemeng-*` tokens (see
 * `gemengStyles` in the kit); every part can be styled with `::part()`.
 */
export const accountStyles = css`
  [part='account'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    max-width: 48rem;
    min-width: 0;
    /* Reflow (WCAG 1.4.10): a long word (an address, a key) breaks rather than push the page sideways. */
    overflow-wrap: break-word;
    container-type: inline-size;
  }
  dd,
  li,
  code,
  .status,
  [role='alert'] {
    overflow-wrap: anywhere;
    min-width: 0;
  }

  /* The navigation between the account's pages */
  .account-nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0 0 0.25rem;
    border-bottom: 1px solid var(--_border);
  }
  .account-nav a {
    display: inline-block;
    padding: 0.35rem 0;
  }
  .account-nav a[aria-current='page'] {
    font-weight: 700;
    color: inherit;
    text-decoration: none;
    border-bottom: 3px solid var(--_accent);
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
  /* Narrow (a phone): each term above its value. */
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0 1rem;
    }
    dd {
      margin-bottom: 0.5rem;
    }
  }
  a {
    color: var(--_accent);
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
  .key {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .key .secret {
    font-size: 1.15rem;
    letter-spacing: 0.05em;
    word-spacing: 0.3em;
    user-select: all;
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
