/** The back office's texts (ICU, `src/messages/office/<language>.json`), for its errors. */
import { createMessages, type MessageValues } from '@gemeng/i18n';
import type { Language } from '@gemeng/subgraph-kit';
import de from '../messages/office/de.json' with { type: 'json' };
import en from '../messages/office/en.json' with { type: 'json' };
import fr from '../messages/office/fr.json' with { type: 'json' };
import lb from '../messages/office/lb.json' with { type: 'json' };

export const officeMessages = createMessages('procedures-office', { lb, fr, de, en });

export type OfficeTextKey = Parameters<typeof officeMessages.t>[1];

/** The message in the language, with its arguments filled in. */
export function officeText(key: OfficeTextKey, lang: Language, vars: MessageValues = {}): string {
  return officeMessages.t(lang, key, vars);
}
