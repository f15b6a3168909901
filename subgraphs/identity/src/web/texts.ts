import { createMessages, type MessageValues } from '@gemeng/i18n';
import de from '../messages/pages/de.json' with { type: 'json' };
import en from '../messages/pages/en.json' with { type: 'json' };
import fr from '../messages/pages/fr.json' with { type: 'json' };
import lb from '../messages/pages/lb.json' with { type: 'json' };

/** Every text of the account pages (sign-in, registration, reset, second factor): ICU, `messages/pages/`. */
export const pageMessages = createMessages('pages', { lb, fr, de, en });

export type PageTextKey = Parameters<typeof pageMessages.t>[1];
/** The pages' texts in one language (see `textsFor`). */
export type Texts = (key: PageTextKey, values?: MessageValues) => string;
