import { AuthElement } from '@gemeng/frontend-identity';
import { html, type PropertyDeclarations } from 'lit';

/**
 * The signed-in citizen's applications (work in progress).
 *
 * @element gemeng-my-applications
 * @summary Your applications: drafts not yet submitted, their state, messages and documents.
 *
 * @attr {string} application - The id of the application to show; the list when absent.
 */
export class MyApplications extends AuthElement {
  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    application: { type: String },
  };

  declare application: string | undefined;

  protected override render() {
    return this.attributeProblem() ?? html`<div part="applications"></div>`;
  }
}
