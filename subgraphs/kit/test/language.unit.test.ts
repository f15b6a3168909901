import { describe, expect, it } from 'vitest';
import { negotiateLanguage, pickLanguage } from '../src/language.ts';

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

  it('falls back to French, then German, when a text is missing in the language asked for', () => {
    expect(pickLanguage({ lb: 'Gemeng', fr: 'Commune', de: 'Gemeinde', en: 'Commune' }, 'lb')).toBe('Gemeng');
    expect(pickLanguage({ lb: '', fr: 'Commune', de: 'Gemeinde' }, 'lb')).toBe('Commune');
    expect(pickLanguage({ de: 'Gemeinde', en: 'Municipality' }, 'lb')).toBe('Gemeinde');
  });
});
