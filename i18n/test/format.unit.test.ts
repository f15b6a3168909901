import { describe, expect, it } from 'vitest';
import { formatDateTime, formatEuroCents, formatList, formatNumber } from '../src/index.ts';

// Intl output uses narrow no-break spaces in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting', () => {
  it('formats numbers and euros in Luxembourg conventions', () => {
    expect(formatNumber('de', 1234.5)).toBe('1.234,5');
    // fr-LU groups thousands with a dot, as Luxembourg does (fr-FR would write 1 234,50 €).
    expect(plain(formatEuroCents('fr', 123450))).toBe('1.234,50 €');
    expect(plain(formatEuroCents('lb', 123450))).toBe('1.234,50 €');
    expect(plain(formatEuroCents('en', 5))).toBe('€0.05');
  });

  it('shows dates in Luxembourg time', () => {
    // 23:30 UTC on 30 November is already 1 December in Luxembourg (UTC+1).
    const instant = '2026-11-30T23:30:00Z';
    expect(formatDateTime('fr', instant, { dateStyle: 'long' })).toBe('1 décembre 2026');
    expect(formatDateTime('lb', instant, { dateStyle: 'full' })).toBe('Dënschdeg, 1. Dezember 2026');
    expect(formatDateTime('en', new Date(instant), { timeStyle: 'short' })).toMatch(/^0?0:30|12:30\sAM$/);
  });

  it('joins lists', () => {
    expect(formatList('de', ['A', 'B', 'C'])).toBe('A, B und C');
    expect(formatList('fr', ['A', 'B'], { type: 'disjunction' })).toBe('A ou B');
    expect(formatList('en', ['Alice', 'Bob', 'Carol'])).toBe('Alice, Bob, and Carol');
  });
});
