import { describe, expect, it } from 'vitest';
import { localized, negotiateLanguage, pickLanguage } from '../src/language.ts';

describe('request language', () => {
  it.each([
    ['de-LU,de;q=0.9,en;q=0.8', 'de'],
    ['lb', 'lb'],
    ['en-GB;q=0.5, fr;q=0.9', 'fr'],
    ['pt-PT, es;q=0.9', 'fr'],
    ['*', 'fr'],
    ['', 'fr'],
    ['de;q=0, en', 'en'],
  ])('negotiates %s as %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

describe('texts stored per language', () => {
  it('follows the reader’s fallback order when a text is missing (@gemeng/i18n’s FALLBACKS)', () => {
    expect(pickLanguage({ lb: 'Gemeng', fr: 'Commune', de: 'Gemeinde', en: 'Commune' }, 'lb')).toBe('Gemeng');
    // Luxembourgish readers read German first, then French.
    expect(pickLanguage({ lb: '', fr: 'Commune', de: 'Gemeinde' }, 'lb')).toBe('Gemeinde');
    expect(pickLanguage({ fr: 'Commune' }, 'lb')).toBe('Commune');
    // English readers: French before German.
    expect(pickLanguage({ de: 'Gemeinde', fr: 'Commune' }, 'en')).toBe('Commune');
    expect(pickLanguage({}, 'de')).toBe('');
  });

  it('reads four columns', () => {
    const row = { titleLb: null, titleFr: 'Fête', titleDe: 'Fest', titleEn: null };
    expect(localized(row, 'title', 'lb')).toBe('Fest');
    expect(localized(row, 'title', 'en')).toBe('Fête');
  });
});
