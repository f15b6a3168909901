/**
 * Attachments in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Scaleway, OVHcloud…): production, where
 * several replicas of procedures share the files. Uploads go as a multipart upload of 5 MB parts (the body's
 * length is not known in advance when it is streamed); a body that fails midway aborts it, so no object and no
 * orphan part remain.
 */
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { AttachmentStore } from './store.ts';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** An S3-compatible service's URL; unset: AWS S3 itself. */
  endpoint?: string;
  /** Tests and special setups; by default the SDK's own chain (environment, profile, role). */
  client?: S3Client;
}

export class S3AttachmentStore implements AttachmentStore {
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(options: S3StoreOptions) {
    this.#bucket = options.bucket;
    this.#client =
      options.client ??
      new S3Client({
        region: options.region,
        // At a custom endpoint: path-style addressing, which MinIO and most S3-compatible services expect, and
        // checksums only where S3 requires them (many compatible services refuse the SDK's default trailers).
        ...(options.endpoint
          ? {
              endpoint: options.endpoint,
              forcePathStyle: true,
              requestChecksumCalculation: 'WHEN_REQUIRED',
              responseChecksumValidation: 'WHEN_REQUIRED',
            }
          : {}),
      });
  }

  async put(key: string, body: Readable, info: { mediaType: string }): Promise<void> {
    const upload = new Upload({
      client: this.#client,
      params: { Bucket: this.#bucket, Key: key, Body: body, ContentType: info.mediaType },
      leavePartsOnError: false,
    });
    // A failing body (a limit crossed) must reject the upload; the SDK aborts the multipart upload then.
    const failed = new Promise<never>((_resolve, reject) => body.once('error', reject));
    try {
      await Promise.race([upload.done(), failed]);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const answer = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      return (answer.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
  }
}
