import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { type Formatters, IntlMessageFormat } from 'intl-messageformat';
import { dateTimeFormat, numberFormat, pluralRules } from './format.ts';
import { FALLBACKS, intlLocales, LANGUAGES, type Language, TIME_ZONE } from './languages.ts';

/**
 * A message as written (an ICU MessageFormat string) or as `@gemeng/i18n/vite` precompiled it (its syntax tree),
 * so that browser bundles format without shipping the parser.
 */
export type MessageSource = string | MessageFormatElement[];
/** One language's messages of one feature: the content of `messages/<feature>/<language>.json`. */
export type Catalog = Readonly<Record<string, MessageSource>>;
/** `() => import('./messages/account/lb.json')`: one language, loaded when first needed. */
export type CatalogLoader<C extends object = object> = () => Promise<C | { readonly default: C }>;
export type MessageValues = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;
/** What call sites write: `t(this.language, 'signedIn', { name })`. */
export type Translate<K extends string> = (language: Language, key: K, values?: MessageValues) => string;

/** ICU's `date`/`time` styles (`{when, date, long}`), in Luxembourg time like {@link formatDateTime}. */
const FORMATS = Object.fromEntries(
  (['date', 'time'] as const).map((type) => [
    type,
    Object.fromEntries(
      Object.entries(IntlMessageFormat.formats[type]).map(([style, options]) => [
        style,
        { ...options, timeZone: TIME_ZONE },
      ]),
    ),
  ]),
);

/**
 * The formatters of a message in `language`: this package's cached ones, so that `{when, date, long}` in
 * Luxembourgish gets Luxembourgish month names also where the runtime has no Luxembourgish data (format.ts).
 */
function formattersOf(language: Language): Formatters {
  return {
    getNumberFormat: (_locales, options) => numberFormat(language, options as Intl.NumberFormatOptions),
    getDateTimeFormat: (_locales, options) => dateTimeFormat(language, options),
    getPluralRules: (_locales, options) => pluralRules(language, options),
  };
}

/** What loads: a feature's messages whatever their keys (what `GemengElement`'s `static messages` lists). */
export interface MessageSet {
  readonly feature: string;
  isLoaded(language: Language): boolean;
  load(language: Language): Promise<void>;
}

/** One warning per problem, not one per render. */
const warned = new Set<string>();
function warnOnce(text: string): void {
  if (warned.has(text)) return;
  warned.add(text);
  console.warn(`[@gemeng/i18n] ${text}`);
}

/**
 * The messages of one feature in the four languages. In the browser each language is loaded when first needed
 * ({@link Messages.load}, which `GemengElement` calls before rendering); {@link Messages.t} is synchronous and looks
 * a key up in the language, then in its {@link FALLBACKS} among the languages loaded. It never returns a key: a
 * message found nowhere (which the completeness test prevents) is an empty string and a console warning.
 */
export class Messages<K extends string = string> implements MessageSet {
  readonly feature: string;
  readonly #sources: Readonly<Record<Language, CatalogLoader | Catalog>>;
  readonly #catalogs = new Map<Language, Catalog>();
  readonly #loading = new Map<Language, Promise<void>>();
  readonly #formats = new Map<string, IntlMessageFormat>();

  constructor(feature: string, sources: Readonly<Record<Language, CatalogLoader | Catalog>>) {
    this.feature = feature;
    this.#sources = sources;
    for (const language of LANGUAGES) {
      const source = sources[language];
      if (typeof source !== 'function') this.#catalogs.set(language, source);
    }
  }

  /** Whether `language`'s catalog is there, so that {@link t} can answer in it. */
  isLoaded(language: Language): boolean {
    return this.#catalogs.has(language);
  }

