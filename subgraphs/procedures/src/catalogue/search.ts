/**
 * Accent- and case-insensitive search in the four languages. PostgreSQL's `unaccent` is an extension that the
 * embedded server does not ship, so the text is normalised here, once when a template is written (its
 * `search_text` column) and once per query: "etat civil" finds "État civil", "bescheinegung" finds
 * "Bescheinegung", "strasse" finds "Straße".
 */

/** Lower case, without diacritics, ß as ss, anything but letters and digits as single spaces. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a search, normalised; every one must occur in a procedure's search text. */
export function searchWords(search: string | null | undefined): string[] {
  return normaliseForSearch(search ?? '')
    .split(' ')
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

/** What a template's `search_text` holds: its code, titles, summaries and category titles in every language. */
export function searchTextOf(parts: readonly (string | null | undefined)[]): string {
  return ` ${normaliseForSearch(parts.filter(Boolean).join(' '))} `;
}
