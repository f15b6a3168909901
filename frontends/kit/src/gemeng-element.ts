import { css, LitElement, type PropertyDeclaration, type PropertyDeclarations, type TemplateResult } from 'lit';
import { AttributeChecker, type AttributeRule, languageRule } from './attributes.ts';
import { resolveEndpoint } from './config.ts';
import { formMessages } from './forms/messages.ts';
import { elementLanguage, type Language, loadMessages, type MessageSet } from './i18n.ts';

/**
 * Theme tokens a commune webmaster may override on the element or any ancestor, e.g.
 * `gemeng-commune-card { --gemeng-color-accent: #00558c; }`. The defaults meet WCAG 2.1 AA contrast (≥ 4.5:1)
 * on the default background; overrides are the webmaster's responsibility.
 */
export const gemengStyles = css`
  :host {
    --_font: var(--gemeng-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--gemeng-color-text, #1b1b1b);
    --_muted: var(--gemeng-color-muted, #4a4a4a);
    --_background: var(--gemeng-color-background, #ffffff);
    --_surface: var(--gemeng-color-surface, #f4f6f8);
    --_accent: var(--gemeng-color-accent, #00558c);
    --_on-accent: var(--gemeng-color-on-accent, #ffffff);
    --_error: var(--gemeng-color-error, #a4000f);
    --_border: var(--gemeng-color-border, #6b6b6b);
    --_focus: var(--gemeng-color-focus, #ffbf47);
    --_radius: var(--gemeng-radius, 0.5rem);
    --_space: var(--gemeng-spacing, 1rem);
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    color: var(--_text);
    background: var(--_background);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* A two-colour focus ring stays visible on light and dark themes. */
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--_text);
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Options every widget has; subclasses extend it and their `static defaults`. */
export interface GemengElementOptions {
  readonly endpoint?: string;
}

/**
 * Base class for Gemeng widgets: shared theme, language negotiation (`lang` attribute, then the closest
 * `[lang]` ancestor, then the browser) that follows changes of the page's `<html lang>`, messages loaded before
 * rendering, and endpoint resolution. Subclasses read `this.language` and `this.resolvedEndpoint()`, and list their
 * message sets in `static messages` (`defineMessages(…)` from `@gemeng/i18n`): an update waits until the current
 * language's catalogs are loaded, so `t(this.language, 'key', { … })` is synchronous in `render`.
 */
export class GemengElement extends LitElement {
  /** Frozen so a page cannot change every widget's defaults by accident; copy and override instead. */
  static readonly defaults: Readonly<GemengElementOptions> = Object.freeze({});

  static override properties: PropertyDeclarations = {
    lang: { type: String, reflect: true },
    endpoint: { type: String },
    language: { state: true },
  };

  static override styles = [gemengStyles];

  /** The message sets `render` uses; subclasses list theirs (e.g. `[accountMessages, authMessages]`). */
  static messages: readonly MessageSet[] = [];

  /** The attribute values a widget accepts (see `attributes.ts`); subclasses add theirs to their parent's. */
  static attributeRules: readonly AttributeRule[] = [languageRule];

  // `declare` (no class field) so the fields do not shadow Lit's reactive accessors under define semantics.
  declare lang: string;
  /** GraphQL endpoint; falls back to the page config (see `resolveEndpoint`). */
  declare endpoint: string | undefined;
  /** The negotiated language, updated when `lang` or an ancestor's `lang` changes. */
  declare language: Language;

  #langObserver: MutationObserver | undefined;
  /** Set when `lang` changes, so that the language is negotiated again before the messages are loaded. */
  #langChanged = false;

  /** Checks the attributes before each render: one warning per unknown value, and {@link attributeProblem}. */
  protected readonly attributeCheck = new AttributeChecker(
    this,
    () => (this.constructor as typeof GemengElement).attributeRules,
  );

  /** A subclass's `render` starts with it: the short message shown in place when an attribute value is unknown. */
  protected attributeProblem(): TemplateResult | undefined {
    return this.attributeCheck.render(this.language);
  }

  constructor() {
    super();
    this.language = elementLanguage(null);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = elementLanguage(this);
    // The shell switches language by changing <html lang>; widgets without their own `lang` follow it.
    this.#langObserver = new MutationObserver(() => {
      this.language = elementLanguage(this);
    });
    this.#langObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = undefined;
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if (name === 'lang') this.#langChanged = true;
    super.requestUpdate(name, oldValue, options);
  }

  /**
   * Renders once the current language's messages are loaded (at once when they already are). A language that
   * changes while loading is loaded too; one that cannot be loaded renders in its fallback (see `Messages.load`).
   */
  protected override scheduleUpdate(): Promise<void> | undefined {
    if (this.#langChanged) {
      this.#langChanged = false;
      this.language = elementLanguage(this);
    }
    // The kit's own texts (form pieces, unknown attribute values) load with every widget's.
    const sets = [formMessages, ...(this.constructor as typeof GemengElement).messages];
    if (!sets.every((set) => set.isLoaded(this.language))) return this.#loadThenUpdate(sets);
    super.scheduleUpdate();
    return undefined;
  }

  async #loadThenUpdate(sets: readonly MessageSet[]): Promise<void> {
    let language: Language;
    do {
      language = this.language;
      try {
        await loadMessages(sets, language);
      } catch (error) {
        console.warn(`<${this.localName}>: messages in ${language} could not be loaded`, error);
      }
    } while (this.language !== language);
    super.scheduleUpdate();
  }

  /** Throws a ConfigurationError for an unusable endpoint, so subclasses can show it. */
  protected resolvedEndpoint(): string {
    return resolveEndpoint(this.endpoint ?? this.getAttribute('endpoint'));
  }
}
