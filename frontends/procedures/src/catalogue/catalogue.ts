import { GemengElement } from '@gemeng/frontend-kit';
import { html, type PropertyDeclarations } from 'lit';

/**
 * A commune's catalogue of procedures (work in progress).
 *
 * @element gemeng-procedures
 * @summary A commune's procedures: search, categories, fees and processing times, each leading to its form.
 *
 * @attr {string} commune - The commune's slug, e.g. `dudelange`.
 */
export class ProcedureCatalogue extends GemengElement {
  static override properties: PropertyDeclarations = {
    ...GemengElement.properties,
    commune: { type: String },
  };

  declare commune: string | undefined;

  protected override render() {
    return this.attributeProblem() ?? html`<div part="catalogue"></div>`;
  }
}
