/**
 * Transactional mail over SMTP (nodemailer, pooled connections). On the embedded default the relay is the
 * local mail catcher (`scripts/mail-catcher.ts`); in production an smtps:// relay with credentials.
 */

import type { Logger } from '@gemeng/service-kit';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { mailboxAddress, parseSmtpUrl } from './config.ts';

/** A message the relay did not accept (or could not be reached). The message names the relay, never its password. */
export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  constructor(
    message: string,
    /** host:port of the relay */
    readonly relay: string,
    /** nodemailer's error code (ECONNECTION, EAUTH, EENVELOPE, ETIMEDOUT, …) */
    readonly code?: string,
    /** the SMTP reply code, when the relay answered */
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

export interface MailerOptions {
  /** smtp://host:port or smtps://user:password@host:465 (see `smtpUrl`) */
  smtpUrl: string;
  /** the sender, e.g. `Gemeng <no-reply@gemeng.lu>` (see `mailFrom`) */
  from: string;
  log: Logger;
  /** connection, greeting and socket timeouts; 10 s by default */
  timeoutMs?: number;
}

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** extra headers, e.g. `{ 'Auto-Submitted': 'auto-generated' }` */
  headers?: Record<string, string>;
  /** files sent with the message (from memory only: no paths, no URLs), e.g. a receipt as PDF */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface Mailer {
  readonly from: string;
  /** host:port of the relay */
  readonly relay: string;
  /** Sends one message; resolves to its Message-ID, throws `MailDeliveryError`. */
  send(mail: OutgoingMail): Promise<string>;
  /** Connects and says hello (and logs in) without sending: for readiness checks. Throws `MailDeliveryError`. */
  verify(): Promise<void>;
  close(): Promise<void>;
}

export function createMailer({ smtpUrl, from, log, timeoutMs = 10_000 }: MailerOptions): Mailer {
  const target = parseSmtpUrl(smtpUrl);
  if (!mailboxAddress(from))
    throw new Error(`"${from}" is not a sender address: use e.g. "Gemeng <no-reply@gemeng.lu>"`);
  const relay = `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  const options: SMTPPool.Options = {
    pool: true,
    host: target.host,
    port: target.port,
    secure: target.secure,
    auth: target.auth,
    maxConnections: 3,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 3 * timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transport = nodemailer.createTransport(options);
  // a pooled transport reports a broken idle connection as an event: log it instead of crashing
  transport.on('error', (error: Error) =>
    log.warn({ relay, err: redact(error, target.auth?.pass) }, 'SMTP pool error'),
  );

  function deliveryError(error: unknown, doing: string): MailDeliveryError {
    const e = (error ?? {}) as { message?: string; code?: string; responseCode?: number };
    const reason = scrub(e.message ?? String(error), target.auth?.pass);
    return new MailDeliveryError(
      `could not ${doing} through the SMTP relay ${relay}: ${reason}`,
      relay,
      e.code,
      e.responseCode,
    );
  }

  return {
    from,
    relay,
    async send({ to, subject, text, html, headers, attachments }) {
      const recipients = Array.isArray(to) ? to : [to];
      if (recipients.length === 0 || recipients.some((address) => !mailboxAddress(address))) {
        throw new MailDeliveryError(
          `could not send mail: the recipient list is empty or malformed`,
          relay,
          'EENVELOPE',
        );
      }
      try {
        const info = await transport.sendMail({
          from,
          to: recipients,
          subject: subject.replace(/[\r\n]+/g, ' '),
          text,
          html,
          headers,
          ...(attachments?.length ? { attachments } : {}),
          textEncoding: 'quoted-printable',
        });
        log.debug({ relay, messageId: info.messageId, recipients: recipients.length }, 'mail sent');
        return info.messageId;
      } catch (error) {
        const failure = deliveryError(error, 'send mail');
        log.warn({ relay, code: failure.code, responseCode: failure.responseCode }, failure.message);
        throw failure;
      }
    },
    async verify() {
      try {
        await transport.verify();
      } catch (error) {
        throw deliveryError(error, 'connect');
      }
    },
    async close() {
      transport.close();
    },
  };
}

function scrub(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('***').split(encodeURIComponent(secret)).join('***');
}

function redact(error: Error, secret: string | undefined): { message: string; code?: string } {
  return { message: scrub(error.message, secret), code: (error as { code?: string }).code };
}
