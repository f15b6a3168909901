import {
  type AuthClient,
  type AuthState,
  authClient,
  ConfigurationError,
  configured,
  formStyles,
  GemengElement,
  GraphQLRequestError,
  graphqlRequest,
  integerBetween,
  renderField,
  resolveIssuer,
} from '@gemeng/frontend-kit';
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import {
  type ChooserCommune,
  COMMUNES_QUERY,
  communePath,
  filterCommunes,
  lastCommune,
  RESIDENCES_QUERY,
  rememberCommune,
  suggestedCommunes,
} from './commune-chooser-data.ts';
import { communeChooserMessages, tch } from './commune-chooser-messages.ts';
import './gemeng-commune-card.ts';

/** How long typing must pause before the number of communes found is announced (screen readers). */
const ANNOUNCE_AFTER_MS = 600;

/**
 * Choosing a commune: a search field that filters the list of active communes (links to their pages, GOV.UK's
 * filtered list: a label, a hint, the count in a polite live region), with the signed-in person's communes of
 * residence first, else the last commune chosen on this device. With `card`, the card of the first of those is
 * shown above.
 *
 * @element gemeng-commune-chooser
 * @summary Choose a commune: search among the active communes, your communes of residence or last choice first.
 *
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} endpoint - GraphQL endpoint. Defaults to `gemengConfig.graphqlEndpoint` set by `/embed.js`,
 *   then `<meta name="gemeng:graphql-endpoint">`, then `http://127.0.0.1:4000/graphql`.
 * @attr {string} issuer - OpenID Connect issuer, to offer a signed-in person their communes of residence.
 *   Defaults to `gemengConfig.oidcIssuer`, then `<meta name="gemeng:oidc-issuer">`; none: no residences.
 * @attr {1|2|3|4|5} [heading-level=2] - Level of the headings (the card's and the chooser's); lists one deeper.
 * @attr {boolean} card - Also show the card of the first commune offered (residence, else last chosen).
 *
 * @fires gemeng-commune-chosen - A commune was chosen (its link followed); `detail.slug`.
 *
 * @csspart chooser - The chooser's section.
 * @csspart suggestions - The list of the communes offered first.
 * @csspart communes - The list of communes found.
 * @csspart status - The number of communes found (live region).
 * @csspart alert - The message when the communes could not be loaded.
 * @csspart retry - Its retry button.
 */
export class CommuneChooser extends GemengElement {
  static override properties: PropertyDeclarations = {
    ...GemengElement.properties,
    issuer: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    card: { type: Boolean },
    communes: { state: true },
    failed: { state: true },
    residences: { state: true },
    typed: { state: true },
    announced: { state: true },
  };

  static override attributeRules = [...GemengElement.attributeRules, integerBetween('heading-level', 1, 5)];

  static override messages = [communeChooserMessages];

  static override styles = [
    ...GemengElement.styles,
    formStyles,
    css`
      [part='chooser'] {
        max-width: 40rem;
      }
      .chooser-heading {
        margin: var(--_space) 0 calc(var(--_space) / 2);
        font-size: 1.25rem;
      }
      .list-heading {
        margin: var(--_space) 0 calc(var(--_space) / 4);
        font-size: 1rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        columns: 14rem auto;
        column-gap: var(--_space);
      }
      li {
        padding: 0.25rem 0;
        break-inside: avoid;
      }
      a {
        color: var(--_accent);
        font-size: 1.0625rem;
      }
      [part='suggestions'] a {
        font-weight: 600;
      }
      [part='status'] {
        margin: calc(var(--_space) / 2) 0;
        color: var(--_muted);
      }
      [part='alert'] {
        border-inline-start: 4px solid var(--_error);
        padding-inline-start: calc(var(--_space) / 2);
      }
    `,
  ];

  declare issuer: string | undefined;
  declare headingLevel: number;
  declare card: boolean;
  declare protected communes: readonly ChooserCommune[] | undefined;
  declare protected failed: boolean;
  declare protected residences: readonly string[];
  declare protected typed: string;
  /** What the live region says: the count once typing paused. */
  declare protected announced: string;

