import {
  ConfigurationError,
  formatEuroCents,
  formStyles,
  GemengElement,
  GraphQLRequestError,
  graphqlRequest,
  integerBetween,
  renderField,
} from '@gemeng/frontend-kit';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { clampLevel, heading } from '../heading.ts';
import {
  CATALOGUE_QUERY,
  type CatalogueCommune,
  type CatalogueProcedure,
  catalogueVariables,
  formHref,
} from './catalogue-data.ts';
import { catalogueMessages, tc } from './catalogue-messages.ts';
import { catalogueStyles } from './catalogue-styles.ts';

/** How long typing must pause before the graph is asked (and the number found announced). */
const SEARCH_AFTER_MS = 400;

type LoadState =
  | { status: 'loading'; previous?: CatalogueCommune }
  | { status: 'loaded'; commune: CatalogueCommune }
  | { status: 'not-found'; slug: string }
  | { status: 'error' }
  | { status: 'config-error'; message: string };

/**
 * A commune's catalogue of procedures: a search field (the graph searches the four languages, ignoring accents)
 * and the categories as a filter, the number found in a polite live region, and per procedure its title (a link
 * to its form), summary, fee, processing time in working days and whether it is done online or at the counter.
 * With `heading-level="1"` it is the page's main content and names the page (`gemeng-title`).
 *
 * @element gemeng-procedures
 * @summary A commune's procedures: search, categories, fees and processing times, each leading to its form.
 *
 * @attr {string} commune - The commune's slug, e.g. `dudelange`. Required.
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} endpoint - GraphQL endpoint. Defaults to `gemengConfig.graphqlEndpoint` set by `/embed.js`,
 *   then `<meta name="gemeng:graphql-endpoint">`, then `http://127.0.0.1:4000/graphql`.
 * @attr {string} [form-href=/communes/{commune}/procedures/{procedure}] - Where a procedure leads: `{commune}`
 *   and `{procedure}` are replaced by the slug and the code, e.g. `?procedure={procedure}` on a commune website
 *   whose page holds `<gemeng-procedure-form>`.
 * @attr {1|2|3|4|5} [heading-level=2] - Level of the catalogue's heading; procedures are one deeper.
 *
 * @fires gemeng-title - With `heading-level="1"`, once loaded: `detail.title` is the catalogue's heading.
 *
 * @csspart catalogue - The catalogue's section (carries `aria-busy` while loading).
 * @csspart procedures - The list of procedures found.
 * @csspart procedure - One procedure.
 * @csspart status - The number of procedures found (live region).
 * @csspart alert - The error and not-found messages.
 * @csspart retry - The retry button.
 */
