import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gemengMessages } from '@gemeng/i18n/vite';
import type { Rolldown, UserConfig } from 'vite';
import { precompress } from './compress.ts';

/** What widget packages need to know of the runtime: `frontends/kit/dist/manifest.json`. */
export interface RuntimeManifest {
  package: 'kit';
  /** File name of the runtime module in kit's dist, e.g. `gemeng-runtime-AbC12345.js`. */
  runtime: string;
  /** Names the runtime exports: widget chunks may import these and no others. */
  exports: string[];
}

/**
 * Chunk names that say what is inside: `messages-<feature>-<lang>` for a message file (all would be `lb`
 * otherwise) and the package's name for a third-party module (`uqr`, not `dist`).
 */
function chunkFileName(chunk: { name: string; facadeModuleId: string | null; moduleIds: string[] }): string {
  const id = chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '';
  const message = /[\\/]messages[\\/]([^\\/]+)[\\/]([a-z]{2})\.json$/.exec(id);
  if (message) return `messages-${message[1]}-${message[2]}-[hash].js`;
  const dependency = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1];
  if (dependency) return `${dependency.replace(/^@/, '').replace(/[\\/]/g, '-')}-[hash].js`;
  return '[name]-[hash].js';
}

/** The options every Gemeng browser build shares: ES2022 modules, hashed names, sourcemaps, relative URLs. */
export function baseConfig(
  root: string,
  input: Record<string, string>,
  preserveEntrySignatures: 'strict' | 'allow-extension' = 'allow-extension',
): UserConfig {
  return {
    root,
    // Relative: chunks find each other from their own URL, on the portal and on any commune page alike.
    base: './',
    logLevel: 'warn',
    plugins: [gemengMessages()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      minify: true,
      reportCompressedSize: false,
      modulePreload: { polyfill: false },
      rolldownOptions: {
        input,
        preserveEntrySignatures,
        output: {
          entryFileNames: '[name]-[hash].js',
          chunkFileNames: chunkFileName,
          assetFileNames: '[name]-[hash][extname]',
        },
      },
    },
  };
}

export const chunksOf = (bundle: Rolldown.OutputBundle): Rolldown.OutputChunk[] =>
  Object.values(bundle).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Precompresses `dir` and prints each JavaScript file's gzip size. */
export function finish(dir: string, label: string): void {
  const sizes = precompress(dir);
  const lines = sizes
    .filter((s) => s.file.endsWith('.js'))
    .map((s) => `  ${s.file.padEnd(48)} ${(s.gzip / 1024).toFixed(2).padStart(7)} KB gzip`);
  console.log(`${label} → ${join(dir)}\n${lines.join('\n')}`);
}
