/**
 * Luxembourgish lists in every runtime. Chromium has no `lb` data, so `Intl.ListFormat` writes de-LU's German
 * (`A, B und C`); Node's ICU has `lb`, but CLDR's Luxembourgish joins with `a(n)` and has no "or" at all (Node
 * writes English `A, B, or C`). Luxembourgish shares de-LU's patterns (no comma before the last item), so this
 * keeps them and puts Luxembourgish words in: "or" is `oder`, "and" is `an`, or `a` where the n-rule drops the n.
 */

/** The n-rule: `an` before a vowel, d, h, n, t, z or a non-letter (`Kanner an Elteren`), `a` before other consonants (`Mamm a Papp`). */
export function luxembourgishAnd(next: string): 'an' | 'a' {
  return /^[b-df-hj-np-tv-z]/i.test(next) && !/^[dhntz]/i.test(next) ? 'a' : 'an';
}

/** `Intl.ListFormat` with de-LU's patterns and Luxembourgish words: `new LuxembourgishListFormat({ type: 'disjunction' })`. */
export class LuxembourgishListFormat extends Intl.ListFormat {
  constructor(options: Intl.ListFormatOptions = {}) {
    super('de-LU', options);
    this.format = this.format.bind(this);
  }

  override formatToParts(items: Iterable<string>): { type: 'element' | 'literal'; value: string }[] {
    const parts = super.formatToParts(items);
    return parts.map((part, index) =>
      part.type === 'literal'
        ? { ...part, value: part.value.replace(/\bund\b/, luxembourgishAnd(parts[index + 1]?.value ?? '')) }
        : part,
    );
  }

  override format(items: Iterable<string>): string {
    return this.formatToParts(items)
      .map((part) => part.value)
      .join('');
  }
}
