/**
 * procedures' housekeeping (the kit's maintenance runner, subgraphs/kit/src/maintenance.ts), besides the events
 * every subgraph cleans up: drafts are not kept forever. A draft unchanged for 23 days gets a reminder mail (it
 * is deleted 7 days later); a draft unchanged for 30 days is deleted with its documents. Nobody is ever left
 * believing a draft was submitted: the reminder says it was not.
 */
import { createLogger, eventRetention, type MaintenanceTask, type TxOf } from '@gemeng/subgraph-kit';
import { sendApplicationMail } from './applications/mails.ts';
import { attachmentStoreFromEnv } from './attachments/store.ts';
import type { Db } from './db.ts';

type Tx = TxOf<Db>;

/** The reminder goes this many days before the draft expires. */
export const REMINDER_DAYS = 7;
/** At most this many reminders per pass (the next pass sends the rest). */
const REMINDER_BATCH = 200;

const log = createLogger('procedures');

/** Reminds the applicants of drafts expiring within 7 days, once per draft (a later save re-arms it). */
export async function remindDrafts(tx: Tx, now = new Date()): Promise<number> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM application
    WHERE state = 'DRAFT' AND reminder_sent_at IS NULL AND applicant_email IS NOT NULL
      AND draft_expires_at > ${now} AND draft_expires_at <= ${now}::timestamptz + make_interval(days => ${REMINDER_DAYS})
    ORDER BY draft_expires_at
    LIMIT ${REMINDER_BATCH}
    FOR UPDATE SKIP LOCKED`;
  let sent = 0;
  for (const { id } of due) {
    try {
      await sendApplicationMail(tx, { kind: 'draftReminder', applicationId: id }, log);
      await tx.application.update({ where: { id }, data: { reminderSentAt: now } });
      sent += 1;
    } catch (error) {
      log.warn({ err: error, applicationId: id }, 'draft reminder not sent: tried again at the next pass');
    }
  }
  return sent;
}

/** Deletes the drafts past their expiry, with their documents' files. */
export async function deleteExpiredDrafts(tx: Tx, now = new Date()): Promise<number> {
  const files = await tx.attachment.findMany({
    where: { application: { state: 'DRAFT', draftExpiresAt: { lte: now } } },
    select: { storageKey: true },
  });
  const { count } = await tx.application.deleteMany({ where: { state: 'DRAFT', draftExpiresAt: { lte: now } } });
  if (files.length > 0) {
    const store = attachmentStoreFromEnv();
    for (const { storageKey } of files) {
      await store
        .delete(storageKey)
        .catch((error: unknown) => log.warn({ err: error, storageKey }, 'file not deleted'));
    }
  }
  return count;
}

export const maintenance: MaintenanceTask<Tx>[] = [
  ...eventRetention,
  { name: 'draft-reminders', run: (tx) => remindDrafts(tx) },
  { name: 'expired-drafts', run: (tx) => deleteExpiredDrafts(tx) },
];
