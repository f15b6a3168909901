import { defineMessages } from '@gemeng/frontend-kit';

/** Every user-facing string of `<gemeng-procedures>`: ICU messages in `messages/catalogue/<language>.json`. */
export const catalogueMessages = defineMessages('catalogue', {
  lb: () => import('../messages/catalogue/lb.json'),
  fr: () => import('../messages/catalogue/fr.json'),
  de: () => import('../messages/catalogue/de.json'),
  en: () => import('../messages/catalogue/en.json'),
});

export const tc = catalogueMessages.t;
