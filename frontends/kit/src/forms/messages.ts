import { createMessages } from '@gemeng/i18n';
import de from '../messages/forms/de.json';
import en from '../messages/forms/en.json';
import fr from '../messages/forms/fr.json';
import lb from '../messages/forms/lb.json';

/**
 * The kit's own texts (form pieces, step-up notice, lazy parts, attribute problems): ICU messages in
 * `src/messages/forms/<language>.json`. All four are bundled (a few hundred bytes each, precompiled by
 * `@gemeng/i18n/vite`), so the pieces never wait for a catalog.
 */
export const formMessages = createMessages('forms', { lb, fr, de, en });
export type FormMessageKey = keyof typeof en;
export const tf = formMessages.t;
