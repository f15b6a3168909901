/**
 * Typed errors: the expected failures of mutations, returned in their result union (plugin-errors), each with
 * a message in the request language (Accept-Language) that says what to do. `Error`, `ValidationError` and
 * `NotFoundError` are the kit's shareable types (re-exported here); the texts and identity's own errors are here.
 */
import { createMessages, type MessageValues } from '@gemeng/i18n';
import { errorTypes, type Language, NotFoundError, ValidationError } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import de from '../messages/errors/de.json' with { type: 'json' };
import en from '../messages/errors/en.json' with { type: 'json' };
import fr from '../messages/errors/fr.json' with { type: 'json' };
import lb from '../messages/errors/lb.json' with { type: 'json' };

export { NotFoundError, ValidationError };

/** Identity's error messages (ICU, `messages/errors/<language>.json`). */
export const errorMessages = createMessages('identity-errors', { lb, fr, de, en });

export type TextKey = Parameters<typeof errorMessages.t>[1];

/** The message in the language, with its arguments filled in. */
export function text(key: TextKey, lang: Language, vars: MessageValues = {}): string {
  return errorMessages.t(lang, key, vars);
}

/** A password confirmation refused while the account is locked after too many wrong passwords. */
export function lockedError(locked: { lockedMinutes: number }, lang: Language): ValidationError {
  return new ValidationError('password', text('tooManyAttempts', lang, { minutes: locked.lockedMinutes }));
}

// The shareable error types are the kit's (schema/errors.ts): identity's own error types implement its interface.
export const { ErrorInterface } = errorTypes(builder);
