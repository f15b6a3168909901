import { createMessages, type MessageValues } from '@gemeng/i18n';
import type { Language } from '@gemeng/subgraph-kit';
import de from '../messages/catalogue/de.json' with { type: 'json' };
import en from '../messages/catalogue/en.json' with { type: 'json' };
import fr from '../messages/catalogue/fr.json' with { type: 'json' };
import lb from '../messages/catalogue/lb.json' with { type: 'json' };

/** The catalogue's texts (ICU, `messages/catalogue/<language>.json`): category titles and validation messages. */
export const catalogueMessages = createMessages('procedures-catalogue', { lb, fr, de, en });

export type CatalogueText = Parameters<typeof catalogueMessages.t>[1];

/** The message in the language, with its arguments filled in. */
export function text(key: CatalogueText, lang: Language, vars: MessageValues = {}): string {
  return catalogueMessages.t(lang, key, vars);
}
