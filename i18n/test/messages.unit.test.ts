import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileCatalog } from '../src/compile.ts';
import { createMessages, defineMessages, loadMessages } from '../src/index.ts';
import de from './fixtures/messages/demo/de.json' with { type: 'json' };
import en from './fixtures/messages/demo/en.json' with { type: 'json' };
import fr from './fixtures/messages/demo/fr.json' with { type: 'json' };
import lb from './fixtures/messages/demo/lb.json' with { type: 'json' };

afterEach(() => vi.restoreAllMocks());

describe('server messages (createMessages)', () => {
  const { t } = createMessages('demo', { lb, fr, de, en });

  it('formats ICU arguments, plurals with the language number format, and dates in Luxembourg time', () => {
    expect(t('lb', 'hello', { name: 'Anna' })).toBe('Moien, Anna!');
    expect(t('fr', 'inhabitants', { count: 1 })).toBe('1 habitant');
    expect(t('fr', 'inhabitants', { count: 1234 })).toBe('1.234 habitants');
    expect(t('en', 'inhabitants', { count: 0 })).toBe('0 inhabitants');
    expect(t('de', 'when', { when: new Date('2026-11-30T23:30:00Z') })).toBe('Am 1. Dezember 2026');
  });

  it('never shows a raw key: a missing message falls back, then is empty with one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const partial = createMessages('partial', { lb: { only: 'Nëmmen op Lëtzebuergesch' }, fr: {}, de: {}, en: {} });
    expect(partial.t('de', 'only' as never)).toBe('Nëmmen op Lëtzebuergesch');
    expect(partial.t('de', 'nowhere' as never)).toBe('');
    expect(partial.t('de', 'nowhere' as never)).toBe('');
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

describe('browser messages (defineMessages)', () => {
  it('loads a language once, when asked, and formats precompiled syntax trees', async () => {
    const loads: string[] = [];
    const loader = (language: string, catalog: Record<string, string>) => async () => {
      loads.push(language);
      return { default: compileCatalog(catalog) };
    };
    const messages = defineMessages('demo', {
      lb: loader('lb', lb),
      fr: loader('fr', fr),
      de: loader('de', de),
      en: loader('en', en),
    });
    expect(messages.isLoaded('lb')).toBe(false);
    await Promise.all([messages.load('lb'), loadMessages([messages], 'lb')]);
    expect(loads).toEqual(['lb']);
    expect(messages.t('lb', 'inhabitants', { count: 2 })).toBe('2 Awunner');
  });

  it('loads the next language of the fallback order when one cannot be loaded, and tries again later', async () => {
    let fail = true;
    const messages = defineMessages('flaky', {
      lb: async () => {
        if (fail) throw new TypeError('Failed to fetch');
        return { default: lb };
      },
      fr: async () => ({ default: fr }),
      de: async () => ({ default: de }),
      en: async () => ({ default: en }),
    });
    await messages.load('lb');
    expect(messages.isLoaded('lb')).toBe(false);
    expect(messages.t('lb', 'hello', { name: 'Jang' })).toBe('Guten Tag, Jang!');
    fail = false;
    await messages.load('lb');
    expect(messages.t('lb', 'hello', { name: 'Jang' })).toBe('Moien, Jang!');
  });
});

describe('strict formatting (servers)', () => {
  const messages = createMessages('demo', { lb, fr, de, en });

  it('throws where t would show an empty text', () => {
    expect(messages.format('en', 'hello', { name: 'Lee' })).toBe('Hello, Lee!');
    expect(() => messages.format('en', 'hello')).toThrow(/name/);
    expect(() => messages.format('en', 'nowhere' as never)).toThrow(/"nowhere" is in no loaded language/);
    expect(messages.has('en', 'hello')).toBe(true);
    expect(messages.has('en', 'nowhere')).toBe(false);
  });

  it('selects French plural forms (0 is singular there)', () => {
    expect(messages.format('fr', 'inhabitants', { count: 0 })).toBe('0 habitant');
  });
});
