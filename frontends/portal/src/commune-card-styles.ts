import { css } from 'lit';

/** The card's look, after the kit's shared styles (theme tokens as `--_*`). */
export const communeCardStyles = css`
      [part='card'] {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        max-width: 40rem;
      }
      [part='card'][aria-busy='true'] .content {
        opacity: 0.6;
      }
      [part='heading'] {
        margin: 0 0 calc(var(--_space) / 4);
        color: var(--_accent);
        font-size: 1.5rem;
        line-height: 1.25;
      }
      .section-heading {
        margin: var(--_space) 0 calc(var(--_space) / 2);
        font-size: 1.125rem;
      }
      [part='population'] {
        margin: 0;
        color: var(--_muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_space) / 4);
      }
      li {
        background: var(--_surface);
        border-radius: calc(var(--_radius) / 2);
        padding: calc(var(--_space) / 4) calc(var(--_space) / 2);
      }
      li a {
        color: var(--_accent);
      }
      time {
        display: block;
        color: var(--_muted);
        font-size: 0.875rem;
      }
      [part='status']:empty {
        display: none;
      }
      [part='alert'] {
        border-inline-start: 4px solid var(--_error);
        padding-inline-start: calc(var(--_space) / 2);
      }
      [part='alert'] strong {
        color: var(--_error);
      }
    `;
