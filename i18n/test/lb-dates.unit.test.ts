/**
 * Luxembourgish dates in both kinds of runtime: Node 20 has Luxembourgish data (the native path), Chromium has
 * none (the fallback, made here by hiding `lb` from `Intl.DateTimeFormat.supportedLocalesOf`). The fallback is
 * held against Node's own CLDR names, every month and weekday.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMessages, formatDateTime } from '../src/index.ts';
import { hasLuxembourgishDates, LuxembourgishDateTimeFormat } from '../src/lb-dates.ts';

const TIME_ZONE = 'Europe/Luxembourg';
// Noon in Luxembourg on the 10th of each month of 2026, and the seven days of the week from Monday 2 March.
const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 10, 11)));
const weekdays = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 2, 2 + d, 11)));
const GERMAN = /Januar|Februar|März|April|Mai|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag/;

const native = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('lb-LU', { timeZone: TIME_ZONE, ...options });
const fallback = (options: Intl.DateTimeFormatOptions) =>
  new LuxembourgishDateTimeFormat({ timeZone: TIME_ZONE, ...options });

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('Luxembourgish dates', () => {
  it('come from the runtime where it knows Luxembourgish (Node 20)', () => {
    expect(hasLuxembourgishDates()).toBe(true);
    expect(formatDateTime('lb', '2026-03-04T10:00:00Z', { dateStyle: 'full' })).toBe('Mëttwoch, 4. Mäerz 2026');
  });

  it('without Luxembourgish data, name every month and weekday as CLDR does, in de-LU’s patterns', () => {
    for (const options of [
      { dateStyle: 'full' },
      { dateStyle: 'long' },
      { month: 'long' },
      { month: 'long', year: 'numeric' },
      { day: 'numeric', month: 'short' },
      { weekday: 'short', day: 'numeric', month: 'short' },
      { month: 'short' },
    ] as const) {
      for (const date of months)
        expect(fallback(options).format(date), JSON.stringify(options)).toBe(native(options).format(date));
    }
    for (const options of [
      { dateStyle: 'full' },
      { weekday: 'long' },
      { weekday: 'short' },
      { weekday: 'long', day: 'numeric' },
    ] as const) {
      for (const date of weekdays)
        expect(fallback(options).format(date), JSON.stringify(options)).toBe(native(options).format(date));
    }
  });

  it('without Luxembourgish data, keep numbers, times and the day in Luxembourg time', () => {
    // 23:30 UTC on Monday 30 November is Tuesday 1 December in Luxembourg.
    const instant = new Date('2026-11-30T23:30:00Z');
    expect(fallback({ dateStyle: 'full' }).format(instant)).toBe('Dënschdeg, 1. Dezember 2026');
    expect(fallback({ dateStyle: 'short' }).format(instant)).toBe('01.12.26');
    expect(fallback({ dateStyle: 'medium', timeStyle: 'short' }).format(instant)).toBe('01.12.2026, 00:30');
    const parts = fallback({ dateStyle: 'long' }).formatToParts(instant);
    expect(parts.find((part) => part.type === 'month')?.value).toBe('Dezember');
    expect(parts.map((part) => part.value).join('')).toBe('1. Dezember 2026');
    // `format` is bound, like Intl's: it can be passed around.
    const { format } = fallback({ month: 'long' });
    expect(['2026-03-10T11:00:00Z', '2026-05-10T11:00:00Z'].map((d) => format(new Date(d)))).toEqual(['Mäerz', 'Mee']);
  });

  it('reach formatDateTime and messages’ {when, date} in a runtime without Luxembourgish (Chromium)', async () => {
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    vi.resetModules();
    const i18n = await import('../src/index.ts');
    const when = '2026-04-01T08:15:00Z';
    const full = i18n.formatDateTime('lb', when);
    expect(full).toBe('Mëttwoch, 1. Abrëll 2026 um 10:15');
    expect(full).not.toMatch(GERMAN);
    expect(i18n.formatDateTime('de', when, { dateStyle: 'full' })).toBe('Mittwoch, 1. April 2026');
    const messages = i18n.createMessages('test', {
      lb: { on: 'Um {when, date, full}' },
      fr: { on: 'Le {when, date, full}' },
      de: { on: 'Am {when, date, full}' },
      en: { on: 'On {when, date, full}' },
    });
    expect(messages.t('lb', 'on', { when: new Date(when) })).toBe('Um Mëttwoch, 1. Abrëll 2026');
    expect(messages.t('de', 'on', { when: new Date(when) })).toBe('Am Mittwoch, 1. April 2026');
  });

  it('in messages in Node, as the runtime writes them', () => {
    const messages = createMessages('test', {
      lb: { on: '{when, date, long}' },
      fr: { on: '{when, date, long}' },
      de: { on: '{when, date, long}' },
      en: { on: '{when, date, long}' },
    });
    expect(messages.t('lb', 'on', { when: new Date('2026-05-10T11:00:00Z') })).toBe('10. Mee 2026');
  });
});
