/**
 * Languages on the server: everything comes from @gemeng/i18n (negotiation from Accept-Language, fallback orders);
 * here only what reads texts stored per language in the database.
 */
import { FALLBACKS, type Language } from '@gemeng/i18n';

export { isLanguage, LANGUAGES, type Language, negotiateLanguage } from '@gemeng/i18n';

/** The text in `lang`, else in the first language of `lang`'s fallback order (@gemeng/i18n's FALLBACKS) with one. */
export function pickLanguage(texts: Partial<Record<Language, string | null | undefined>>, lang: Language): string {
  for (const candidate of FALLBACKS[lang]) {
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
