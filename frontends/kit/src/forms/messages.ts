import { createTranslator } from '../i18n.ts';
import de from '../messages/forms/de.json';
import en from '../messages/forms/en.json';
import fr from '../messages/forms/fr.json';
import lb from '../messages/forms/lb.json';

/**
 * The kit's own texts (form pieces, step-up notice, lazy parts, attribute problems), one ICU file per language in
 * `src/messages/forms/`. Only simple `{name}` arguments: the same strings format with ICU MessageFormat.
 */
export const formMessages = { lb, fr, de, en } as const;
export type FormMessageKey = keyof typeof en;
export const tf = createTranslator<FormMessageKey>(formMessages);
