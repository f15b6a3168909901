/**
 * Luxembourgish lists: the same in Node (which has `lb` data, but CLDR's `a(n)` and no Luxembourgish "or") and in
 * Chromium (no `lb` data: Intl would write German), because `lb` lists are de-LU's patterns with Luxembourgish words.
 */
import { describe, expect, it } from 'vitest';
import { createMessages, formatList } from '../src/index.ts';
import { LuxembourgishListFormat, luxembourgishAnd } from '../src/lb-lists.ts';

describe('Luxembourgish lists', () => {
  it('are needed in both runtimes: Node’s lb data and Chromium’s fallback (de-LU) both miss Luxembourgish words', () => {
    expect(Intl.ListFormat.supportedLocalesOf(['lb'])).toEqual(['lb']);
    expect(new Intl.ListFormat('lb').format(['A', 'B', 'C'])).toBe('A, B a(n) C');
    expect(new Intl.ListFormat('lb', { type: 'disjunction' }).format(['A', 'B', 'C'])).toBe('A, B, or C');
    // What Chromium writes for ['lb-LU', 'de-LU']: it has no lb, so German.
    expect(new Intl.ListFormat('de-LU').format(['A', 'B', 'C'])).toBe('A, B und C');
  });

  it('join with an/a by the n-rule and oder, in de-LU’s patterns', () => {
    expect(formatList('lb', ['Esch', 'Déifferdeng', 'Ettelbréck'])).toBe('Esch, Déifferdeng an Ettelbréck');
    expect(formatList('lb', ['Mamm', 'Papp'])).toBe('Mamm a Papp');
    expect(formatList('lb', ['Kanner', 'Elteren'])).toBe('Kanner an Elteren');
    expect(formatList('lb', ['Miersch', 'Diekrech'])).toBe('Miersch an Diekrech');
    expect(formatList('lb', ['Bus', 'Zuch'])).toBe('Bus an Zuch');
    expect(formatList('lb', ['A', 'B', 'C'], { type: 'disjunction' })).toBe('A, B oder C');
    expect(formatList('lb', ['Meter', 'Minutt', 'Sekonn'], { type: 'unit' })).toBe('Meter, Minutt a Sekonn');
    expect(formatList('lb', ['Esch'])).toBe('Esch');
    expect(formatList('lb', [])).toBe('');
    // The other languages keep Intl's own words.
    expect(formatList('de', ['Mamm', 'Papp'])).toBe('Mamm und Papp');
  });

  it('apply the n-rule on the next word’s first letter', () => {
    expect(
      ['Äppel', 'Éislek', 'Uewen', 'Dall', 'Haus', 'Nuecht', 'Tuesch', 'Zuch', '2026'].map(luxembourgishAnd),
    ).toEqual(Array(9).fill('an'));
    expect(
      ['Bus', 'Fra', 'Gare', 'Kant', 'Leit', 'Mamm', 'Papp', 'Rees', 'Stad', 'Wäin'].map(luxembourgishAnd),
    ).toEqual(Array(10).fill('a'));
  });

  it('give parts and a bound format, like Intl’s', () => {
    const list = new LuxembourgishListFormat();
    expect(list.formatToParts(['Esch', 'Éislek'])).toEqual([
      { type: 'element', value: 'Esch' },
      { type: 'literal', value: ' an ' },
      { type: 'element', value: 'Éislek' },
    ]);
    const { format } = list;
    expect(format(['Mamm', 'Papp'])).toBe('Mamm a Papp');
  });

  it('are the same where list formatting is spelled in messages', () => {
    const messages = createMessages('test', {
      lb: { who: 'Mat {names}' },
      fr: { who: 'Avec {names}' },
      de: { who: 'Mit {names}' },
      en: { who: 'With {names}' },
    });
    expect(messages.t('lb', 'who', { names: formatList('lb', ['Lis', 'Tom']) })).toBe('Mat Lis an Tom');
  });
});
