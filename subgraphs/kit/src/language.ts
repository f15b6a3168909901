/** The four languages of Luxembourg's communes, and how a request chooses one. */
export const LANGUAGES = ['lb', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** French first: it is the administrative language every commune publishes in. */
const FALLBACK: readonly Language[] = ['fr', 'de', 'lb', 'en'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The best supported language of an Accept-Language header (RFC 9110 §12.5.4), else French. */
export function negotiateLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return 'fr';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((entry) => isLanguage(entry.base))?.base as Language | undefined) ?? 'fr';
}

/** The text in `lang`, else in the first fallback language that has one. */
export function pickLanguage(texts: Partial<Record<Language, string | null | undefined>>, lang: Language): string {
  for (const candidate of [lang, ...FALLBACK]) {
    const text = texts[candidate];
    if (text) return text;
  }
  return '';
}

type LocalizedColumns<P extends string> = Record<`${P}${'Lb' | 'Fr' | 'De' | 'En'}`, string | null>;

/** A text stored in four columns (`titleLb`, `titleFr`, …) in `lang`, with the fallback order above. */
export function localized<P extends string>(row: LocalizedColumns<P>, prefix: P, lang: Language): string {
  return pickLanguage(
    { lb: row[`${prefix}Lb`], fr: row[`${prefix}Fr`], de: row[`${prefix}De`], en: row[`${prefix}En`] },
    lang,
  );
}
