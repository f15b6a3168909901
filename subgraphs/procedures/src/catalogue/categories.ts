import { LANGUAGES, type Language } from '@gemeng/subgraph-kit';
import { text } from './messages.ts';

/**
 * The fixed taxonomy of procedures, in display order: a fixed list (not per commune) so that a resident finds
 * the same category in every commune, and widgets can give each an icon.
 */
export const CATEGORIES = [
  'civil-status',
  'residence',
  'certificates',
  'animals',
  'waste',
  'mobility',
  'public-space',
  'other',
] as const;

export type CategoryCode = (typeof CATEGORIES)[number];

export function isCategory(code: string): code is CategoryCode {
  return (CATEGORIES as readonly string[]).includes(code);
}

/** A category's title in a language. */
export function categoryTitle(code: CategoryCode, lang: Language): string {
  return text(`category-${code}`, lang);
}

/** A category's titles in the four languages (for the search text). */
export function categoryTitles(code: CategoryCode): string[] {
  return LANGUAGES.map((lang) => categoryTitle(code, lang));
}

/** The categories among `codes`, in display order. */
export function inDisplayOrder(codes: Iterable<string>): CategoryCode[] {
  const present = new Set(codes);
  return CATEGORIES.filter((code) => present.has(code));
}
