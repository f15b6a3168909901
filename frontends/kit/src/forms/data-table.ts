import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row, index: number) => unknown;
  /** This column's cells name their row (`<th scope="row">`): usually the first column. */
  readonly rowHeader?: boolean;
  /** Classes of the column's cells (e.g. `ip` for long unbreakable values). */
  readonly class?: string;
}

export interface DataTableOptions<Row> {
  /** `part` names besides `table` (e.g. `sessions-table`), for `::part()` styling and tests. */
  readonly part?: string;
  /** The id of the heading that names the table; else give a `caption`. */
  readonly labelledBy?: string;
  /** A caption naming the table (GOV.UK's `govuk-table__caption`); `captionHidden` keeps it for screen readers only. */
  readonly caption?: string;
  readonly captionHidden?: boolean;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** Shown instead of the table when there are no rows. */
  readonly empty: string;
  /** Classes of a row (e.g. `revoked`). */
  readonly rowClass?: (row: Row) => string | undefined;
}

/**
 * A data table (GOV.UK's table): named by a caption or a heading, column headers with `scope="col"`, row headers
 * with `scope="row"`, a sentence instead when there are no rows. On narrow screens it scrolls sideways inside a
 * named region that keyboard users can focus and scroll (WCAG 2.1.1), so the page itself never does.
 */
export function renderDataTable<Row>(options: DataTableOptions<Row>): TemplateResult {
  if (!options.rows.length) return html`<p class="empty">${options.empty}</p>`;
  const part = options.part ? `table ${options.part}` : 'table';
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby=${ifDefined(options.labelledBy)} aria-label=${ifDefined(options.labelledBy ? undefined : options.caption)}>
    <table part=${part} aria-labelledby=${ifDefined(options.caption ? undefined : options.labelledBy)}>
      ${options.caption ? html`<caption class=${options.captionHidden ? 'visually-hidden' : 'caption'}>${options.caption}</caption>` : nothing}
      <thead>
        <tr>
          ${options.columns.map((column) => html`<th scope="col">${column.header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${options.rows.map(
          (row, index) => html`<tr class=${ifDefined(options.rowClass?.(row) || undefined)}>
            ${options.columns.map((column) =>
              column.rowHeader
                ? html`<th scope="row" class=${ifDefined(column.class)}>${column.cell(row, index)}</th>`
                : html`<td class=${ifDefined(column.class)}>${column.cell(row, index)}</td>`,
            )}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
