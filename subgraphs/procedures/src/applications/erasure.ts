/**
 * A person's applications when their account is erased (`identity.user-erased`). Drafts go entirely: the commune
 * never saw them. Submitted applications are the commune's administrative record, which it must keep under its
 * archiving duty (a decision, a permit, the dog tax it bases on a registration): they are pseudonymised — the
 * link to the account, the contact address and the person's name in the history, messages and applicant fields
 * are replaced — and the answers and documents stay as the commune's file. One still undecided is withdrawn by
 * the platform first (nobody can be told the decision any more).
 */
import { randomUUID } from 'node:crypto';
import { attachmentStoreFromEnv } from '../attachments/store.ts';
import type { Tx } from './mail-queue.ts';

/** What replaces the person's name in the applications the commune keeps. */
export const ERASED_NAME = 'Erased account';

const UNDECIDED = ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'] as const;

export async function eraseApplicant(tx: Tx, userId: string): Promise<void> {
  const drafts = await tx.attachment.findMany({
    where: { application: { applicantId: userId, state: 'DRAFT' } },
    select: { storageKey: true },
  });
  await tx.application.deleteMany({ where: { applicantId: userId, state: 'DRAFT' } });

  const kept = await tx.application.findMany({ where: { applicantId: userId }, select: { id: true, state: true } });
  const ids = kept.map((application) => application.id);
  const undecided = kept.filter((application) => (UNDECIDED as readonly string[]).includes(application.state));
  if (undecided.length > 0) {
    await tx.applicationHistory.createMany({
      data: undecided.map((application) => ({
        applicationId: application.id,
        actorId: null,
        actorName: 'Gemeng',
        actorRole: 'system',
        fromState: application.state,
        toState: 'WITHDRAWN' as const,
        reason: 'account erased',
      })),
    });
    await tx.application.updateMany({
      where: { id: { in: undecided.map((application) => application.id) } },
      data: { state: 'WITHDRAWN', version: { increment: 1 } },
    });
  }
  if (ids.length > 0) {
    await tx.application.updateMany({
      where: { id: { in: ids } },
      data: {
        // One random pseudonym: the commune still sees that these applications were one person's.
        applicantId: `erased:${randomUUID()}`,
        applicantName: ERASED_NAME,
        applicantEmail: null,
        pseudonymisedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await tx.applicationHistory.updateMany({
      where: { applicationId: { in: ids }, actorId: userId },
      data: { actorId: null, actorName: ERASED_NAME },
    });
    await tx.applicationMessage.updateMany({
      where: { applicationId: { in: ids }, authorId: userId },
      data: { authorId: null, authorName: ERASED_NAME },
    });
    await tx.attachment.updateMany({ where: { applicationId: { in: ids } }, data: { uploadedBy: null } });
  }
  // The draft's files last: should this fail, the event is handled again and finds the rows already gone.
  if (drafts.length > 0) {
    const store = attachmentStoreFromEnv();
    for (const { storageKey } of drafts) await store.delete(storageKey);
  }
}
