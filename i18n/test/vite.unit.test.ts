import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messages } from '../src/index.ts';
import { gemengMessages } from '../src/vite.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'gemeng-i18n-vite-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: fixtures,
    plugins: [gemengMessages()],
    build: {
      outDir,
      minify: false,
      lib: { entry: join(fixtures, 'entry.ts'), formats: ['es'], fileName: 'entry' },
    },
  });
}, 60_000);

afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('@gemeng/i18n/vite', () => {
  it('ships each language as a chunk of syntax trees, and the runtime without the ICU parser', async () => {
    const files = await readdir(outDir);
    const code = await Promise.all(files.map(async (file) => [file, await readFile(join(outDir, file), 'utf8')]));
    const lb = code.find(([, text]) => text?.includes('Moien'));
    expect(lb?.[0]).not.toBe('entry.js');
    expect(lb?.[1]).not.toContain('{count, plural');
    const all = code.map(([, text]) => text).join('\n');
    // Error kinds and the skeleton parser only the real parser has.
    expect(all).not.toContain('EXPECT_ARGUMENT_CLOSING_BRACE');
    expect(all).not.toContain('parseNumberSkeletonFromString');
  });

  it('formats in the built bundle', async () => {
    const { demo } = (await import(pathToFileURL(join(outDir, 'entry.js')).href)) as { demo: Messages };
    await demo.load('lb');
    expect(demo.t('lb', 'inhabitants', { count: 3 })).toBe('3 Awunner');
    expect(demo.t('lb', 'hello', { name: 'Lena' })).toBe('Moien, Lena!');
  });
});
