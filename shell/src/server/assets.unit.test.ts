import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheControlFor, FileStore, isContentHashed, safeJoin } from './assets.ts';

const root = mkdtempSync(join(tmpdir(), 'gemeng-assets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('isContentHashed', () => {
  it("knows Vite's hashed names", () => {
    expect(isContentHashed('/assets/index-AbCdEf12.js')).toBe(true);
    expect(isContentHashed('gemeng-commune-card-C3x_9k-q.js')).toBe(true);
    expect(isContentHashed('gemeng-runtime-Dk3k2ms9.js.map')).toBe(true);
    expect(isContentHashed('index-BQ1ZjTq5.css')).toBe(true);
  });

  it('keeps plain names revalidated', () => {
    for (const name of [
      'custom-elements.json',
      'manifest.json',
      'gemeng-identity.js',
      'favicon.svg',
      'gemeng-login.js',
    ]) {
      expect(isContentHashed(name), name).toBe(false);
      expect(cacheControlFor(name)).toBe('no-cache');
    }
    expect(cacheControlFor('x-AbCdEf12.js')).toBe('public, max-age=31536000, immutable');
  });
});

describe('safeJoin', () => {
  it('stays inside the root', () => {
    expect(safeJoin(root, 'a/b.js')).toBe(join(root, 'a', 'b.js'));
    expect(safeJoin(root, '../x')).toBe(join(root, 'x'));
    expect(safeJoin(root, '..%2f..%2fetc%2fpasswd')).toBe(join(root, 'etc', 'passwd'));
  });

  it('refuses NUL bytes and malformed escapes', () => {
    expect(safeJoin(root, 'a%00.js')).toBeUndefined();
    expect(safeJoin(root, '%E0%A4%A')).toBeUndefined();
  });
});

describe('FileStore', () => {
  it('reads a file again when it changes on disk', async () => {
    const store = new FileStore();
    const path = join(root, 'page.html');
    writeFileSync(path, '<p>one</p>');
    expect((await store.get(path))!.body.toString()).toBe('<p>one</p>');
    writeFileSync(path, '<p>two, longer</p>');
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    expect((await store.get(path))!.body.toString()).toBe('<p>two, longer</p>');
    expect(await store.get(join(root, 'missing.html'))).toBeUndefined();
    expect(await store.get(root)).toBeUndefined();
  });

  it('compresses a file once and keeps the result', async () => {
    const store = new FileStore();
    const path = join(root, 'app.js');
    writeFileSync(path, 'console.log("gemeng");\n'.repeat(100));
    const resource = (await store.get(path))!;
    const first = await resource.negotiate('br');
    expect(first.encoding).toBe('br');
    expect((await store.get(path))!).toBe(resource);
    expect((await resource.negotiate('br')).body).toBe(first.body);
  });

  it('forgets the least recently used files beyond its budget', async () => {
    const store = new FileStore(250);
    const paths = ['a', 'b', 'c'].map((name) => join(root, `${name}.txt`));
    for (const path of paths) writeFileSync(path, 'x'.repeat(100));
    const a = await store.get(paths[0]!);
    await store.get(paths[1]!);
    await store.get(paths[2]!); // a goes
    expect(await store.get(paths[0]!)).not.toBe(a);
  });
});
