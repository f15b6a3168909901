import { formStyles, GemengElement, gemengStyles, graphql, graphqlRequest, type Language } from '@gemeng/frontend-kit';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type ThemeToken, themeTokens } from './configurator-colors.ts';
import { renderColours, renderLanguage } from './configurator-controls.ts';
import { type CommuneChoice, renderAttributeField } from './configurator-fields.ts';
import {
  controlKind,
  defaultOf,
  fetchManifest,
  MANIFEST_URL,
  type ManifestWidget,
  optionAttributes,
  type WidgetsManifest,
} from './configurator-manifest.ts';
import { configuratorMessages, selectKey, tc } from './configurator-messages.ts';
import { isCustomElementName, snippet } from './configurator-snippet.ts';
import { configuratorStyles } from './configurator-styles.ts';

export const EMBED_COMMUNES_QUERY = graphql(`query EmbedCommunes { communes { slug name } }`);

/** Each language's name in itself, for the language select. */
const _LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  lb: 'Lëtzebuergesch',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

/**
 * The webmaster configurator (the portal's `/embed`): choose a commune, a widget of any frontend package (from
 * `/widgets/manifest.json`), its options, the language and the theme colours; see the real widget live and copy
 * the snippet (the pinned loader with its SRI hash, the element, a `<style>` for the colours).
 *
 * @element gemeng-embed-configurator
 * @summary The portal's webmaster configurator: choose a widget and its settings, copy the code to embed it.
 *
 * @attr {string} manifest - URL of the widgets manifest (default `/widgets/manifest.json`).
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language of the texts. Defaults to the closest `[lang]` ancestor, then the browser.
 *
 * @csspart preview - The box around the live widget.
 * @csspart code - The snippet's text area.
 */
export class EmbedConfigurator extends GemengElement {
  static override properties: PropertyDeclarations = {
    ...GemengElement.properties,
    manifestUrl: { type: String, attribute: 'manifest' },
    manifest: { state: true },
    failed: { state: true },
    communes: { state: true },
    tag: { state: true },
    values: { state: true },
    widgetLanguage: { state: true },
    colours: { state: true },
    copyStatus: { state: true },
    previewFailed: { state: true },
  };

  static override styles = [...GemengElement.styles, formStyles, configuratorStyles];
  static override messages = [...GemengElement.messages, configuratorMessages];

  declare manifestUrl: string;
  declare protected manifest: WidgetsManifest | undefined;
  declare protected failed: boolean;
  declare protected communes: readonly CommuneChoice[] | undefined;
  declare protected tag: string;
  /** Attribute values per widget, so that switching back keeps what was chosen. */
  declare protected values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `''`: the widget follows the page's language. */
  declare protected widgetLanguage: Language | '';
  /** Token name → `#rrggbb`, only the changed ones. */
  declare protected colours: Readonly<Record<string, string>>;
  declare protected copyStatus: '' | 'copied' | 'failed';
  declare protected previewFailed: boolean;

  readonly #tokens: readonly ThemeToken[] = themeTokens(String(gemengStyles.cssText));

