import { type Language, negotiateLanguage } from '@gemeng/i18n';

// The browser part of @gemeng/i18n, for widgets: everything but the Vite plugin and the catalog checks.
export {
  type Catalog,
  type CatalogLoader,
  createMessages,
  DEFAULT_LANGUAGE,
  defineMessages,
  FALLBACKS,
  formatDateTime,
  formatEuroCents,
  formatList,
  formatNumber,
  intlLocales,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  loadMessages,
  type MessageSet,
  Messages,
  type MessageValues,
  matchLanguage,
  negotiateLanguage,
  TIME_ZONE,
  type Translate,
} from '@gemeng/i18n';

/** The closest `lang` attribute above `element`, crossing shadow roots so that nested widgets inherit. */
export function closestLangAttribute(element: Element): string | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const value = node.getAttribute('lang');
      if (value) return value;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * The language of an element: its own `lang`, then the closest `[lang]` ancestor, then the browser's preferred
 * languages (`preferred`, by default `navigator.languages`), then French. Unsupported values are skipped.
 */
export function elementLanguage(
  element: Element | null,
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []),
): Language {
  // An element's `lang` property: a Lit element reflects it to the attribute only when it renders.
  const own = element instanceof HTMLElement ? element.lang : element?.getAttribute('lang');
  return negotiateLanguage(own, element ? closestLangAttribute(element) : undefined, preferred);
}
