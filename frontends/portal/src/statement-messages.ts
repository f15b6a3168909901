import { defineMessages } from '@gemeng/frontend-kit';

/**
 * The privacy notice's and the accessibility statement's texts: one ICU file per language in `messages/privacy/`
 * and `messages/accessibility/` (a paragraph per key), each loaded when first needed.
 */
export const privacyMessages = defineMessages('privacy', {
  lb: () => import('./messages/privacy/lb.json'),
  fr: () => import('./messages/privacy/fr.json'),
  de: () => import('./messages/privacy/de.json'),
  en: () => import('./messages/privacy/en.json'),
});

export const accessibilityMessages = defineMessages('accessibility', {
  lb: () => import('./messages/accessibility/lb.json'),
  fr: () => import('./messages/accessibility/fr.json'),
  de: () => import('./messages/accessibility/de.json'),
  en: () => import('./messages/accessibility/en.json'),
});

export type PrivacyKey = Parameters<typeof privacyMessages.t>[1];
export type AccessibilityKey = Parameters<typeof accessibilityMessages.t>[1];

/** When the texts were written and last checked against the code (shown on both pages). */
export const STATEMENT_DATE = new Date('2026-11-30T12:00:00Z');