  #controller: AbortController | undefined;
  #auth: AuthClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.card = false;
    this.failed = false;
    this.residences = [];
    this.typed = '';
    this.announced = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connectAuth();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('language') || changed.has('endpoint')) void this.load();
  }

  /** Loads (again) the communes, in the current language; called by the retry button. */
  async load(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.failed = false;
    try {
      const data = await graphqlRequest(
        this.resolvedEndpoint(),
        COMMUNES_QUERY,
        {},
        { lang: this.language, signal: controller.signal },
      );
      if (!controller.signal.aborted) this.communes = data.communes;
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ConfigurationError) console.error(error);
      else console.warn(GraphQLRequestError.from(error).message);
      this.failed = true;
    }
  }

  #connectAuth(): void {
    this.#unsubscribe?.();
    let issuer: string | undefined;
    try {
      issuer = resolveIssuer(this.issuer ?? this.getAttribute('issuer'));
    } catch (error) {
      console.warn(error);
    }
    // No sign-in on this page: nobody to offer residences to.
    if (!issuer) return;
    this.#auth = authClient({ issuer, clientId: configured('oidcClientId') });
    this.#unsubscribe = this.#auth.subscribe((state) => void this.#loadResidences(state));
  }

  async #loadResidences(state: AuthState): Promise<void> {
    const auth = this.#auth;
    if (state.status !== 'signed-in' || !auth) {
      if (state.status === 'anonymous') this.residences = [];
      return;
    }
    try {
      const data = await graphqlRequest(
        this.resolvedEndpoint(),
        RESIDENCES_QUERY,
        {},
        { lang: this.language, accessToken: () => auth.getAccessToken() },
      );
      this.residences = data.me?.communesOfResidence.filter((c) => c.active).map((c) => c.slug) ?? [];
    } catch (error) {
      // The list still works without them.
      console.warn('Communes of residence not loaded:', error);
    }
  }

  #heading(offset: number, content: string, id: string, className: string): TemplateResult {
    const level = Number.isInteger(this.headingLevel) ? Math.min(Math.max(this.headingLevel, 1), 5) : 2;
    // Only h1–h6 reach unsafeStatic: the level is clamped above.
    const tag = unsafeStatic(`h${level + offset}`);
    return staticHtml`<${tag} id=${id} class=${className}>${content}</${tag}>`;
  }

  #input(event: Event): void {
    this.typed = (event.target as HTMLInputElement).value;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.announced = this.typed ? tch(this.language, 'count', { count: this.#found().length }) : '';
    }, ANNOUNCE_AFTER_MS);
  }

  /** Enter in the field follows the first commune found, as a click on its link would. */
  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const first = this.renderRoot.querySelector<HTMLAnchorElement>('[part="communes"] a');
    if (first) first.click();
    else this.announced = tch(this.language, 'count', { count: 0 });
  }

  #chosen(slug: string): void {
    rememberCommune(slug);
    this.dispatchEvent(new CustomEvent('gemeng-commune-chosen', { detail: { slug }, bubbles: true, composed: true }));
  }

  #found(): ChooserCommune[] {
    return filterCommunes(this.communes ?? [], this.typed, this.language);
  }

  #links(communes: readonly ChooserCommune[], part: string, labelledBy: string): TemplateResult {
    return html`<ul part=${part} aria-labelledby=${labelledBy}>
      ${communes.map(
        (commune) =>
          html`<li><a href=${communePath(commune.slug)} @click=${() => this.#chosen(commune.slug)}>${commune.name}</a></li>`,
      )}
    </ul>`;
  }

  protected override render(): TemplateResult {
    const problem = this.attributeProblem();
    if (problem) return problem;
    const lang = this.language;
    const suggested = this.communes ? suggestedCommunes(this.communes, this.residences, lastCommune()) : undefined;
    const shown = this.card ? suggested?.communes[0] : undefined;
    return html`
      ${shown ? html`<gemeng-commune-card commune=${shown.slug} heading-level=${this.headingLevel}></gemeng-commune-card>` : nothing}
      <section part="chooser" lang=${lang} aria-labelledby="chooser-heading" aria-busy=${this.communes || this.failed ? 'false' : 'true'}>
        ${this.#heading(0, tch(lang, shown ? 'headingOther' : 'heading'), 'chooser-heading', 'chooser-heading')}
        ${this.failed ? this.#renderFailure() : this.communes ? this.#renderLists(suggested) : html`<p role="status">${tch(lang, 'loading')}</p>`}
      </section>
    `;
  }

  #renderFailure(): TemplateResult {
    const lang = this.language;
    return html`<div part="alert" role="alert">
      <p>${tch(lang, 'error')}</p>
      <button part="retry" type="button" @click=${() => void this.load()}>${tch(lang, 'retry')}</button>
    </div>`;
  }

  #renderLists(suggested: ReturnType<typeof suggestedCommunes>): TemplateResult {
    const lang = this.language;
    const found = this.#found();
    return html`
      ${
        suggested
          ? html`${this.#heading(
              1,
              suggested.kind === 'residences'
                ? tch(lang, 'residences', { count: suggested.communes.length })
                : tch(lang, 'last'),
              'suggested-heading',
              'list-heading',
            )}
            ${this.#links(suggested.communes, 'suggestions', 'suggested-heading')}`
          : nothing
      }
      <form role="search" aria-labelledby="chooser-heading" @input=${(e: Event) => this.#input(e)}
        @submit=${(e: SubmitEvent) => this.#submit(e)}>
        ${renderField(
          { lang, prefix: 'chooser' },
          {
            name: 'search',
            label: tch(lang, 'search'),
            hint: tch(lang, 'searchHint'),
            type: 'search',
            value: this.typed,
            autocomplete: 'off',
            spellcheck: false,
          },
        )}
      </form>
      <p part="status" role="status">${this.announced}</p>
      ${this.#heading(1, tch(lang, 'all'), 'all-heading', 'list-heading')}
      ${found.length > 0 ? this.#links(found, 'communes', 'all-heading') : html`<p>${tch(lang, 'count', { count: 0 })}</p>`}
    `;
  }
}
