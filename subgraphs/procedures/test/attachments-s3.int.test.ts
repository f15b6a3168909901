/**
 * The S3-compatible store against a server speaking the S3 protocol (s3rver, on a free port): a file larger than
 * one multipart part comes back byte for byte, a body failing midway (a limit crossed) leaves no object, and a
 * delete removes it. Configured as production does, from the environment (ADR 12).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentError } from '../src/attachments/errors.ts';
import { S3AttachmentStore } from '../src/attachments/s3-store.ts';
import { type AttachmentStore, attachmentStoreFromEnv } from '../src/attachments/store.ts';

const BUCKET = 'gemeng-attachments';
const MB = 1024 * 1024;
let server: S3rver;
let directory: string;
let store: AttachmentStore;
const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'gemeng-s3-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  // The SDK's default credential chain, as in production: s3rver's fixed key pair.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  store = attachmentStoreFromEnv({ GEMENG_S3_BUCKET: BUCKET, GEMENG_S3_ENDPOINT: `http://127.0.0.1:${port}` });
});

afterAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = saved.id;
  process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
  if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** `size` bytes in 1 MB chunks, each filled with its index, so a misplaced part would show. */
function chunks(size: number, failAfter?: number): Readable {
  return Readable.from(
    (async function* () {
      for (let sent = 0; sent < size; sent += MB) {
        if (failAfter !== undefined && sent >= failAfter) throw new AttachmentError('FILE_TOO_LARGE', { maxMb: 10 });
        yield Buffer.alloc(Math.min(MB, size - sent), sent / MB);
      }
    })(),
  );
}

describe('the S3-compatible attachment store', () => {
  it('is the store the environment names when GEMENG_S3_BUCKET is set', () => {
    expect(store).toBeInstanceOf(S3AttachmentStore);
  });

  it('keeps a file of several parts and gives it back byte for byte, then deletes it', async () => {
    const key = 'applications/6f1c1b9e-3f51-4a8e-9a43-0c1f7f0e2b11/1d4c4a57-5a3b-4a47-8d43-0b7c1f2e9a10';
    await store.put(key, chunks(12 * MB + 5), { mediaType: 'application/pdf' });
    const stored = await store.get(key);
    expect(stored).not.toBeNull();
    // Buffer.equals: a deep equality over 12 million elements would take minutes.
    expect((await buffer(stored as Readable)).equals(await buffer(chunks(12 * MB + 5)))).toBe(true);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // already gone: no error
  }, 30_000);

  it('leaves no object when the body fails midway', async () => {
    const key = 'applications/6f1c1b9e-3f51-4a8e-9a43-0c1f7f0e2b11/2e5d5b68-6b4c-4b58-9e54-1c8d2f3fab21';
    await expect(store.put(key, chunks(12 * MB, 7 * MB), { mediaType: 'application/pdf' })).rejects.toBeInstanceOf(
      AttachmentError,
    );
    expect(await store.get(key)).toBeNull();
  }, 30_000);
});
