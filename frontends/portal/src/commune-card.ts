import {
  ConfigurationError,
  formatDateTime,
  GemengElement,
  GraphQLRequestError,
  graphqlRequest,
  integerBetween,
} from '@gemeng/frontend-kit';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { communeCardLinks } from './commune-card-links.ts';
import {
  COMMUNE_CARD_QUERY,
  type Commune,
  type CommuneCardErrorDetail,
  type CommuneCardOptions,
  isNotFound,
  type LoadState,
} from './commune-card-query.ts';
import { communeCardStyles } from './commune-card-styles.ts';
import { communeCardMessages, t } from './messages.ts';

export {
  COMMUNE_CARD_QUERY,
  type Commune,
  type CommuneCardData,
  type CommuneCardErrorDetail,
  type CommuneCardOptions,
} from './commune-card-query.ts';

/**
 * A commune's identity card: name, population, online procedures and next events, in Luxembourgish, French,
 * German or English. Procedures and events are plain titles; each links to its page once the portal has one
 * (`communeCardLinks`). With `heading-level="1"` the card is the page's main content and names the page
 * (`gemeng-title`).
 *
 * @element gemeng-commune-card
 * @summary A commune's card: name, population, online procedures and next events.
 *
 * @attr {string} commune - Slug of the commune to show, e.g. `dudelange`. Required.
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the
 *   browser.
 * @attr {string} endpoint - GraphQL endpoint. Defaults to `gemengConfig.graphqlEndpoint` set by `/embed.js`,
 *   then `<meta name="gemeng:graphql-endpoint">`, then `http://127.0.0.1:4000/graphql`.
 * @attr {1|2|3|4|5} [heading-level=2] - Level of the main heading; section headings are one deeper.
 *
 * @fires gemeng-loaded - The commune was loaded; `detail.commune` holds the data.
 * @fires gemeng-error - Loading failed; `detail` is a {@link CommuneCardErrorDetail}.
 * @fires gemeng-title - With `heading-level="1"`, once loaded: `detail.title` is the commune's name (the portal
 *   puts it in the page's title).
 *
 * @csspart card - The card container (carries `aria-busy` while loading).
 * @csspart heading - The commune's name.
 * @csspart population - The population line.
 * @csspart procedures - The list of procedures.
 * @csspart all-procedures - The link to the commune's whole catalogue of procedures.
 * @csspart events - The list of upcoming events.
 * @csspart status - The "Loading…" line.
 * @csspart alert - The error and not-found messages.
 * @csspart retry - The retry button.
 *
 * @cssprop --gemeng-font-family - Font stack.
 * @cssprop --gemeng-color-text - Text colour (default #1b1b1b).
 * @cssprop --gemeng-color-muted - Secondary text (default #4a4a4a).
 * @cssprop --gemeng-color-background - Card background (default #ffffff).
 * @cssprop --gemeng-color-surface - Background of list items (default #f4f6f8).
 * @cssprop --gemeng-color-accent - Headings, links and buttons (default #00558c).
 * @cssprop --gemeng-color-on-accent - Text on accent (default #ffffff).
 * @cssprop --gemeng-color-error - Error messages (default #a4000f).
 * @cssprop --gemeng-color-border - Card border (default #6b6b6b).
 * @cssprop --gemeng-color-focus - Focus ring (default #ffbf47).
 * @cssprop --gemeng-radius - Corner radius (default 0.5rem).
 * @cssprop --gemeng-spacing - Base spacing (default 1rem).
 */
export class CommuneCard extends GemengElement {
  static override readonly defaults: Readonly<CommuneCardOptions> = Object.freeze({
    ...GemengElement.defaults,
    headingLevel: 2,
  });

  static override properties: PropertyDeclarations = {
    ...GemengElement.properties,
    commune: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    state: { state: true },
  };

  static override attributeRules = [...GemengElement.attributeRules, integerBetween('heading-level', 1, 5)];

  static override messages = [communeCardMessages];

  static override styles = [...GemengElement.styles, communeCardStyles];

  declare commune: string | undefined;
  declare headingLevel: number;
  declare protected state: LoadState;

  #controller: AbortController | undefined;