export class ProcedureCatalogue extends GemengElement {
  static override properties: PropertyDeclarations = {
    ...GemengElement.properties,
    commune: { type: String, reflect: true },
    formHref: { type: String, attribute: 'form-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    state: { state: true },
    search: { state: true },
    category: { state: true },
  };

  static override attributeRules = [...GemengElement.attributeRules, integerBetween('heading-level', 1, 5)];

  static override messages = [catalogueMessages];

  static override styles = [...GemengElement.styles, formStyles, catalogueStyles];

  declare commune: string | undefined;
  declare formHref: string | undefined;
  declare headingLevel: number;
  declare protected state: LoadState;
  declare protected search: string;
  declare protected category: string;

  #controller: AbortController | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.headingLevel = 2;
    this.state = { status: 'loading' };
    this.search = '';
    this.category = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('commune') || changed.has('language') || changed.has('endpoint')) void this.load();
  }

  /** Loads (again) the procedures for the current search and category; the previous request is aborted. */
  async load(): Promise<void> {
    clearTimeout(this.#searchTimer);
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const slug = this.commune?.trim();
    const previous = this.state.status === 'loaded' ? this.state.commune : undefined;
    let endpoint: string;
    try {
      if (!slug) {
        throw new ConfigurationError(
          'the "commune" attribute is missing: write <gemeng-procedures commune="dudelange">.',
        );
      }
      endpoint = this.resolvedEndpoint();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      console.error(error);
      this.state = { status: 'config-error', message: error.message };
      return;
    }
    this.state = { status: 'loading', ...(previous ? { previous } : {}) };
    try {
      const data = await graphqlRequest(
        endpoint,
        CATALOGUE_QUERY,
        catalogueVariables(slug, this.search, this.category),
        { lang: this.language, signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      if (!data.commune) {
        this.state = { status: 'not-found', slug };
        this.attributeCheck.warn({ attribute: 'commune', value: slug });
        return;
      }
      this.state = { status: 'loaded', commune: data.commune };
      if (clampLevel(this.headingLevel) === 1) {
        const detail = { title: tc(this.language, 'heading', { commune: data.commune.name }) };
        this.dispatchEvent(new CustomEvent('gemeng-title', { detail, bubbles: true, composed: true }));
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      console.warn(GraphQLRequestError.from(error).message);
      this.state = { status: 'error' };
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  #typed(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'category') {
      this.category = target.value;
      void this.load();
      return;
    }
    if (target.name !== 'search') return;
    this.search = target.value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.load(), SEARCH_AFTER_MS);
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    void this.load();
  }

  protected override render(): TemplateResult {
    const problem = this.attributeProblem();
    if (problem) return problem;
    const lang = this.language;
    const state = this.state;
    const commune = state.status === 'loaded' ? state.commune : state.status === 'loading' ? state.previous : undefined;
    const title = commune ? tc(lang, 'heading', { commune: commune.name }) : tc(lang, 'headingNoName');
    return html`<section part="catalogue" lang=${lang} aria-labelledby="catalogue-heading"
      aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
      ${heading(this.headingLevel, 0, title, { id: 'catalogue-heading' })}
      ${this.#renderBody(commune)}
    </section>`;
  }

  #renderBody(commune: CatalogueCommune | undefined): TemplateResult {
    const lang = this.language;
    const state = this.state;
    if (state.status === 'not-found') {
      return html`<p part="alert" role="alert">${tc(lang, 'notFound', { slug: state.slug })}</p>`;
    }
    if (state.status === 'config-error') return html`<p part="alert" role="alert">${state.message}</p>`;
    if (state.status === 'error') {
      return html`<div part="alert" role="alert">
        <p><strong>${tc(lang, 'error')}</strong></p>
        <p>${tc(lang, 'errorHint')}</p>
        <button part="retry" type="button" @click=${() => void this.load()}>${tc(lang, 'retry')}</button>
      </div>`;
    }
    if (!commune) return html`<p role="status">${tc(lang, 'loading')}</p>`;
    return html`<p class="intro">${tc(lang, 'intro')}</p>
      ${this.#renderFilters(commune)}
      <p part="status" role="status">${tc(lang, 'count', { count: commune.procedures.length })}</p>
      ${
        commune.procedures.length > 0
          ? html`<ul part="procedures" aria-labelledby="catalogue-heading">
              ${commune.procedures.map((procedure) => this.#renderProcedure(commune.slug, procedure))}
            </ul>`
          : html`<p>${tc(lang, 'noneHint')}</p>`
      }`;
  }

  #renderFilters(commune: CatalogueCommune): TemplateResult {
    const lang = this.language;
    const form = { lang, prefix: 'catalogue' };
    const categories = [
      { value: '', label: tc(lang, 'allCategories') },
      ...commune.procedureCategories.map((c) => ({ value: c.code, label: c.title })),
    ];
    return html`<form class="filters" role="search" aria-label=${tc(lang, 'search')} novalidate
      @input=${(e: Event) => this.#typed(e)} @change=${(e: Event) => this.#typed(e)}
      @submit=${(e: SubmitEvent) => this.#submit(e)}>
      ${renderField(form, {
        name: 'search',
        label: tc(lang, 'search'),
        hint: tc(lang, 'searchHint'),
        type: 'search',
        value: this.search,
        autocomplete: 'off',
        spellcheck: false,
      })}
      ${
        commune.procedureCategories.length > 1 || this.category
          ? renderField(form, {
              name: 'category',
              label: tc(lang, 'category'),
              control: 'select',
              options: categories,
              value: this.category,
            })
          : nothing
      }
      <div><button type="submit">${tc(lang, 'searchButton')}</button></div>
    </form>`;
  }

  #renderProcedure(slug: string, procedure: CatalogueProcedure): TemplateResult {
    const lang = this.language;
    const online = procedure.channel === 'ONLINE';
    return html`<li part="procedure">
      ${heading(
        this.headingLevel,
        1,
        html`<a href=${formHref(this.formHref, slug, procedure.code)}>${procedure.title}</a>`,
        { className: 'procedure-heading' },
      )}
      <p class="category">${procedure.category.title}</p>
      <p class="summary">${procedure.summary}</p>
      <dl class="facts">
        <dt>${tc(lang, 'channel')}</dt>
        <dd><strong class=${online ? 'tag online' : 'tag'}>${tc(lang, online ? 'online' : 'counter')}</strong></dd>
        <dt>${tc(lang, 'fee')}</dt>
        <dd>${procedure.feeCents > 0 ? formatEuroCents(lang, procedure.feeCents) : tc(lang, 'free')}</dd>
        <dt>${tc(lang, 'processing')}</dt>
        <dd>${tc(lang, 'workingDays', { count: procedure.processingDays })}</dd>
      </dl>
    </li>`;
  }
}