  /**
   * Loads `language`'s catalog (once; concurrent calls share the request). When it cannot be loaded (network),
   * the next language of its fallback order is loaded instead; a later call tries the language again.
   */
  async load(language: Language): Promise<void> {
    let lastError: unknown;
    for (const candidate of FALLBACKS[language]) {
      try {
        await this.#loadOne(candidate);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  #loadOne(language: Language): Promise<void> {
    if (this.#catalogs.has(language)) return Promise.resolve();
    let pending = this.#loading.get(language);
    if (!pending) {
      const source = this.#sources[language] as CatalogLoader;
      pending = source()
        .then((module) => {
          const catalog = ('default' in module ? module.default : module) as Catalog;
          this.#catalogs.set(language, catalog);
        })
        .finally(() => this.#loading.delete(language));
      this.#loading.set(language, pending);
    }
    return pending;
  }

  /**
   * Formats `key` in `language` like {@link t}, but throws when the key is in no loaded language or a value is
   * missing: for servers, where such a message (a mail) must not go out at all.
   */
  format(language: Language, key: K, values?: MessageValues): string {
    const candidate = FALLBACKS[language].find((other) => this.#catalogs.get(other)?.[key] !== undefined);
    const source = candidate && this.#catalogs.get(candidate)?.[key];
    if (!candidate || source === undefined) throw new Error(`${this.feature}: "${key}" is in no loaded language`);
    return this.#format(candidate, key, source, values);
  }

  /** Whether `key` is in `language`'s catalog (loaded). */
  has(language: Language, key: string): key is K {
    return this.#catalogs.get(language)?.[key] !== undefined;
  }

  /** Formats `key` in `language` (see the class). Bound, so `const t = messages.t` works. */
  readonly t: Translate<K> = (language, key, values) => {
    for (const candidate of FALLBACKS[language]) {
      const source = this.#catalogs.get(candidate)?.[key];
      if (source === undefined) continue;
      if (candidate !== language && this.#catalogs.has(language)) {
        warnOnce(`${this.feature}: "${key}" is missing in ${language}; shown in ${candidate}.`);
      }
      try {
        return this.#format(candidate, key, source, values);
      } catch (error) {
        warnOnce(`${this.feature}: "${key}" in ${candidate} could not be formatted: ${String(error)}`);
        return '';
      }
    }
    warnOnce(`${this.feature}: "${key}" is in no loaded language (asked for ${language}).`);
    return '';
  };

  #format(language: Language, key: string, source: MessageSource, values: MessageValues | undefined): string {
    const id = `${language}\u0000${key}`;
    let format = this.#formats.get(id);
    if (!format) {
      format = new IntlMessageFormat(source, intlLocales(language), FORMATS, {
        ignoreTag: true,
        formatters: formattersOf(language),
      });
      this.#formats.set(id, format);
    }
    const result = format.format(values as Record<string, string | number | boolean | Date | null | undefined>);
    return Array.isArray(result) ? result.join('') : String(result);
  }
}

type Loaded<L> = L extends () => Promise<infer M> ? (M extends { readonly default: infer C } ? C : M) : never;
/** The keys of any of the languages (distributes over a union of catalogs); the completeness test makes them equal. */
type KeysOf<C> = C extends unknown ? Extract<keyof C, string> : never;

/**
 * Browser: a feature's messages, each language loaded lazily:
 * `defineMessages('account', { lb: () => import('./messages/account/lb.json'), fr: …, de: …, en: … })`.
 * The keys (typed from the files) are what `t` accepts.
 */
export function defineMessages<L extends Readonly<Record<Language, CatalogLoader>>>(
  feature: string,
  loaders: L,
): Messages<KeysOf<Loaded<L[Language]>>> {
  return new Messages(feature, loaders);
}

/**
 * Server: a feature's messages from imported JSON (`import lb from './messages/mails/lb.json' with { type: 'json' }`),
 * ready at once, so `t` works without loading.
 */
export function createMessages<C extends Readonly<Record<Language, object>>>(
  feature: string,
  catalogs: C,
): Messages<KeysOf<C[Language]>> {
  return new Messages(feature, catalogs as unknown as Record<Language, Catalog>);
}

/** Loads `language` for every set (what an element needs before it renders). */
export async function loadMessages(sets: Iterable<MessageSet>, language: Language): Promise<void> {
  await Promise.all([...sets].filter((set) => !set.isLoaded(language)).map((set) => set.load(language)));
}
