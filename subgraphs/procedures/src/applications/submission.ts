/**
 * What a submission adds besides the state change: the answers checked in full against the application's form
 * version, the required documents, the reference number (gapless per commune and year), the expected decision
 * date and, for a procedure with a fee, the `procedures.fee-due` event billing invoices exactly once.
 */
import { type Answers, type FormDefinition, validateAnswers } from '@gemeng/forms';
import { type FieldProblem, type Language, publishInTransaction } from '@gemeng/subgraph-kit';
import { todayInLuxembourg } from '../catalogue/working-days.ts';
import type { Application } from '../generated/prisma/client.ts';
import type { Tx } from './mail-queue.ts';
import { applicationText } from './messages.ts';

/** The domain event of a fee to invoice (owned by procedures: `procedures.*`). */
export const FEE_DUE = 'procedures.fee-due';

/** The payload of `procedures.fee-due`: enough for billing to invoice without asking back. */
export interface FeeDue {
  applicationId: string;
  communeId: string;
  reference: string;
  procedureCode: string;
  amountCents: number;
  currency: 'EUR';
  payerId: string;
  payerName: string;
  submittedAt: string;
}

/**
 * The answers' problems for the GraphQL input: `answers.<path>` (e.g. `answers.dogs.1.chip`). Date rules are
 * judged on `today` in Luxembourg; a test passes the shared verdict table's day instead.
 */
export function answerProblems(
  definition: FormDefinition,
  answers: Answers,
  mode: 'draft' | 'submit',
  lang: Language,
  today: string = todayInLuxembourg(),
): FieldProblem[] {
  return validateAnswers(definition, answers, { lang, mode, today }).map((problem) => ({
    field: `answers.${problem.path}`,
    message: problem.message,
  }));
}

interface AttachmentRequirement {
  key: string;
  required: boolean;
  label: Record<Language, string>;
}

/** A problem `attachments.<key>` for each required document without a file. */
export async function missingAttachments(
  tx: Tx,
  applicationId: string,
  required: readonly AttachmentRequirement[],
  lang: Language,
): Promise<FieldProblem[]> {
  const needed = required.filter((requirement) => requirement.required);
  if (needed.length === 0) return [];
  const present = new Set(
    (await tx.attachment.findMany({ where: { applicationId }, select: { kind: true } })).map((row) => row.kind),
  );
  return needed
    .filter((requirement) => !present.has(requirement.key))
    .map((requirement) => ({
      field: `attachments.${requirement.key}`,
      message: applicationText('attachmentRequired', lang, { label: requirement.label[lang] ?? requirement.key }),
    }));
}

/**
 * The next reference of the commune for the year, `DUD-2026-000123`. The counter row is incremented in the
 * submission's transaction (row lock until commit): concurrent submissions wait in turn, and a submission that
 * rolls back takes its number back with it, so the numbers have no gaps.
 */
export async function nextReference(tx: Tx, communeId: string, prefix: string, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO reference_counter (commune_id, year, last) VALUES (${communeId}::uuid, ${year}, 1)
    ON CONFLICT (commune_id, year) DO UPDATE SET last = reference_counter.last + 1
    RETURNING last`;
  if (!row) throw new Error('the reference counter returned no row');
  return `${prefix}-${year}-${String(row.last).padStart(6, '0')}`;
}

/** Writes the fee event in the transaction (outbox): it exists if and only if the submission committed. */
export async function publishFeeDue(
  tx: Tx,
  application: Application,
  fee: { procedureCode: string; amountCents: number },
): Promise<void> {
  if (fee.amountCents <= 0 || !application.reference || !application.submittedAt) return;
  const payload: FeeDue = {
    applicationId: application.id,
    communeId: application.communeId,
    reference: application.reference,
    procedureCode: fee.procedureCode,
    amountCents: fee.amountCents,
    currency: 'EUR',
    payerId: application.applicantId,
    payerName: application.applicantName,
    submittedAt: application.submittedAt.toISOString(),
  };
  await publishInTransaction(tx, FEE_DUE, { ...payload });
}