  constructor() {
    super();
    this.manifestUrl = MANIFEST_URL;
    this.failed = false;
    this.tag = '';
    this.values = {};
    this.widgetLanguage = '';
    this.colours = {};
    this.copyStatus = '';
    this.previewFailed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.manifest) void this.#load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Commune names come in the reader's language.
    if (changed.has('language') && this.hasUpdated) void this.#loadCommunes();
  }

  async #loadCommunes(): Promise<void> {
    try {
      const data = await graphqlRequest(this.resolvedEndpoint(), EMBED_COMMUNES_QUERY, {}, { lang: this.language });
      this.communes = data.communes;
    } catch (error) {
      console.warn(error);
      this.communes = undefined;
    }
  }

  async #load(): Promise<void> {
    const communes = this.#loadCommunes();
    try {
      const manifest = await fetchManifest(this.manifestUrl);
      // The configurator is no widget to embed.
      const widgets = manifest.widgets.filter(
        (widget) => widget.tag !== this.localName && isCustomElementName(widget.tag),
      );
      this.manifest = { ...manifest, widgets };
      this.tag =
        (widgets.find((widget) => widget.attributes.some((a) => a.name === 'commune')) ?? widgets[0])?.tag ?? '';
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
    await communes;
  }

  #widget(): ManifestWidget | undefined {
    return this.manifest?.widgets.find((widget) => widget.tag === this.tag);
  }

  /** An attribute's value as chosen, the first commune when none is chosen yet. */
  #value(widget: ManifestWidget, name: string): string {
    const chosen = this.values[widget.tag]?.[name];
    if (chosen !== undefined) return chosen;
    const attribute = widget.attributes.find((a) => a.name === name);
    return attribute && controlKind(attribute) === 'commune' ? (this.communes?.[0]?.slug ?? '') : '';
  }

  /** The element's attributes: the options that differ from their default, then the language. */
  #attributes(widget: ManifestWidget): [string, string][] {
    const attributes: [string, string][] = [];
    for (const attribute of optionAttributes(widget)) {
      const value = this.#value(widget, attribute.name).trim();
      if (value === '' || value === defaultOf(attribute)) continue;
      attributes.push([attribute.name, controlKind(attribute) === 'boolean' ? '' : value]);
    }
    if (this.widgetLanguage) attributes.push(['lang', this.widgetLanguage]);
    return attributes;
  }

  #changedColours(): [string, string][] {
    return this.#tokens
      .filter((token) => this.colours[token.name] && this.colours[token.name] !== token.defaultValue)
      .map((token) => [token.property, this.colours[token.name] as string]);
  }

  #snippet(widget: ManifestWidget, manifest: WidgetsManifest): string {
    return snippet({
      loaderUrl: new URL(manifest.loader.pinned, location.href).href,
      integrity: manifest.loader.integrity,
      tag: widget.tag,
      attributes: this.#attributes(widget),
      colours: this.#changedColours(),
    });
  }

  #setValue(name: string, value: string): void {
    this.values = { ...this.values, [this.tag]: { ...this.values[this.tag], [name]: value } };
    this.copyStatus = '';
  }

  async #copy(widget: ManifestWidget, manifest: WidgetsManifest): Promise<void> {
    this.copyStatus = '';
    await this.updateComplete;
    try {
      await navigator.clipboard.writeText(this.#snippet(widget, manifest));
      this.copyStatus = 'copied';
    } catch {
      // No clipboard (permission, insecure context): the code is selected, to copy by hand.
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.select();
      this.copyStatus = 'failed';
    }
  }

  protected override updated(): void {
    const widget = this.#widget();
    const container = this.renderRoot.querySelector<HTMLElement>('[part="preview"]');
    if (!widget || !container) return;
    let element = container.firstElementChild as HTMLElement | null;
    if (element?.localName !== widget.tag) {
      element = document.createElement(widget.tag);
      container.replaceChildren(element);
      this.previewFailed = false;
      import(/* @vite-ignore */ new URL(widget.module, location.href).href).catch((error: unknown) => {
        console.error(error);
        this.previewFailed = true;
      });
    }
    const wanted = new Map(this.#attributes(widget));
    for (const name of element.getAttributeNames())
      if (name !== 'style' && !wanted.has(name)) element.removeAttribute(name);
    for (const [name, value] of wanted) if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    const changed = new Map(this.#changedColours());
    for (const token of this.#tokens) {
      const value = changed.get(token.property);
      if (value) element.style.setProperty(token.property, value);
      else element.style.removeProperty(token.property);
    }
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    const manifest = this.manifest;
    const widget = this.#widget();
    return html`<section class="configurator" lang=${lang} aria-labelledby="title">
      <h2 id="title">${tc(lang, 'title')}</h2>
      <p>${tc(lang, 'intro')}</p>
      ${
        this.failed
          ? html`<p role="alert" class="alert">${tc(lang, 'loadFailed')}</p>`
          : !manifest
            ? html`<p role="status">${tc(lang, 'loading')}</p>`
            : widget
              ? this.#renderConfigurator(lang, manifest, widget)
              : nothing
      }
    </section>`;
  }

  #renderConfigurator(lang: Language, manifest: WidgetsManifest, widget: ManifestWidget): TemplateResult {
    const options = optionAttributes(widget);
    const context = {
      lang,
      prefix: 'option',
      communes: this.communes,
      onChange: (name: string, value: string) => this.#setValue(name, value),
    };
    const summary = tc(lang, 'widgetSummary', { tag: selectKey(widget.tag) });
    const code = this.#snippet(widget, manifest);
    return html`<div class="layout">
      <form class="form settings" @submit=${(event: Event) => event.preventDefault()}>
        <h3>${tc(lang, 'settings')}</h3>
        <div class="field">
          <label for="widget">${tc(lang, 'widget')}</label>
          <p class="hint" id="widget-hint">
            ${tc(lang, 'widgetCount', { count: manifest.widgets.length })}
            <span lang=${summary || lang === 'en' ? lang : 'en'}>${summary || widget.summary}</span>
          </p>
          <select id="widget" aria-describedby="widget-hint" @change=${(event: Event) => {
            this.tag = (event.target as HTMLSelectElement).value;
            this.copyStatus = '';
          }}>
            ${manifest.widgets.map((w) => html`<option value=${w.tag} ?selected=${w.tag === widget.tag}>&lt;${w.tag}&gt;</option>`)}
          </select>
        </div>
        ${options.map((attribute) => renderAttributeField(context, attribute, this.#value(widget, attribute.name)))}
        ${options.length ? nothing : html`<p class="hint">${tc(lang, 'noOptions')}</p>`}
        ${renderLanguage(lang, this.widgetLanguage, (value) => {
          this.widgetLanguage = value;
          this.copyStatus = '';
        })}
        ${renderColours(lang, this.#tokens, this.colours, (colours) => {
          this.colours = colours;
          this.copyStatus = '';
        })}
      </form>
      <div class="results">
        <h3 id="preview-heading">${tc(lang, 'preview')}</h3>
        <p class="hint">${tc(lang, 'previewHint')}</p>
        ${this.previewFailed ? html`<p role="alert" class="alert">${tc(lang, 'previewFailed')}</p>` : nothing}
        <div part="preview" class="preview" role="region" aria-labelledby="preview-heading"></div>
        <h3>${tc(lang, 'code')}</h3>
        <div class="field">
          <label for="code">${tc(lang, 'codeLabel')}</label>
          <p class="hint" id="code-hint">${tc(lang, 'codeHint', { version: manifest.version })}</p>
          <textarea part="code" id="code" readonly spellcheck="false" rows=${code.split('\n').length + 1}
            aria-describedby="code-hint" .value=${code}></textarea>
        </div>
        <div class="actions">
          <button type="button" @click=${() => void this.#copy(widget, manifest)}>${tc(lang, 'copy')}</button>
        </div>
        <p role="status" class="copy-status">${this.copyStatus ? tc(lang, this.copyStatus === 'copied' ? 'copied' : 'copyFailed') : ''}</p>
      </div>
    </div>`;
  }
}
