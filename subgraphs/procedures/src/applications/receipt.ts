/**
 * The receipt of a submitted application as a PDF (pdfkit): what the applicant keeps as proof that the commune
 * received it — reference, procedure, applicant, when, the expected decision date, the fee and the documents
 * attached. Mailed at submission and served by the attachments' download route (`renderReceipt`).
 */
import { formatDateTime, formatEuroCents } from '@gemeng/i18n';
import { type Language, NotFoundError } from '@gemeng/subgraph-kit';
import PDFDocument from 'pdfkit';
import type { Db } from '../db.ts';
import { applicationText } from './messages.ts';

interface ReceiptRow {
  reference: string | null;
  applicant_name: string;
  submitted_at: Date | null;
  due_on: Date | null;
  fee_cents: number;
  title: Record<Language, string>;
  files: string[];
}

/** The file name the receipt is mailed and downloaded as. */
export function receiptFileName(reference: string | null): string {
  return `receipt-${reference ?? 'draft'}.pdf`;
}

/** The standard PDF fonts know WinAnsi only: narrow and non-breaking spaces (in dates, amounts) become spaces. */
function pdfText(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

/**
 * The receipt of application `applicationId` in `lang`; `NotFoundError` when it does not exist or was never
 * submitted. The caller has checked who may read it.
 */
export async function renderReceipt(db: Pick<Db, '$queryRaw'>, applicationId: string, lang: Language): Promise<Buffer> {
  const [row] = await db.$queryRaw<ReceiptRow[]>`
    SELECT a.reference, a.applicant_name, a.submitted_at, a.due_on,
      COALESCE(cp.fee_cents, t.fee_cents) AS fee_cents,
      jsonb_build_object('lb', t.title_lb, 'fr', t.title_fr, 'de', t.title_de, 'en', t.title_en) AS title,
      COALESCE((SELECT array_agg(f.file_name ORDER BY f.created_at) FROM attachment f WHERE f.application_id = a.id),
        '{}') AS files
    FROM application a
    JOIN commune_procedure cp ON cp.id = a.commune_procedure_id
    JOIN procedure_template t ON t.id = cp.template_id
    WHERE a.id = ${applicationId}::uuid AND a.submitted_at IS NOT NULL`;
  if (!row) throw new NotFoundError(applicationText('notFound', lang));
  const t = (key: Parameters<typeof applicationText>[0]) => pdfText(applicationText(key, lang));
  const day = (value: Date | null) => (value ? pdfText(formatDateTime(lang, value, { dateStyle: 'long' })) : '—');

  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang,
    info: { Title: `${t('receiptTitle')} ${row.reference ?? ''}`, Author: 'Gemeng', Creator: 'Gemeng' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(t('receiptTitle'));
  doc.moveDown(0.5).font('Helvetica').fontSize(11).text(t('receiptIntro'));
  doc.moveDown();
  const fields: [string, string][] = [
    [t('receiptReference'), row.reference ?? '—'],
    [t('receiptProcedure'), pdfText(row.title[lang])],
    [t('receiptApplicant'), pdfText(row.applicant_name)],
    [
      t('receiptSubmittedAt'),
      row.submitted_at
        ? pdfText(formatDateTime(lang, row.submitted_at, { dateStyle: 'long', timeStyle: 'short' }))
        : '—',
    ],
    [t('receiptDueOn'), day(row.due_on)],
    [t('receiptFee'), row.fee_cents > 0 ? pdfText(formatEuroCents(lang, row.fee_cents)) : t('receiptFree')],
    [t('receiptAttachments'), row.files.length > 0 ? pdfText(row.files.join(', ')) : t('receiptNone')],
  ];
  for (const [label, value] of fields) {
    doc.font('Helvetica-Bold').fontSize(10).text(label);
    doc.font('Helvetica').fontSize(12).text(value).moveDown(0.6);
  }
  doc.moveDown().font('Helvetica-Oblique').fontSize(9).text(t('receiptFooter'));
  doc.end();
  return done;
}
