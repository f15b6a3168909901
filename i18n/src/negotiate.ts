import { DEFAULT_LANGUAGE, LANGUAGES, type Language, matchLanguage } from './languages.ts';

/** One language range of an Accept-Language header, with its weight. */
export interface LanguageRange {
  readonly range: string;
  readonly q: number;
}

const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * Parses an Accept-Language header (RFC 9110 §12.5.4): ranges ordered by weight, most wanted first, ties in
 * header order. Ranges with a malformed weight are dropped (RFC 9110 §12.4.2 allows at most three decimals);
 * ranges with `q=0` are kept, since they say what the reader does NOT want.
 */
export function parseAcceptLanguage(header: string | null | undefined): LanguageRange[] {
  if (!header) return [];
  const ranges: (LanguageRange & { index: number })[] = [];
  header.split(',').forEach((part, index) => {
    const [tag = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (!/^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((piece) => piece.trim());
      if (name.toLowerCase() !== 'q') continue;
      if (!QVALUE.test(value)) return;
      q = Number(value);
    }
    ranges.push({ range: tag, q, index });
  });
  return ranges.sort((a, b) => b.q - a.q || a.index - b.index).map(({ range, q }) => ({ range, q }));
}

/** The best supported language of one Accept-Language header, or `undefined` when it names none. */
export function acceptedLanguage(header: string | null | undefined): Language | undefined {
  const ranges = parseAcceptLanguage(header);
  const refused = new Set(ranges.filter((entry) => entry.q === 0).map((entry) => matchLanguage(entry.range)));
  for (const { range, q } of ranges) {
    if (q === 0) continue;
    if (range === '*') {
      // "Any other language": ours, in the order we prefer, except those refused explicitly.
      return [DEFAULT_LANGUAGE, ...LANGUAGES].find((language) => !refused.has(language));
    }
    const language = matchLanguage(range);
    if (language && !refused.has(language)) return language;
  }
  return undefined;
}

/** What a reader asked for: an Accept-Language header or a `lang` value (a string), or a preferred list. */
export type LanguageSource = string | readonly (string | null | undefined)[] | null | undefined;

/**
 * Picks the language to answer in from sources in order of authority, e.g.
 * `negotiateLanguage(url.searchParams.get('lang'), request.headers['accept-language'])` or
 * `negotiateLanguage(element.lang, navigator.languages)`. A string is read as an Accept-Language header (a single
 * tag such as `fr-LU` is one); a list as the reader's languages, most preferred first. The first source that names
 * a supported language wins; when none does, {@link DEFAULT_LANGUAGE}.
 */
export function negotiateLanguage(...sources: LanguageSource[]): Language {
  for (const source of sources) {
    if (typeof source === 'string') {
      const language = acceptedLanguage(source);
      if (language) return language;
    } else if (source) {
      for (const tag of source) {
        const language = matchLanguage(tag);
        if (language) return language;
      }
    }
  }
  return DEFAULT_LANGUAGE;
}
