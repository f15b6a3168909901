import { intlLocales, type Language, TIME_ZONE } from './languages.ts';
import { hasLuxembourgishDates, LuxembourgishDateTimeFormat } from './lb-dates.ts';
import { LuxembourgishListFormat } from './lb-lists.ts';

// Intl formatters are costly to build: one per language and options, built on first use.
const cache = new Map<string, unknown>();
function cached<T>(key: string, build: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

export function numberFormat(language: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(
    `n|${language}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(intlLocales(language), options),
  );
}

export function pluralRules(language: Language, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return cached(`p|${language}|${JSON.stringify(options)}`, () => new Intl.PluralRules(intlLocales(language), options));
}

export function formatNumber(language: Language, value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(language, options).format(value);
}

/** Money travels as integer cents to avoid floating-point amounts: `formatEuroCents('fr', 123450)` → `1.234,50 €` (Luxembourg groups thousands with a dot). */
export function formatEuroCents(language: Language, cents: number): string {
  return numberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/**
 * The date formatter of `language`, in Luxembourg time unless `options.timeZone` says otherwise. Luxembourgish
 * gets its own month and weekday names also where the runtime has no Luxembourgish data (Chromium; see
 * `lb-dates.ts`).
 */
export function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(`d|${language}|${JSON.stringify(options)}`, () => {
    const withZone = { timeZone: TIME_ZONE, ...options };
    return language === 'lb' && !hasLuxembourgishDates()
      ? new LuxembourgishDateTimeFormat(withZone)
      : new Intl.DateTimeFormat(intlLocales(language), withZone);
  });
}

/** A date (and time) in Luxembourg time, whatever the reader's computer says. */
export function formatDateTime(
  language: Language,
  value: string | number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' },
): string {
  return dateTimeFormat(language, options).format(value instanceof Date ? value : new Date(value));
}

/**
 * `formatList('de', ['A', 'B', 'C'])` → `A, B und C`; `type: 'disjunction'` for "or". Luxembourgish lists are
 * de-LU's with Luxembourgish words in every runtime (`A, B an C`, `A, B oder C`; see `lb-lists.ts`).
 */
export function formatList(
  language: Language,
  items: Iterable<string>,
  options: Intl.ListFormatOptions = { type: 'conjunction' },
): string {
  const format = cached(`l|${language}|${JSON.stringify(options)}`, () =>
    language === 'lb' ? new LuxembourgishListFormat(options) : new Intl.ListFormat(intlLocales(language), options),
  );
  return format.format(items);
}

/** Today's date in Luxembourg as `yyyy-mm-dd`, whatever the computer's time zone: the communes' calendar day. */
export function todayInLuxembourg(now: Date = new Date()): string {
  const format = cached(
    'today',
    () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }),
  );
  return format.format(now);
}
