/**
 * The applicant's mails: the receipt (with its PDF) at submission, one per status change, and the reminder of a
 * draft about to expire, each in the applicant's language, with a link to the application in the portal. The
 * relay is SMTP_URL (the local mail catcher on the embedded default, like identity), the sender MAIL_FROM.
 */
import { createMessages } from '@gemeng/i18n';
import {
  createLogger,
  createMailer,
  isLanguage,
  type Language,
  type Logger,
  list,
  loadConfig,
  type Mailer,
  mailFrom,
  renderMail,
  smtpUrl,
} from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import de from '../messages/mails/de.json' with { type: 'json' };
import en from '../messages/mails/en.json' with { type: 'json' };
import fr from '../messages/mails/fr.json' with { type: 'json' };
import lb from '../messages/mails/lb.json' with { type: 'json' };
import type { QueuedMail } from './mail-queue.ts';
import { stateName } from './messages.ts';
import { receiptFileName, renderReceipt } from './receipt.ts';

export const mailMessages = createMessages('procedures-mails', { lb, fr, de, en });

interface MailSettings {
  mailer: Mailer | null;
  portalOrigin: string;
}

let settings: MailSettings | undefined;

/**
 * The process's relay, made on first use from the environment: one pooled connection for every request. Without
 * SMTP_URL no mail is sent (logged once): a subgraph started alone for a test of something else still runs.
 */
function mailSettings(): MailSettings {
  if (settings) return settings;
  const config = loadConfig({
    smtpUrl: { ...smtpUrl('SMTP_URL'), read: (raw: string | undefined) => (raw ? smtpUrl('SMTP_URL').read(raw) : '') },
    mailFrom: mailFrom('MAIL_FROM', 'Gemeng <no-reply@gemeng.lu>'),
    portalOrigins: list('GEMENG_PORTAL_ORIGINS', ['http://localhost:8080']),
  });
  const log = createLogger('procedures');
  if (!config.smtpUrl) log.warn('SMTP_URL is not set: procedures sends no mail');
  settings = {
    mailer: config.smtpUrl ? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log }) : null,
    portalOrigin: config.portalOrigins[0] ?? 'http://localhost:8080',
  };
  return settings;
}

/** Closes the relay's connections (tests, shutdown); the next mail opens them again. */
export async function closeApplicationMailer(): Promise<void> {
  await settings?.mailer?.close();
  settings = undefined;
}

interface MailRow {
  id: string;
  reference: string | null;
  applicant_name: string;
  applicant_email: string | null;
  applicant_language: string;
  submitted_at: Date | null;
  due_on: Date | null;
  draft_expires_at: Date | null;
  titles: Record<Language, string>;
  procedure_code: string;
  commune_slug: string;
}

/** What a mail about the application says, in one statement. */
async function mailRow(db: Pick<Db, '$queryRaw'>, applicationId: string): Promise<MailRow | undefined> {
  const rows = await db.$queryRaw<MailRow[]>`
    SELECT a.id, a.reference, a.applicant_name, a.applicant_email, a.applicant_language, a.submitted_at, a.due_on,
      a.draft_expires_at, t.code AS procedure_code, pc.slug AS commune_slug,
      jsonb_build_object('lb', t.title_lb, 'fr', t.title_fr, 'de', t.title_de, 'en', t.title_en) AS titles
    FROM application a
    JOIN commune_procedure cp ON cp.id = a.commune_procedure_id
    JOIN procedure_template t ON t.id = cp.template_id
    JOIN procedure_commune pc ON pc.commune_id = a.commune_id
    WHERE a.id = ${applicationId}::uuid`;
  return rows[0];
}

/** Sends one queued mail, reading the committed application; none when it is gone or has no address. */
export async function sendApplicationMail(db: Pick<Db, '$queryRaw'>, mail: QueuedMail, log: Logger): Promise<void> {
  const { mailer, portalOrigin } = mailSettings();
  if (!mailer) return;
  const row = await mailRow(db, mail.applicationId);
  if (!row?.applicant_email) return;
  const lang: Language = isLanguage(row.applicant_language) ? row.applicant_language : 'lb';
  const common = {
    name: row.applicant_name,
    procedure: row.titles[lang],
    reference: row.reference ?? '',
    url:
      mail.kind === 'draftReminder'
        ? `${portalOrigin}/communes/${row.commune_slug}/procedures/${row.procedure_code}`
        : `${portalOrigin}/applications/${row.id}`,
  };
  const headers = { 'Auto-Submitted': 'auto-generated' };
  if (mail.kind === 'receipt') {
    const pdf = await renderReceipt(db, row.id, lang);
    const rendered = renderMail(mailMessages, 'receipt', lang, {
      ...common,
      submittedAt: row.submitted_at ?? new Date(),
      dueOn: row.due_on ?? new Date(),
    });
    await mailer.send({
      to: row.applicant_email,
      ...rendered,
      headers,
      attachments: [{ filename: receiptFileName(row.reference), content: pdf, contentType: 'application/pdf' }],
    });
  } else if (mail.kind === 'statusChanged') {
    const rendered = renderMail(mailMessages, 'statusChanged', lang, {
      ...common,
      state: stateName(mail.state, lang),
      hasReason: mail.reason ? 'yes' : 'no',
      reason: mail.reason ?? '',
    });
    await mailer.send({ to: row.applicant_email, ...rendered, headers });
  } else {
    const rendered = renderMail(mailMessages, 'draftReminder', lang, {
      ...common,
      expiresOn: row.draft_expires_at ?? new Date(),
    });
    await mailer.send({ to: row.applicant_email, ...rendered, headers });
  }
  log.info({ mail: mail.kind, applicationId: row.id }, 'application mail sent');
}
