import { createMessages } from '@gemeng/i18n';
import de from './messages/validation/de.json' with { type: 'json' };
import en from './messages/validation/en.json' with { type: 'json' };
import fr from './messages/validation/fr.json' with { type: 'json' };
import lb from './messages/validation/lb.json' with { type: 'json' };

/**
 * The validation messages, all four languages imported statically (about 2 KB each): the same module must answer
 * synchronously in the subgraph and in the widget, and a lazily loaded language would make `validateAnswers`
 * asynchronous in the browser only. In a widget bundle `@gemeng/i18n/vite` precompiles these files like any other
 * `messages/<feature>/<lang>.json`, so no parser ships; in Node they are parsed on first use.
 */
export const validationMessages = createMessages('forms-validation', { lb, fr, de, en });

/** A key of the validation messages. */
export type ValidationMessage = Parameters<typeof validationMessages.t>[1];
