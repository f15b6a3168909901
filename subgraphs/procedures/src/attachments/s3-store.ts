/**
 * Attachments in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Scaleway, OVHcloud…): production, where
 * several replicas of procedures share the files. Uploads go as a multipart upload of 5 MB parts (the body's
 * length is not known in advance when it is streamed); a body that fails midway aborts it, so no object and no
 * orphan part remain. The AWS SDK is loaded on first use only: a process on the disk store never pays for it.
 */
import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AttachmentStore } from './store.ts';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** An S3-compatible service's URL; unset: AWS S3 itself. */
  endpoint?: string;
}

type Sdk = typeof import('@aws-sdk/client-s3');

export class S3AttachmentStore implements AttachmentStore {
  readonly #bucket: string;
  #ready: Promise<{ sdk: Sdk; client: S3Client }> | undefined;

  constructor(readonly options: S3StoreOptions) {
    this.#bucket = options.bucket;
  }

  /** The SDK and the client, made once; credentials from the SDK's chain (environment, profile, role). */
  #connect(): Promise<{ sdk: Sdk; client: S3Client }> {
    this.#ready ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.options.region,
        // At a custom endpoint: path-style addressing, which MinIO and most S3-compatible services expect, and
        // checksums only where S3 requires them (many compatible services refuse the SDK's default trailers).
        ...(this.options.endpoint
          ? {
              endpoint: this.options.endpoint,
              forcePathStyle: true,
              requestChecksumCalculation: 'WHEN_REQUIRED',
              responseChecksumValidation: 'WHEN_REQUIRED',
            }
          : {}),
      }),
    }));
    return this.#ready;
  }

  async put(key: string, body: Readable, info: { mediaType: string }): Promise<void> {
    const { client } = await this.#connect();
    const { Upload } = await import('@aws-sdk/lib-storage');
    const upload = new Upload({
      client,
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
    const { sdk, client } = await this.#connect();
    try {
      const answer = await client.send(new sdk.GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      return (answer.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (error instanceof sdk.NoSuchKey) return null;
      if (error instanceof sdk.S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = await this.#connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.#bucket, Key: key }));
  }
}
