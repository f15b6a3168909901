import { defineMessages } from '@gemeng/frontend-kit';

/**
 * Every user-facing string of `<gemeng-login>` and of `<gemeng-account>`'s sign-in and details: ICU messages in
 * `messages/auth/<language>.json`, each language loaded when first needed.
 */
export const authMessages = defineMessages('auth', {
  lb: () => import('./messages/auth/lb.json'),
  fr: () => import('./messages/auth/fr.json'),
  de: () => import('./messages/auth/de.json'),
  en: () => import('./messages/auth/en.json'),
});

export type AuthMessageKey = Parameters<typeof authMessages.t>[1];
export const t = authMessages.t;

/** Language names in their own language (the person's preferred language on the account page). */
export { LANGUAGE_NAMES } from '@gemeng/frontend-kit';
