// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTranslator,
  formatDateTime,
  formatEuroCents,
  intlLocales,
  matchLanguage,
  negotiateLanguage,
  translate,
} from './i18n.ts';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('matchLanguage', () => {
  it('maps regional tags, case and ISO 639-2 codes to supported languages', () => {
    expect(matchLanguage('fr-LU')).toBe('fr');
    expect(matchLanguage('DE')).toBe('de');
    expect(matchLanguage('lb_LU')).toBe('lb');
    expect(matchLanguage('ltz')).toBe('lb');
    expect(matchLanguage('pt-PT')).toBeUndefined();
    expect(matchLanguage('')).toBeUndefined();
  });
});

describe('negotiateLanguage', () => {
  it('prefers the element’s own lang attribute', () => {
    document.documentElement.lang = 'de';
    const element = document.createElement('div');
    element.lang = 'en';
    document.body.append(element);
    expect(negotiateLanguage(element, { preferred: ['fr'] })).toBe('en');
  });

  it('then the closest [lang] ancestor, crossing shadow roots', () => {
    const outer = document.createElement('section');
    outer.setAttribute('lang', 'lb-LU');
    const host = document.createElement('div');
    outer.append(host);
    document.body.append(outer);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(negotiateLanguage(inner, { preferred: ['en'] })).toBe('lb');
  });

  it('skips unsupported languages and then uses the browser preferences', () => {
    document.documentElement.lang = 'pt';
    const element = document.createElement('div');
    document.body.append(element);
    expect(negotiateLanguage(element, { preferred: ['pt-BR', 'de-CH', 'en'] })).toBe('de');
  });

  it('falls back to French when nothing matches', () => {
    expect(negotiateLanguage(null, { preferred: ['pt'] })).toBe('fr');
    expect(negotiateLanguage(null, { preferred: [], fallback: 'lb' })).toBe('lb');
  });
});

describe('translate', () => {
  const catalogs = {
    lb: { events: { one: '{count} Evenement', other: '{count} Evenementer' }, hello: 'Moien {name}', onlyLb: 'Äddi' },
    de: { events: { one: '{count} Veranstaltung', other: '{count} Veranstaltungen' }, hello: 'Hallo {name}' },
    fr: { events: { one: '{count} événement', other: '{count} événements' }, hello: 'Bonjour {name}' },
    en: { events: { one: '{count} event', other: '{count} events' } },
  } as const;
  const t = createTranslator<keyof (typeof catalogs)['lb']>(catalogs);

  it('selects plural forms with the language’s rules', () => {
    expect(t('en', 'events', { count: 1 })).toBe('1 event');
    expect(t('en', 'events', { count: 0 })).toBe('0 events');
    // French treats 0 as singular, English does not.
    expect(t('fr', 'events', { count: 0 })).toBe('0 événement');
    expect(t('de', 'events', { count: 2 })).toBe('2 Veranstaltungen');
    expect(t('lb', 'events', { count: 1 })).toBe('1 Evenement');
  });

  it('formats counts with the language’s number format', () => {
    expect(t('de', 'events', { count: 1500 })).toBe('1.500 Veranstaltungen');
    expect(t('en', 'events', { count: 1500 })).toBe('1,500 events');
  });

  it('falls back along the language’s chain for missing keys', () => {
    expect(t('en', 'hello', { name: 'Anna' })).toBe('Bonjour Anna');
    expect(t('de', 'onlyLb')).toBe('Äddi');
    expect(translate(catalogs, 'fr', 'missing' as never)).toBe('missing');
  });

  it('leaves unknown placeholders visible', () => {
    expect(t('lb', 'hello')).toBe('Moien {name}');
  });
});

describe('formatters', () => {
  it('formats euro cents per language', () => {
    expect(formatEuroCents('fr', 123450)).toMatch(/^1.234,50\s€$/);
    expect(formatEuroCents('en', 123450)).toBe('€1,234.50');
  });

  it('shows dates in Luxembourg time', () => {
    // 23:30 UTC on 31 March is 01:30 on 1 April in Luxembourg (summer time).
    expect(formatDateTime('en', '2026-03-31T23:30:00Z', { dateStyle: 'long', timeStyle: 'short' })).toBe(
      'April 1, 2026 at 1:30 AM',
    );
  });
});

describe('intlLocales', () => {
  it('lists Luxembourg locales along the fallback chain', () => {
    expect(intlLocales('lb')).toEqual(['lb-LU', 'de-LU', 'fr-LU', 'en-LU']);
  });
});
