import { defineMessages } from '@gemeng/frontend-kit';

/** Every text of `<gemeng-procedure-form>` (ICU, `messages/form/<language>.json`), loaded per language. */
export const formTexts = defineMessages('form', {
  lb: () => import('../messages/form/lb.json'),
  fr: () => import('../messages/form/fr.json'),
  de: () => import('../messages/form/de.json'),
  en: () => import('../messages/form/en.json'),
});

export type FormTextKey = Parameters<typeof formTexts.t>[1];
export const tx = formTexts.t;
