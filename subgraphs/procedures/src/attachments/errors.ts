/**
 * The refusals of the attachment routes: one code per rule, the HTTP status that says it, and a message in the
 * caller's language (`src/messages/attachments`). The routes answer them as `{ error: { code, message } }`, the
 * shape the router's own refusals of `/files/...` share, so a widget reads one shape whoever refused.
 */
import { createMessages, type Language, type MessageValues } from '@gemeng/i18n';
import de from '../messages/attachments/de.json' with { type: 'json' };
import en from '../messages/attachments/en.json' with { type: 'json' };
import fr from '../messages/attachments/fr.json' with { type: 'json' };
import lb from '../messages/attachments/lb.json' with { type: 'json' };

export const attachmentMessages = createMessages('procedures-attachments', { lb, fr, de, en });

type MessageKey = keyof typeof en;

const REFUSALS = {
  UNAUTHENTICATED: { status: 401, message: 'unauthenticated' },
  // RFC 9470: an agent signed in with a password alone signs in again with a second factor
  STEP_UP: { status: 401, message: 'stepUp' },
  NOT_FOUND: { status: 404, message: 'notFound' },
  FORBIDDEN: { status: 403, message: 'forbidden' },
  APPLICATION_LOCKED: { status: 409, message: 'locked' },
  UNKNOWN_KIND: { status: 400, message: 'unknownKind' },
  NAME_MISSING: { status: 400, message: 'nameMissing' },
  EMPTY_FILE: { status: 400, message: 'empty' },
  FILE_TOO_LARGE: { status: 413, message: 'fileTooLarge' },
  APPLICATION_FILES_TOO_LARGE: { status: 413, message: 'applicationFull' },
  UNSUPPORTED_TYPE: { status: 415, message: 'unsupportedType' },
  TYPE_MISMATCH: { status: 415, message: 'typeMismatch' },
  RECEIPT_UNAVAILABLE: { status: 409, message: 'receiptUnavailable' },
  BAD_REQUEST: { status: 400, message: 'badRequest' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'unavailable' },
  INTERNAL: { status: 500, message: 'internal' },
} as const satisfies Record<string, { status: number; message: MessageKey }>;

export type AttachmentErrorCode = keyof typeof REFUSALS;

/** A refusal the caller can act on; anything else thrown in the routes is a 500 whose details stay in the log. */
export class AttachmentError extends Error {
  override name = 'AttachmentError';
  readonly status: number;
  constructor(
    readonly code: AttachmentErrorCode,
    readonly values: MessageValues = {},
  ) {
    super(`${code} ${JSON.stringify(values)}`);
    this.status = REFUSALS[code].status;
  }

  /** The answer body, in `lang`. */
  body(lang: Language): { error: { code: AttachmentErrorCode; message: string } } {
    return {
      error: { code: this.code, message: attachmentMessages.format(lang, REFUSALS[this.code].message, this.values) },
    };
  }
}
