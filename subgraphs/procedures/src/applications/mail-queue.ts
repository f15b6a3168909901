/**
 * The applicant's mails of one change, sent once its transaction has committed: a mail about a change that
 * rolled back must never go out, and a slow relay must not hold row locks. `applicationTransaction` is the one
 * way to change applications with mails: it runs the work, then sends what the work queued.
 */
import type { ServiceContext } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import { sendApplicationMail } from './mails.ts';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** A mail to an application's applicant: what it says is read from the committed row when it is sent. */
export type QueuedMail =
  | { kind: 'receipt'; applicationId: string }
  | { kind: 'statusChanged'; applicationId: string; state: string; reason: string | null }
  | { kind: 'draftReminder'; applicationId: string };

export class MailQueue {
  readonly items: QueuedMail[] = [];
  add(mail: QueuedMail): void {
    this.items.push(mail);
  }
}

/**
 * Runs `work` in one transaction, then sends the mails it queued (each failure logged, never failing the change
 * that is already committed: the applicant sees the new state in their account either way).
 */
export async function applicationTransaction<R>(
  ctx: Pick<ServiceContext<Db>, 'db' | 'log'>,
  work: (tx: Tx, mails: MailQueue) => Promise<R>,
): Promise<R> {
  const mails = new MailQueue();
  // Submissions of one commune queue on its reference counter's row: wait for a connection a little longer.
  const result = await ctx.db.$transaction((tx) => work(tx, mails), { maxWait: 10_000, timeout: 20_000 });
  await sendQueuedMails(ctx, mails);
  return result;
}

export async function sendQueuedMails(ctx: Pick<ServiceContext<Db>, 'db' | 'log'>, mails: MailQueue): Promise<void> {
  for (const mail of mails.items) {
    try {
      await sendApplicationMail(ctx.db, mail, ctx.log);
    } catch (error) {
      ctx.log.error({ err: error, mail: mail.kind, applicationId: mail.applicationId }, 'application mail not sent');
    }
  }
}
