import { defineMessages } from '@gemeng/frontend-kit';

/** `<gemeng-commune-chooser>`'s texts: ICU messages in `messages/commune-chooser/<language>.json`, loaded when needed. */
export const communeChooserMessages = defineMessages('commune-chooser', {
  lb: () => import('./messages/commune-chooser/lb.json'),
  fr: () => import('./messages/commune-chooser/fr.json'),
  de: () => import('./messages/commune-chooser/de.json'),
  en: () => import('./messages/commune-chooser/en.json'),
});

export const tch = communeChooserMessages.t;
