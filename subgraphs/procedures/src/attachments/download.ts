/**
 * Serving files back: only to the applicant and the agents of the application's commune (anyone else: 404), always
 * as a download (`content-disposition: attachment`, so a browser never renders a citizen's file in the platform's
 * origin), with the type verified at upload and `nosniff`, and never kept in a shared cache.
 */
import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Caller, Language } from '@gemeng/subgraph-kit';
import { receiptFileName } from '../applications/receipt.ts';
import type { Db } from '../db.ts';
import { readableApplication } from './access.ts';
import { AttachmentError } from './errors.ts';
import type { AttachmentStore } from './store.ts';

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266, RFC 8187). */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_')
      .trim() || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The headers every download carries. */
export function downloadHeaders(fileName: string, mediaType: string, size?: number): Record<string, string> {
  return {
    'content-type': mediaType,
    'content-disposition': contentDisposition(fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'content-security-policy': "default-src 'none'; sandbox",
    ...(size === undefined ? {} : { 'content-length': String(size) }),
  };
}

export async function sendAttachment(
  db: Db,
  store: AttachmentStore,
  caller: Caller,
  attachmentId: string,
  res: ServerResponse,
): Promise<void> {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { applicationId: true, fileName: true, mediaType: true, size: true, storageKey: true },
  });
  if (!attachment) throw new AttachmentError('NOT_FOUND');
  await readableApplication(db, caller, attachment.applicationId);
  const body = await store.get(attachment.storageKey);
  if (!body) throw new Error(`attachment ${attachmentId}: no bytes under ${attachment.storageKey}`);
  await send(res, body, downloadHeaders(attachment.fileName, attachment.mediaType, attachment.size));
}

async function send(res: ServerResponse, body: Readable, headers: Record<string, string>): Promise<void> {
  res.writeHead(200, headers);
  await pipeline(body, res);
}

/** Renders an application's receipt PDF in a language (C1's `renderReceipt`). */
export type ReceiptRenderer = (db: Db, applicationId: string, lang: Language) => Promise<Buffer>;

export async function sendReceipt(
  db: Db,
  render: ReceiptRenderer,
  caller: Caller,
  applicationId: string,
  lang: Language,
  res: ServerResponse,
): Promise<void> {
  const { application } = await readableApplication(db, caller, applicationId);
  if (!application.reference) throw new AttachmentError('RECEIPT_UNAVAILABLE');
  const pdf = await render(db, application.id, lang);
  res.writeHead(200, downloadHeaders(receiptFileName(application.reference), 'application/pdf', pdf.length));
  res.end(pdf);
}
