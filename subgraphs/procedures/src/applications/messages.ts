/** The applications' texts (ICU, `src/messages/applications/<language>.json`), for errors and state names. */
import { createMessages, type MessageValues } from '@gemeng/i18n';
import type { Language } from '@gemeng/subgraph-kit';
import de from '../messages/applications/de.json' with { type: 'json' };
import en from '../messages/applications/en.json' with { type: 'json' };
import fr from '../messages/applications/fr.json' with { type: 'json' };
import lb from '../messages/applications/lb.json' with { type: 'json' };

export const applicationMessages = createMessages('procedures-applications', { lb, fr, de, en });

export type ApplicationTextKey = Parameters<typeof applicationMessages.t>[1];

/** The message in the language, with its arguments filled in. */
export function applicationText(key: ApplicationTextKey, lang: Language, vars: MessageValues = {}): string {
  return applicationMessages.t(lang, key, vars);
}

/** A state as a citizen reads it ("draft (not submitted)", "in review"), in the language. */
export function stateName(state: string, lang: Language): string {
  return applicationMessages.t(lang, 'state', { state });
}
