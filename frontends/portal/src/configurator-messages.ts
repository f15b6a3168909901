import { defineMessages } from '@gemeng/frontend-kit';

/** The configurator's texts, one ICU file per language in `messages/configurator/`, each loaded when first needed. */
export const configuratorMessages = defineMessages('configurator', {
  lb: () => import('./messages/configurator/lb.json'),
  fr: () => import('./messages/configurator/fr.json'),
  de: () => import('./messages/configurator/de.json'),
  en: () => import('./messages/configurator/en.json'),
});

export const tc = configuratorMessages.t;

/** ICU select keys cannot hold hyphens: `on-accent` is selected as `on_accent`. */
export const selectKey = (value: string): string => value.replace(/-/g, '_');
