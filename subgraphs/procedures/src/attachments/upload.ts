/**
 * Adding and removing an application's files. An upload is refused before any byte is read when the caller,
 * the application's state, the kind or the declared length already say no; otherwise it streams through the
 * guard (type by magic bytes, size, SHA-256) into the store, and only a complete, verified file gets its row —
 * in a transaction that locks the application and checks its state and the 30 MB total again, so two uploads at
 * once cannot pass the limit together and a file cannot land on an application submitted meanwhile.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Caller } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import { declaredKinds, EDITABLE_STATES, editableApplication } from './access.ts';
import { AttachmentError } from './errors.ts';
import { inMb, UploadGuard } from './guard.ts';
import { ALLOWED_TYPES, MAX_APPLICATION_BYTES, MAX_FILE_BYTES, normaliseClaimedType } from './limits.ts';
import { type AttachmentStore, storageKeyOf } from './store.ts';

export interface UploadRequest {
  caller: Caller;
  applicationId: string;
  kind: string;
  fileName: string;
  /** The request's `content-type`. */
  contentType: string | undefined;
  /** The request's `content-length`, when the client sent one (not with a chunked body). */
  declaredLength: number | undefined;
  body: Readable;
}

/** What the upload answers and GraphQL's `Attachment` shows. */
export interface AttachmentSummary {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export const SUMMARY = {
  id: true,
  kind: true,
  fileName: true,
  mediaType: true,
  size: true,
  sha256: true,
  createdAt: true,
} as const;

/**
 * The name as shown and offered at download: the last path segment, without control characters or characters
 * that mean something in a header or a file system, at most 200 characters; null when nothing is left.
 */
export function cleanFileName(raw: string | null | undefined): string | null {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .trim()
    .replace(/^\.+/, '');
  return cleaned ? [...cleaned].slice(0, 200).join('') : null;
}

export async function uploadAttachment(
  db: Db,
  store: AttachmentStore,
  request: UploadRequest,
): Promise<AttachmentSummary> {
  const fileName = cleanFileName(request.fileName);
  if (!fileName) throw new AttachmentError('NAME_MISSING');
  const application = await editableApplication(db, request.caller, request.applicationId);
  if (!declaredKinds(application.communeProcedure.template.attachments).has(request.kind)) {
    throw new AttachmentError('UNKNOWN_KIND');
  }
  const claimedType = normaliseClaimedType(request.contentType);
  if (!(ALLOWED_TYPES as readonly string[]).includes(claimedType)) throw new AttachmentError('UNSUPPORTED_TYPE');

  const used = await usedBytes(db, application.id);
  const left = MAX_APPLICATION_BYTES - used;
  const fileBinds = MAX_FILE_BYTES <= left;
  const guard = new UploadGuard({
    claimedType,
    limit: fileBinds ? MAX_FILE_BYTES : Math.max(0, left),
    limitCode: fileBinds ? 'FILE_TOO_LARGE' : 'APPLICATION_FILES_TOO_LARGE',
    limitMb: inMb(fileBinds ? MAX_FILE_BYTES : MAX_APPLICATION_BYTES),
  });
  if (request.declaredLength !== undefined && request.declaredLength > guard.options.limit) {
    throw new AttachmentError(guard.options.limitCode, { maxMb: guard.options.limitMb });
  }

  const id = randomUUID();
  const storageKey = storageKeyOf(application.id, id);
  request.body.once('error', (error) => guard.destroy(error));
  request.body.pipe(guard);
  // Nothing is opened in the store before the first bytes are a PDF, JPEG or PNG, as claimed.
  const mediaType = await guard.type;
  await store.put(storageKey, guard, { mediaType });
  const sha256 = guard.sha256();
  try {
    return await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM application WHERE id = ${application.id}::uuid FOR UPDATE`;
      const current = await tx.application.findUniqueOrThrow({
        where: { id: application.id },
        select: { state: true },
      });
      if (!EDITABLE_STATES.includes(current.state)) throw new AttachmentError('APPLICATION_LOCKED');
      const total = await tx.attachment.aggregate({ where: { applicationId: application.id }, _sum: { size: true } });
      if ((total._sum.size ?? 0) + guard.size > MAX_APPLICATION_BYTES) {
        throw new AttachmentError('APPLICATION_FILES_TOO_LARGE', { maxMb: inMb(MAX_APPLICATION_BYTES) });
      }
      return tx.attachment.create({
        data: {
          id,
          applicationId: application.id,
          kind: request.kind,
          fileName,
          mediaType,
          size: guard.size,
          sha256,
          storageKey,
          uploadedBy: request.caller.sub,
        },
        select: SUMMARY,
      });
    });
  } catch (error) {
    await store.delete(storageKey);
    throw error;
  }
}

async function usedBytes(db: Db, applicationId: string): Promise<number> {
  const total = await db.attachment.aggregate({ where: { applicationId }, _sum: { size: true } });
  return total._sum.size ?? 0;
}

/** Removes a file of an application still being written (its applicant only); the row first, then the bytes. */
export async function deleteAttachment(db: Db, store: AttachmentStore, caller: Caller, attachmentId: string) {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { id: true, applicationId: true, storageKey: true },
  });
  if (!attachment) throw new AttachmentError('NOT_FOUND');
  await editableApplication(db, caller, attachment.applicationId);
  await db.attachment.delete({ where: { id: attachment.id } });
  await store.delete(attachment.storageKey);
}

/**
 * Removes the stored bytes of files whose rows are gone or going (a deleted draft, an erased account): call it
 * with the keys read before the rows were deleted. Failures are left to the caller to log; the rows rule.
 */
export async function removeStoredFiles(store: AttachmentStore, storageKeys: readonly string[]): Promise<void> {
  await Promise.all(storageKeys.map((key) => store.delete(key)));
}
