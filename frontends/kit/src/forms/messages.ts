import { defineMessages } from '@gemeng/i18n';

/**
 * The kit's own texts (form pieces, step-up notice, lazy parts, attribute problems): ICU messages in
 * `src/messages/forms/<language>.json`, each language loaded when first needed. `GemengElement` loads the current
 * language before it renders; another host loads it with `formMessages.load(language)`.
 */
export const formMessages = defineMessages('forms', {
  lb: () => import('../messages/forms/lb.json'),
  fr: () => import('../messages/forms/fr.json'),
  de: () => import('../messages/forms/de.json'),
  en: () => import('../messages/forms/en.json'),
});
export type FormMessageKey = Parameters<typeof formMessages.t>[1];
export const tf = formMessages.t;
