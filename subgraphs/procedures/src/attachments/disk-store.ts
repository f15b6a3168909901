/**
 * Attachments on the local disk: the embedded default (one machine, `npm start`). A file is written under a
 * temporary name in the same folder tree and renamed into place once complete, so a reader never sees half a
 * file and a refused upload (a limit crossed midway) leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentStore } from './store.ts';

/** Keys are ours (`applications/<uuid>/<uuid>`); anything else would be a bug or an attempt to leave the folder. */
const KEY = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;

export class DiskAttachmentStore implements AttachmentStore {
  constructor(readonly dir: string) {}

  #path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.dir, key);
  }

  async put(key: string, body: Readable): Promise<void> {
    const path = this.#path(key);
    const incoming = join(this.dir, '.incoming');
    await mkdir(incoming, { recursive: true, mode: 0o700 });
    const temporary = join(incoming, randomUUID());
    try {
      await pipeline(body, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.#path(key);
    try {
      if (!(await stat(path)).isFile()) return null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
}
