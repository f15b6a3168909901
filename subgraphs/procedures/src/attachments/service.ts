/**
 * Attachments for GraphQL (`Application.attachments`): the files of every application a request shows, in one
 * SQL statement. Reading them is allowed where the application itself was (the applicant's own, or an agent of
 * its commune): the `Application` resolvers check that before any of its fields run.
 */
import { groupBy, loader, type ServiceContext } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import { type AttachmentSummary, SUMMARY } from './upload.ts';

const BY_APPLICATION = Symbol('attachmentsByApplication');

/** Where the router serves a file and an application's receipt (relative to the router's origin). */
export const attachmentUrl = (id: string) => `/files/attachments/${id}`;
export const receiptUrl = (applicationId: string) => `/files/applications/${applicationId}/receipt.pdf`;

export function attachmentsService(ctx: ServiceContext<Db>) {
  return {
    /** An application's files, oldest first. */
    ofApplication(applicationId: string): Promise<AttachmentSummary[]> {
      return loader<string, AttachmentSummary[]>(
        ctx,
        BY_APPLICATION,
        async (ids) => {
          const rows = await ctx.db.attachment.findMany({
            where: { applicationId: { in: [...ids] } },
            select: { ...SUMMARY, applicationId: true },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          });
          return groupBy(rows, (row) => row.applicationId);
        },
        [],
      ).load(applicationId);
    },
  };
}
