/**
 * Where the bytes of attachments live, behind one interface so that the embedded default keeps them on the local
 * disk and production in an S3-compatible object store (docs/adr/0012-attachment-storage.md). The database holds
 * the metadata (name, verified type, size, SHA-256) and the `storageKey`; the store holds nothing else.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { ConfigError } from '@gemeng/subgraph-kit';
import { DiskAttachmentStore } from './disk-store.ts';
import { S3AttachmentStore } from './s3-store.ts';

export interface AttachmentStore {
  /**
   * Stores `body` under `key`. The body may fail midway (a limit the upload checks while it streams): then
   * `put` rejects with that error and leaves nothing under `key`, nor any partial object.
   */
  put(key: string, body: Readable, info: { mediaType: string }): Promise<void>;
  /** The bytes under `key`, streamed; null when there are none. */
  get(key: string): Promise<Readable | null>;
  /** Removes `key`; no error when it is already gone (deletes are retried after failures). */
  delete(key: string): Promise<void>;
}

/** `applications/<application id>/<attachment id>`: one prefix per application, for listing and erasure. */
export function storageKeyOf(applicationId: string, attachmentId: string): string {
  return `applications/${applicationId}/${attachmentId}`;
}

/**
 * The store the environment names: `GEMENG_S3_BUCKET` set → S3-compatible (`GEMENG_S3_ENDPOINT` for MinIO,
 * Ceph, Scaleway, OVH…; `GEMENG_S3_REGION`, default `AWS_REGION` or `eu-west-1`; credentials from the AWS SDK's
 * usual chain: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, a profile, or the platform's role); otherwise the
 * local disk under `GEMENG_ATTACHMENTS_DIR` (default `.gemeng/attachments` of the working directory, next to the
 * embedded database; `npm start` passes its data folder's).
 */
export function attachmentStoreFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentStore {
  const bucket = env.GEMENG_S3_BUCKET?.trim();
  if (bucket) {
    const endpoint = env.GEMENG_S3_ENDPOINT?.trim();
    if (endpoint && !/^https?:\/\//.test(endpoint)) {
      throw new ConfigError(`GEMENG_S3_ENDPOINT="${endpoint}" is not an http(s) URL`);
    }
    return new S3AttachmentStore({
      bucket,
      region: env.GEMENG_S3_REGION?.trim() || env.AWS_REGION?.trim() || 'eu-west-1',
      ...(endpoint ? { endpoint } : {}),
    });
  }
  const configured = env.GEMENG_ATTACHMENTS_DIR?.trim();
  const dir = configured
    ? isAbsolute(configured)
      ? configured
      : resolve(configured)
    : join(process.cwd(), '.gemeng', 'attachments');
  return new DiskAttachmentStore(dir);
}
