/** The languages Gemeng speaks: Luxembourg's three official languages, plus English. */
export const LANGUAGES = Object.freeze(['lb', 'fr', 'de', 'en'] as const);
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself (autonym), for language choosers: the same in every page language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = Object.freeze({
  lb: 'Lëtzebuergesch',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
});

/**
 * Used when nothing the reader asked for is available: French, the language of Luxembourg's administration and
 * the one most residents without Luxembourgish or German read (e.g. Portuguese speakers).
 */
export const DEFAULT_LANGUAGE: Language = 'fr';

/** Dates and times are shown in Luxembourg time whatever the reader's computer says: the communes are there. */
export const TIME_ZONE = 'Europe/Luxembourg';

/**
 * Where a text missing in a language is looked up next (messages, and texts stored per language in the database).
 * One order per language, explained in the README: Luxembourgish readers read German first (the language they
 * learnt to read in), then French; German readers English before French, and Luxembourgish last (its spelling is
 * unfamiliar to them); French and English readers each other's language, then German.
 */
export const FALLBACKS: Readonly<Record<Language, readonly Language[]>> = Object.freeze({
  lb: Object.freeze(['lb', 'de', 'fr', 'en'] as const),
  fr: Object.freeze(['fr', 'en', 'de', 'lb'] as const),
  de: Object.freeze(['de', 'en', 'fr', 'lb'] as const),
  en: Object.freeze(['en', 'fr', 'de', 'lb'] as const),
});

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** ISO 639-2 codes and country-as-language mistakes some systems still send. */
const ALIASES: Readonly<Record<string, Language>> = Object.freeze({
  ltz: 'lb',
  lu: 'lb',
  fra: 'fr',
  fre: 'fr',
  deu: 'de',
  ger: 'de',
  eng: 'en',
});

/** Maps a BCP 47 tag (`fr-LU`, `DE`, `lb_LU`, `ltz`) to a supported language, or `undefined`. */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const language = ALIASES[primary] ?? primary;
  return isLanguage(language) ? language : undefined;
}

/**
 * Locales for Intl formatters: Luxembourg's conventions first, then the language's fallbacks. A list, because
 * Chromium ships no Luxembourgish number or date data: Intl then picks de-LU instead of the browser's default.
 */
export function intlLocales(language: Language): string[] {
  return FALLBACKS[language].map((candidate) => `${candidate}-LU`);
}
