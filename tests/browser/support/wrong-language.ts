/**
 * Words that must not appear in a page's text in a given language: German (and English) leftovers, and the
 * sign-in wording the portal has given up (issue 10). Deliberately short, and limited to words that cannot be
 * correct in the page's language, so that a hit is a real finding:
 *
 * - Luxembourgish shares many words with German (Mail, Passkey, Code, Januar, Mai, August…): only the German forms
 *   that Luxembourgish spells differently are listed (Passwort/Passwuert, Fehler/Feeler, und/an, Sie/Dir,
 *   März/Mäerz, Dienstag/Dënschdeg…). "Ausloggen" is Luxembourgish too and is not listed.
 * - "Anmelden"/"Abmelden" (and lb "Umellen"/"Ofmellen") mean registering as a resident in a town hall: never for
 *   signing in or out (contract of issue 10).
 * - French: no German, no English leftovers, and no "facteur" for a second step.
 * - German: no English, French or Luxembourgish leftovers ("Dir"/"Är" are the Luxembourgish "Sie"/"Ihr").
 * - English: no German, French or Luxembourgish leftovers.
 *
 * Matching is case-sensitive and by whole word (letters and digits around a word make it another word).
 */
import type { TextPiece } from './visible-text.ts';

/** German words (and phrases) that Luxembourgish writes differently, or that the portal must not use. */
export const GERMAN_ONLY: readonly string[] = [
  'Anmelden',
  'Abmelden',
  'Anmeldung',
  'Abmeldung',
  'Einloggen',
  'Eingeloggt',
  'Passwort',
  'Passwort vergessen',
  'Sie',
  'Ihre',
  'Ihr',
  'Ihren',
  'Ihrem',
  'und',
  'nicht',
  'ist',
  'Fehler',
  'Konto',
  'Seite',
  'Startseite',
  'Zurück',
  'zurück',
  'Speichern',
  'Gemeinde',
  'Einwohner',
  'Veranstaltungen',
  'Datenschutz',
  'Barrierefreiheit',
  'Sicherheit',
  'Entwickler',
  'Bitte',
  'bitte',
  // Months and weekdays whose German name differs from the Luxembourgish one (Mäerz, Abrëll; Méindeg…).
  'März',
  'April',
  'Montag',
  'Dienstag',
  'Mittwoch',
  'Donnerstag',
  'Freitag',
  'Samstag',
  'Sonntag',
];

/** English leftovers (untranslated texts, fallbacks). */
export const ENGLISH_ONLY: readonly string[] = [
  'Sign in',
  'Sign out',
  'Loading',
  'Error',
  'Password',
  'Search',
  'Not found',
  'Retry',
  'Your data',
  'Security',
  'the',
  'and',
  'your',
  'with',
];

/** Luxembourgish words that German writes differently (a Luxembourgish text left on a German or English page). */
export const LUXEMBOURGISH_ONLY: readonly string[] = ['Aloggen', 'Dir', 'Är', 'Äre', 'Ären', 'Feeler', 'Passwuert'];

/** French leftovers on a German or English page (words neither language uses). */
export const FRENCH_ONLY: readonly string[] = ['votre', 'Votre', 'vous', 'Vous', 'Connexion', 'Se connecter'];

/** What must not appear, per page language. */
export const WRONG_WORDS = {
  lb: [...GERMAN_ONLY, ...ENGLISH_ONLY, 'Umellen', 'Ofmellen'],
  fr: [...GERMAN_ONLY, ...ENGLISH_ONLY, 'Ausloggen', 'Aloggen', 'facteur', 'Facteur', 'facteurs', 'Facteurs'],
  de: [...ENGLISH_ONLY, ...LUXEMBOURGISH_ONLY, ...FRENCH_ONLY, 'Umellen', 'Ofmellen'],
  // "April" is English too.
  en: [
    ...GERMAN_ONLY.filter((word) => word !== 'April'),
    ...LUXEMBOURGISH_ONLY,
    ...FRENCH_ONLY,
    'Ausloggen',
    'Umellen',
    'Ofmellen',
  ],
} as const satisfies Record<string, readonly string[]>;

export type CheckedLanguage = keyof typeof WRONG_WORDS;

/** `text` as a regular expression that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-word pattern: no letter or digit right before or after (`\b` does not know "ä"). */
function wholeWord(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u');
}

export interface WrongWord {
  readonly word: string;
  /** The text the word was found in (shortened). */
  readonly in: string;
}

/** The listed words found in the pieces marked as `lang` (or unmarked): empty when the text is clean. */
export function wrongWords(pieces: readonly TextPiece[], lang: CheckedLanguage): WrongWord[] {
  const patterns = WRONG_WORDS[lang].map((word) => ({ word, pattern: wholeWord(word) }));
  const found: WrongWord[] = [];
  for (const piece of pieces) {
    if (piece.lang !== lang && piece.lang !== '') continue;
    for (const { word, pattern } of patterns) {
      if (pattern.test(piece.text)) found.push({ word, in: piece.text.slice(0, 160) });
    }
  }
  return found;
}
