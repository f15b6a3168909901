import { css } from 'lit';

/** The configurator's layout: settings beside the preview and the code on wide screens, one column otherwise. */
export const configuratorStyles = css`
  .configurator {
    max-width: 72rem;
  }
  h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.5rem;
    line-height: 1.25;
  }
  h3 {
    margin: var(--_space) 0 calc(var(--_space) / 2);
    font-size: 1.25rem;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }
  }
  select,
  input[type='text'],
  input[type='number'] {
    width: 100%;
  }
  .colour-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.5rem 1rem;
    margin: 0.5rem 0;
  }
  .colour {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .colour label {
    font-weight: normal;
  }
  input[type='color'] {
    flex: none;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0.125rem;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_background);
  }
  .contrast {
    margin: 0.5rem 0;
  }
  .warnings {
    margin: 0;
    padding-inline-start: 1.25rem;
    color: var(--_error);
    font-weight: 600;
  }
  .preview {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    min-height: 6rem;
  }
  textarea {
    width: 100%;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    font-size: 0.875rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .alert {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: calc(var(--_space) / 2);
    color: var(--_error);
    font-weight: 600;
  }
`;
