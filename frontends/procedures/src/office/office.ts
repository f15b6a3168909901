import { AuthElement } from '@gemeng/frontend-identity';
import { html, type PropertyDeclarations } from 'lit';

/**
 * The agents' back office (work in progress).
 *
 * @element gemeng-office
 * @summary The agents' back office: the commune's applications, their detail and the decisions on them.
 *
 * @attr {string} commune - The commune's slug or id; without it, the commune of the agent's role.
 * @attr {string} application - The id of the application shown; without it, the inbox.
 */
export class Office extends AuthElement {
  static override properties: PropertyDeclarations = {
    ...AuthElement.properties,
    commune: { type: String },
    application: { type: String },
  };

  declare commune: string | undefined;
  declare application: string | undefined;

  protected override render() {
    return this.attributeProblem() ?? html`<section part="office"></section>`;
  }
}