  constructor() {
    super();
    this.headingLevel = CommuneCard.defaults.headingLevel;
    this.state = { status: 'idle' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
    this.#controller = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the DOM: load again if the previous request was aborted on disconnect.
    if (this.hasUpdated && this.state.status === 'loading') void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // In willUpdate, not updated: the synchronous switch to "loading" joins this render instead of a second one.
    if (changed.has('commune') || changed.has('language') || changed.has('endpoint')) void this.load();
  }

  /** Loads (again) the current commune; the previous request is aborted. Called by the retry button. */
  async load(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const previous = this.state.status === 'loaded' ? this.state.commune : undefined;
    let endpoint: string;
    let slug: string;
    try {
      slug = this.#requireCommune();
      endpoint = this.resolvedEndpoint();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      this.state = { status: 'config-error', error };
      // Webmasters look in the console first.
      console.error(error);
      this.#emitError(error, 'config');
      return;
    }
    this.state = { status: 'loading', previous };
    try {
      const data = await graphqlRequest(
        endpoint,
        COMMUNE_CARD_QUERY,
        { slug },
        { lang: this.language, signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      if (!data.commune) return this.#notFound(slug, new Error(`No commune with slug "${slug}"`));
      this.state = { status: 'loaded', commune: data.commune };
      this.dispatchEvent(
        new CustomEvent('gemeng-loaded', { detail: { commune: data.commune }, bubbles: true, composed: true }),
      );
      // The card is the page's main content: the page is named after the commune.
      if (this.#level(0) === 1) {
        const detail = { title: data.commune.name };
        this.dispatchEvent(new CustomEvent('gemeng-title', { detail, bubbles: true, composed: true }));
      }
    } catch (error) {
      // A newer request replaced this one: its outcome no longer matters.
      if (controller.signal.aborted) return;
      const requestError = GraphQLRequestError.from(error);
      if (isNotFound(requestError)) this.#notFound(slug, requestError);
      else {
        this.state = { status: 'error', error: requestError };
        this.#emitError(requestError, requestError.kind);
      }
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  #requireCommune(): string {
    const slug = this.commune?.trim();
    if (!slug) {
      throw new ConfigurationError(
        'the "commune" attribute is missing: write <gemeng-commune-card commune="dudelange">.',
      );
    }
    return slug;
  }

  #notFound(slug: string, error: Error): void {
    this.state = { status: 'not-found', slug };
    // The not-found message is shown in place; the webmaster's console names the attribute.
    this.attributeCheck.warn({ attribute: 'commune', value: slug });
    this.#emitError(error, 'not-found');
  }

  #emitError(error: Error, kind: string): void {
    const detail: CommuneCardErrorDetail = { error, kind };
    this.dispatchEvent(new CustomEvent('gemeng-error', { detail, bubbles: true, composed: true }));
  }

  #level(offset: number): number {
    const level = Number.isInteger(this.headingLevel) ? this.headingLevel : CommuneCard.defaults.headingLevel;
    return Math.min(Math.max(level, 1), 5) + offset;
  }

  #heading(offset: number, content: unknown, attributes: { id?: string; part?: string; className?: string }) {
    // Only h1–h6 reach unsafeStatic: the level is clamped above.
    const tag = unsafeStatic(`h${this.#level(offset)}`);
    return staticHtml`<${tag} id=${attributes.id ?? nothing} part=${attributes.part ?? nothing} class=${attributes.className ?? nothing}>${content}</${tag}>`;
  }

  protected override render(): TemplateResult {
    const unknown = this.attributeProblem();
    if (unknown) return unknown;
    const lang = this.language;
    const state = this.state;
    const loading = state.status === 'loading' || state.status === 'idle';
    const commune = state.status === 'loaded' ? state.commune : state.status === 'loading' ? state.previous : undefined;
    return html`
      <article part="card" lang=${lang} aria-busy=${loading ? 'true' : 'false'} aria-labelledby=${commune ? 'name' : nothing}>
        <p part="status" role="status">${loading ? t(lang, 'loading') : nothing}</p>
        ${this.#renderProblem()}
        ${commune ? this.#renderCommune(commune) : nothing}
      </article>
    `;
  }

  #renderProblem(): TemplateResult | typeof nothing {
    const lang = this.language;
    const state = this.state;
    switch (state.status) {
      case 'not-found':
        return html`<div part="alert" role="alert">
          <p><strong>${t(lang, 'notFoundTitle')}</strong></p>
          <p>${t(lang, 'notFound', { slug: state.slug })}</p>
        </div>`;
      case 'error':
        return html`<div part="alert" role="alert">
          <p><strong>${t(lang, 'errorTitle')}</strong></p>
          <p>${t(lang, 'errorHint')}</p>
          <button part="retry" type="button" @click=${() => void this.load()}>${t(lang, 'retry')}</button>
        </div>`;
      case 'config-error':
        return html`<div part="alert" role="alert">
          <p><strong>${t(lang, 'configError', { detail: state.error.message })}</strong></p>
        </div>`;
      default:
        return nothing;
    }
  }

  /** The link to the commune's whole catalogue, where the portal has one and the commune offers any procedure. */
  #allProcedures(commune: Commune): TemplateResult | typeof nothing {
    const href = commune.procedures.length > 0 ? communeCardLinks.procedures(commune.slug) : undefined;
    return href ? html`<p part="all-procedures"><a href=${href}>${t(this.language, 'allProcedures')}</a></p>` : nothing;
  }

  #renderCommune(commune: Commune): TemplateResult {
    const lang = this.language;
    const linked = (title: string, href: string | undefined) => (href ? html`<a href=${href}>${title}</a>` : title);
    return html`<div class="content">
      ${this.#heading(0, commune.name, { id: 'name', part: 'heading' })}
      <p part="population">
        <span class="visually-hidden">${t(lang, 'population')}: </span>${t(lang, 'inhabitants', {
          count: commune.population,
        })}
      </p>

      ${this.#heading(1, t(lang, 'procedures'), { id: 'procedures', className: 'section-heading' })}
      ${
        commune.procedures.length > 0
          ? html`<ul part="procedures" aria-labelledby="procedures">
              ${commune.procedures.map(
                (p) => html`<li>${linked(p.title, communeCardLinks.procedure(commune.slug, p))}</li>`,
              )}
            </ul>`
          : html`<p>${t(lang, 'noProcedures')}</p>`
      }
      ${this.#allProcedures(commune)}

      ${this.#heading(1, t(lang, 'events'), { id: 'events', className: 'section-heading' })}
      ${
        commune.upcomingEvents.length > 0
          ? html`<ul part="events" aria-labelledby="events">
              ${commune.upcomingEvents.map(
                (e) => html`<li>
                  <time datetime=${e.startsAt}>${formatDateTime(lang, e.startsAt)}</time>
                  ${linked(e.title, communeCardLinks.event(commune.slug, e))}
                </li>`,
              )}
            </ul>`
          : html`<p>${t(lang, 'noEvents')}</p>`
      }
    </div>`;
  }
}
