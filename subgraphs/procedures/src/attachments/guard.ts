/**
 * The checks an upload passes while it streams, so that no file is ever held whole in memory and nothing is
 * stored when one fails: the first bytes must be a PDF, JPEG or PNG (magic bytes, `file-type`) and match the type
 * the client claimed; the size may not cross the limit; the SHA-256 is computed on the way. The guard passes no
 * byte on until the type is known, so the store is not even opened for a file of the wrong type.
 */
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AttachmentError, type AttachmentErrorCode } from './errors.ts';
import { ALLOWED_TYPES, type AllowedType, MEBIBYTE } from './limits.ts';

/** Enough for file-type to recognise the three types (it reads at most 4100 bytes for them). */
const HEAD_BYTES = 4100;

export interface GuardOptions {
  /** The claimed `content-type`, normalised (see `normaliseClaimedType`). */
  claimedType: string;
  /** Most bytes allowed, and the refusal when they are crossed (one file's limit or what the application has left). */
  limit: number;
  limitCode: Extract<AttachmentErrorCode, 'FILE_TOO_LARGE' | 'APPLICATION_FILES_TOO_LARGE'>;
  /** The limit as the message states it, in MB. */
  limitMb: number;
}

export class UploadGuard extends Transform {
  #size = 0;
  #head: Buffer[] = [];
  #headSize = 0;
  #type: AllowedType | undefined;
  readonly #hash = createHash('sha256');
  readonly #typeKnown: Promise<AllowedType>;
  #settleType!: { resolve: (type: AllowedType) => void; reject: (error: Error) => void };

  constructor(readonly options: GuardOptions) {
    super();
    this.#typeKnown = new Promise<AllowedType>((resolve, reject) => {
      this.#settleType = { resolve, reject };
    });
    // Awaited by the upload; an unawaited rejection here must not crash the process.
    this.#typeKnown.catch(() => undefined);
    this.once('error', (error) => this.#settleType.reject(error));
  }

  /** Resolves with the verified type once the first bytes are checked; rejects on any refusal before. */
  get type(): Promise<AllowedType> {
    return this.#typeKnown;
  }

  get size(): number {
    return this.#size;
  }

  /** The SHA-256 (hex) of everything that passed; read once the stream ended. */
  sha256(): string {
    return this.#hash.digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.#size > this.options.limit) {
      callback(new AttachmentError(this.options.limitCode, { maxMb: this.options.limitMb }));
    } else if (this.#type) {
      this.#hash.update(chunk);
      callback(null, chunk);
    } else {
      this.#hash.update(chunk);
      this.#head.push(chunk);
      this.#headSize += chunk.length;
      if (this.#headSize < HEAD_BYTES) callback();
      else this.#release().then(() => callback(), callback);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.#size === 0) callback(new AttachmentError('EMPTY_FILE'));
    else if (this.#type) callback();
    else this.#release().then(() => callback(), callback);
  }

  /** Checks the first bytes, then lets them through. */
  async #release(): Promise<void> {
    const head = Buffer.concat(this.#head);
    const detected = (await fileTypeFromBuffer(head))?.mime;
    if (!detected || !(ALLOWED_TYPES as readonly string[]).includes(detected)) {
      throw new AttachmentError('UNSUPPORTED_TYPE');
    }
    if (detected !== this.options.claimedType) {
      throw new AttachmentError('TYPE_MISMATCH', { claimed: this.options.claimedType || '—' });
    }
    this.#type = detected as AllowedType;
    this.#head = [];
    this.push(head);
    this.#settleType.resolve(this.#type);
  }
}

/** A limit in bytes as a message says it: whole MB. */
export function inMb(bytes: number): number {
  return Math.floor(bytes / MEBIBYTE);
}
