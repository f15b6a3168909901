import { defineMessages } from '@gemeng/frontend-kit';

/**
 * Every user-facing string of `<gemeng-commune-card>`: ICU messages in `messages/commune-card/<language>.json`,
 * each language loaded when first needed.
 */
export const communeCardMessages = defineMessages('commune-card', {
  lb: () => import('./messages/commune-card/lb.json'),
  fr: () => import('./messages/commune-card/fr.json'),
  de: () => import('./messages/commune-card/de.json'),
  en: () => import('./messages/commune-card/en.json'),
});

export type CommuneCardMessageKey = Parameters<typeof communeCardMessages.t>[1];
export const t = communeCardMessages.t;
