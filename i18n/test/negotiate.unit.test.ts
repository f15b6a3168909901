import { describe, expect, it } from 'vitest';
import {
  acceptedLanguage,
  DEFAULT_LANGUAGE,
  FALLBACKS,
  intlLocales,
  LANGUAGES,
  matchLanguage,
  negotiateLanguage,
  parseAcceptLanguage,
} from '../src/index.ts';

describe('languages', () => {
  it('each fallback order starts with its language and holds all four once', () => {
    for (const language of LANGUAGES) {
      expect(FALLBACKS[language][0]).toBe(language);
      expect([...FALLBACKS[language]].sort()).toEqual([...LANGUAGES].sort());
    }
    expect(FALLBACKS.lb).toEqual(['lb', 'de', 'fr', 'en']);
  });

  it('maps tags, regions, underscores and ISO 639-2 codes', () => {
    expect(matchLanguage('fr-LU')).toBe('fr');
    expect(matchLanguage(' DE ')).toBe('de');
    expect(matchLanguage('lb_LU')).toBe('lb');
    expect(matchLanguage('ltz')).toBe('lb');
    expect(matchLanguage('pt-PT')).toBeUndefined();
    expect(matchLanguage('')).toBeUndefined();
    expect(intlLocales('lb')).toEqual(['lb-LU', 'de-LU', 'fr-LU', 'en-LU']);
  });
});

describe('Accept-Language (RFC 9110 §12.5.4)', () => {
  it('orders ranges by weight, ties in header order', () => {
    expect(parseAcceptLanguage('pt;q=0.9, de-LU, fr;q=0.9, en;q=0.1')).toEqual([
      { range: 'de-LU', q: 1 },
      { range: 'pt', q: 0.9 },
      { range: 'fr', q: 0.9 },
      { range: 'en', q: 0.1 },
    ]);
  });

  it('drops malformed ranges and weights', () => {
    expect(parseAcceptLanguage('de;q=2, fr;q=0.5555, en;q=abc, x y, lb;Q=0.3')).toEqual([{ range: 'lb', q: 0.3 }]);
  });

  it('picks the best supported language, skipping unsupported ones', () => {
    expect(acceptedLanguage('pt-PT, pt;q=0.9, de;q=0.5, fr;q=0.4')).toBe('de');
    expect(acceptedLanguage('en;q=0.2, lb-LU;q=0.8')).toBe('lb');
    expect(acceptedLanguage('pt, es')).toBeUndefined();
  });

  it('honours q=0 as a refusal, also against the wildcard', () => {
    expect(acceptedLanguage('fr;q=0, *')).toBe('lb');
    expect(acceptedLanguage('pt, *;q=0.1')).toBe(DEFAULT_LANGUAGE);
    expect(acceptedLanguage('de;q=0, de-LU')).toBeUndefined();
  });
});

describe('negotiateLanguage', () => {
  it('takes the first source that names a supported language', () => {
    expect(negotiateLanguage('en', 'de-DE,de;q=0.9')).toBe('en');
    expect(negotiateLanguage(null, 'xx', 'de-DE,de;q=0.9')).toBe('de');
    expect(negotiateLanguage(undefined, ['pt-BR', 'fr-FR', 'en'])).toBe('fr');
  });

  it('falls back to French', () => {
    expect(negotiateLanguage()).toBe('fr');
    expect(negotiateLanguage('', [], 'pt')).toBe('fr');
  });
});
