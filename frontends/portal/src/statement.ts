import { GemengElement, oneOf } from '@gemeng/frontend-kit';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { renderAccessibility } from './statement-accessibility.ts';
import { accessibilityMessages, privacyMessages } from './statement-messages.ts';
import { type Operator, pageOperator } from './statement-operator.ts';
import { renderPrivacy } from './statement-privacy.ts';

export type StatementKind = 'privacy' | 'accessibility';
export const STATEMENT_KINDS: readonly StatementKind[] = ['privacy', 'accessibility'];

/** Detail of the `gemeng-title` event (see the portal's shell). */
export interface StatementTitleDetail {
  readonly title: string;
}

export const statementStyles = css`
  :host {
    max-width: 44rem;
  }
  h1 {
    font-size: 1.75rem;
    line-height: 1.25;
    margin: 0 0 1rem;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: 1.3rem;
    margin: 2rem 0 0.5rem;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1.5rem 0 0.25rem;
  }
  p,
  li,
  dd {
    overflow-wrap: anywhere;
  }
  .lead {
    font-size: 1.1rem;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-bottom: 0.5rem;
    }
  }
  a {
    color: var(--_accent);
  }
  .updated {
    color: var(--_muted);
    margin-top: 2rem;
  }
`;

/**
 * The platform's privacy notice (GDPR Art. 13/14) or accessibility statement (Directive (EU) 2016/2102, Luxembourg's
 * law of 28 May 2019), in the reader's language, with the operator's details from the page
 * (`<meta name="gemeng:operator">`, written by the portal's server from its settings).
 *
 * @element gemeng-statement
 * @summary The platform's privacy notice or accessibility statement, with the operator's contact details.
 *
 * @attr {'privacy'|'accessibility'} [kind=privacy] - Which statement: the privacy notice or the accessibility
 *   statement.
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 *
 * @fires gemeng-title - The page's title, `detail` `{ title }`, when the statement or the language changes
 *   (bubbles, composed): the portal's shell sets the document's title from it.
 *
 * @csspart statement - The statement's container.
 */
export class Statement extends GemengElement {
  static override properties: PropertyDeclarations = {
    ...GemengElement.properties,
    kind: { type: String, reflect: true },
  };

  static override styles = [...GemengElement.styles, statementStyles];
  static override messages = [privacyMessages, accessibilityMessages];
  static override attributeRules = [...GemengElement.attributeRules, oneOf('kind', STATEMENT_KINDS)];

  declare kind: StatementKind;
  /** The operator's details; by default the page's (`<meta name="gemeng:operator">`). */
  operator: Operator | undefined = pageOperator();

  #title: string | undefined;

  constructor() {
    super();
    this.kind = 'privacy';
  }

  override render(): TemplateResult {
    const problem = this.attributeProblem();
    if (problem) return problem;
    const site = globalThis.location?.origin ?? '';
    const body =
      this.kind === 'accessibility'
        ? renderAccessibility(this.language, this.operator, site)
        : renderPrivacy(this.language, this.operator);
    return html`<article part="statement">${body}</article>`;
  }

  override updated(): void {
    const title = this.attributeCheck.problem ? undefined : this.heading();
    if (!title || title === this.#title) return;
    this.#title = title;
    this.dispatchEvent(
      new CustomEvent<StatementTitleDetail>('gemeng-title', { detail: { title }, bubbles: true, composed: true }),
    );
  }

  /** The statement's heading, which is the page's title. */
  heading(): string {
    return this.kind === 'accessibility'
      ? accessibilityMessages.t(this.language, 'title')
      : privacyMessages.t(this.language, 'title');
  }
}

/** `<a href="mailto:…">` for an address, nothing without one. */
export function mailLink(address: string | undefined): TemplateResult | typeof nothing {
  return address ? html`<a href="mailto:${address}">${address}</a>` : nothing;
}
