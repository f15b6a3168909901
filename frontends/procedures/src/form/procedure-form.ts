import { AuthElement } from '@gemeng/frontend-identity';
import { html, type PropertyDeclarations } from 'lit';

/**
 * A procedure's online form (work in progress).
 *
 * @element gemeng-procedure-form
 * @summary A commune's procedure, online: what you need, the form with drafts saved as you type, the receipt.
 *
 * @attr {string} commune - The commune's slug, e.g. `dudelange`.
 * @attr {string} procedure - The procedure's code; `?procedure=` of the page's address when absent.
 */
export class ProcedureForm extends AuthElement {
  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    commune: { type: String },
    procedure: { type: String },
  };

  declare commune: string | undefined;
  declare procedure: string | undefined;

  protected override render() {
    return this.attributeProblem() ?? html`<div part="form"></div>`;
  }
}
