import { readFile, stat } from 'node:fs/promises';
import { basename, extname, normalize, resolve, sep } from 'node:path';
import { ENCODINGS, type Encoding, SIBLING_SUFFIX } from './encoding.ts';
import { CONTENT_TYPES, IMMUTABLE, Resource } from './resource.ts';

/**
 * Build tools name files `<name>-<hash>.<ext>` (Vite's `[hash]`: 8 or more base64url characters); such a name
 * never holds other content, so it may be cached for good. A hash has a digit or a capital letter, which keeps
 * words like `custom-elements.json` or `gemeng-identity.js` out.
 */
export function isContentHashed(path: string): boolean {
  const match = /-([A-Za-z0-9_-]{8,})\.[a-z0-9]+(?:\.map)?$/.exec(basename(path));
  return Boolean(match?.[1] && /[0-9A-Z]/.test(match[1]));
}

/** Cache-control for a built file: hashed names for a year, the rest revalidated with their ETag. */
export function cacheControlFor(path: string): string {
  return isContentHashed(path) ? IMMUTABLE : 'no-cache';
}

/** Resolves a URL path inside `root`, or undefined for traversal attempts, NUL bytes and malformed escapes. */
export function safeJoin(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  return path === root || path.startsWith(root + sep) ? path : undefined;
}

export async function fileStat(path: string) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

async function readIfFile(path: string): Promise<Buffer | undefined> {
  return (await fileStat(path)) ? readFile(path) : undefined;
}

interface Entry {
  readonly version: string;
  readonly resource: Promise<Resource>;
  size: number;
}

/**
 * Built files, read once and kept in memory with their compressed forms (at most `budget` bytes of plain
 * bodies; the least recently used go first). A file changed on disk (a rebuild) is read again. A build's
 * precompressed `x.js.br` / `x.js.gz` is served as it is; without one, the file is compressed once here.
 */
export class FileStore {
  readonly #entries = new Map<string, Entry>();
  #size = 0;

  constructor(readonly budget = 64 * 1024 * 1024) {}

  /** The file as a resource, or undefined when it is not a file. */
  async get(path: string): Promise<Resource | undefined> {
    const info = await fileStat(path);
    if (!info) return undefined;
    const version = `${info.size}:${info.mtimeMs}`;
    const cached = this.#entries.get(path);
    if (cached?.version === version) {
      // Most recently used last.
      this.#entries.delete(path);
      this.#entries.set(path, cached);
      return cached.resource;
    }
    if (cached) this.#forget(path, cached);
    const entry: Entry = { version, resource: this.#read(path), size: info.size };
    this.#entries.set(path, entry);
    this.#size += entry.size;
    entry.resource.catch(() => this.#forget(path, entry));
    for (const [oldPath, old] of this.#entries) {
      if (this.#size <= this.budget || old === entry) break;
      this.#forget(oldPath, old);
    }
    return entry.resource;
  }

  #forget(path: string, entry: Entry): void {
    if (this.#entries.get(path) !== entry) return;
    this.#entries.delete(path);
    this.#size -= entry.size;
  }

  async #read(path: string): Promise<Resource> {
    const body = await readFile(path);
    const contentType = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const precompressed: Partial<Record<Encoding, () => Promise<Buffer | undefined>>> = {};
    for (const encoding of ENCODINGS) precompressed[encoding] = () => readIfFile(path + SIBLING_SUFFIX[encoding]);
    return new Resource(body, contentType, { precompressed });
  }
}
