/** The languages Gemeng speaks: Luxembourg's three official languages, plus English. */
export const LANGUAGES = Object.freeze(['lb', 'fr', 'de', 'en'] as const);
export type Language = (typeof LANGUAGES)[number];

/**
 * Used when nothing the reader asked for is available. French, because it is the language of Luxembourg's
 * administration and the one most residents without Luxembourgish or German read (e.g. Portuguese speakers).
 */
export const DEFAULT_LANGUAGE: Language = 'fr';

/**
 * Where a missing message is looked up next. Luxembourgish readers read German first (the school language),
 * German readers Luxembourgish last (the spelling is unfamiliar to them).
 */
export const FALLBACKS: Readonly<Record<Language, readonly Language[]>> = Object.freeze({
  lb: Object.freeze(['lb', 'de', 'fr', 'en'] as const),
  de: Object.freeze(['de', 'en', 'fr', 'lb'] as const),
  fr: Object.freeze(['fr', 'en', 'de', 'lb'] as const),
  en: Object.freeze(['en', 'fr', 'de', 'lb'] as const),
});

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag (`fr-LU`, `DE`, `lb_LU`, `ltz`) to a supported language, or `undefined`. */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  // ISO 639-2 codes some systems still send.
  const aliases: Record<string, Language> = {
    ltz: 'lb',
    lu: 'lb',
    fra: 'fr',
    fre: 'fr',
    deu: 'de',
    ger: 'de',
    eng: 'en',
  };
  const language = aliases[primary] ?? primary;
  return isLanguage(language) ? language : undefined;
}

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

export interface NegotiateOptions {
  /** Defaults to `navigator.languages` when a navigator exists. */
  readonly preferred?: readonly string[];
  readonly fallback?: Language;
}

/**
 * Picks a language for an element: its own `lang`, then the closest `[lang]` ancestor, then the browser's
 * preferred languages, then {@link DEFAULT_LANGUAGE}. Unsupported candidates are skipped, not fatal.
 */
export function negotiateLanguage(element: Element | null, options: NegotiateOptions = {}): Language {
  const preferred = options.preferred ?? (typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));
  const candidates = [
    element?.getAttribute('lang') ?? undefined,
    element ? closestLangAttribute(element) : undefined,
    ...preferred,
  ];
  for (const candidate of candidates) {
    const language = matchLanguage(candidate);
    if (language) return language;
  }
  return options.fallback ?? DEFAULT_LANGUAGE;
}

/**
 * Locales for Intl formatters, Luxembourg's conventions first, then the language's fallbacks. A list, because
 * Chromium ships no Luxembourgish number or date data: Intl then picks de-LU instead of the browser's default.
 */
export function intlLocales(language: Language): string[] {
  return FALLBACKS[language].map((candidate) => `${candidate}-LU`);
}

/** A message with CLDR plural forms; `other` is required because every language has it. */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Message = string | PluralMessage;
export type Catalog<K extends string> = Readonly<Record<K, Message>>;
/** Every key in the first language, partial catalogs allowed in the others (they fall back). */
export type Catalogs<K extends string> = Readonly<{ lb: Catalog<K> } & Partial<Record<Language, Partial<Catalog<K>>>>>;

export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralRule(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocales(language));
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/**
 * Looks `key` up in `language`, then its {@link FALLBACKS}. `{name}` placeholders are replaced from `params`;
 * a `count` param selects the plural form and is formatted with the language's number format.
 */
export function translate<K extends string>(
  catalogs: Catalogs<K>,
  language: Language,
  key: K,
  params: MessageParams = {},
): string {
  for (const candidate of FALLBACKS[language]) {
    const message = catalogs[candidate]?.[key];
    if (message === undefined) continue;
    let text: string;
    if (typeof message === 'string') {
      text = message;
    } else {
      const count = typeof params.count === 'number' ? params.count : Number.NaN;
      // Plural rules come from the language the message was found in, not the one asked for.
      text = (Number.isNaN(count) ? undefined : message[pluralRule(candidate, count)]) ?? message.other;
    }
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? new Intl.NumberFormat(intlLocales(language)).format(value) : value;
    });
  }
  // A missing key is a bug in the widget; showing the key keeps the page usable and the bug visible.
  return key;
}

/** Binds {@link translate} to catalogs, so elements write `t(lang, 'key')`. */
export function createTranslator<K extends string>(catalogs: Catalogs<K>) {
  return (language: Language, key: K, params?: MessageParams): string => translate(catalogs, language, key, params);
}

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(intlLocales(language)).format(value);
}

/** Money travels as integer cents to avoid floating-point amounts. */
export function formatEuroCents(language: Language, cents: number): string {
  return new Intl.NumberFormat(intlLocales(language), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Dates are shown in Luxembourg time whatever the reader's computer says: events happen there. */
export function formatDateTime(
  language: Language,
  value: string | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' },
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocales(language), { timeZone: 'Europe/Luxembourg', ...options }).format(date);
}
