import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { runtimeEntrySource } from './runtime-modules.ts';
import { baseConfig, chunksOf, finish, type RuntimeManifest, writeJson } from './vite.ts';

const ENTRY = 'virtual:gemeng-runtime';

/**
 * Vite config of `frontends/kit`'s build: the shared runtime `dist/gemeng-runtime-<hash>.js`, one ES module
 * with lit, the kit and the browser i18n (see `runtime-modules.ts`), and `dist/manifest.json` naming it.
 */
export function runtimeConfig(root: string): UserConfig {
  const plugin: Plugin = {
    name: 'gemeng-runtime-entry',
    resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : null),
    load: (id) => (id === `\0${ENTRY}` ? runtimeEntrySource() : null),
    writeBundle(options, bundle) {
      const dir = options.dir ?? join(root, 'dist');
      const entry = chunksOf(bundle).find((chunk) => chunk.isEntry && chunk.name === 'gemeng-runtime');
      if (!entry) throw new Error('The runtime entry was not built.');
      const manifest: RuntimeManifest = { package: 'kit', runtime: entry.fileName, exports: entry.exports.toSorted() };
      writeJson(join(dir, 'manifest.json'), manifest);
      finish(dir, '@gemeng/frontend-kit runtime');
    },
  };
  // 'strict': every export stays, widget packages import from the runtime what they need.
  const config = baseConfig(root, { 'gemeng-runtime': ENTRY }, 'strict');
  return { ...config, plugins: [...(config.plugins ?? []), plugin] };
}
