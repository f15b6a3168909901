#!/usr/bin/env node
/**
 * gemeng-build: builds a Node service into plain JavaScript, so that it runs on `node` alone (no tsx at run
 * time). Run from the package's folder, as its `build` script:
 *
 *   gemeng-build src/main.ts                      -> dist/main.js
 *   gemeng-build src/main.ts --outdir dist-server -> dist-server/main.js
 *   gemeng-build --migrate                        -> dist/migrate.js (a subgraph's migrations and seed)
 *
 * Workspace code (this package and the @gemeng/* packages it imports) is bundled into one file per entry;
 * every package from node_modules stays outside the bundle, imported at run time by the path it resolved to
 * when built from the importing source file. That keeps each workspace's own dependency versions (the kit's
 * jose 6 is not the router's jose 4) and leaves native modules, WASM assets and Prisma's runtime where their
 * packages expect them. `import.meta.url` in bundled code is the output file: keep outputs at the depth of
 * the sources (dist/ next to src/) so that relative paths to files in the repository hold.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { outdir: { type: 'string', default: 'dist' }, migrate: { type: 'boolean', default: false } },
});
const packageDir = process.cwd();
const outdir = resolve(packageDir, values.outdir);

/** In each output folder: the workspace files bundled, with a hash of their content. */
const BUILD_INPUTS = 'build-inputs.json';

/** Marks what came from our own `build.resolve`, so that the plugin does not resolve it again. */
const OWN = Symbol('gemeng-build');

/** node_modules packages: external, by the exact file they resolve to from the importing source. */
const externalPackages = {
  name: 'external-packages',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === OWN) return undefined;
      if (args.path.startsWith('node:') || isBuiltin(args.path)) return { path: args.path, external: true };
      // Workspace packages are bundled (their sources are TypeScript, which node does not run).
      if (args.path.startsWith('@gemeng/')) return undefined;
      const resolved = await esbuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: OWN,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      let path = relative(outdir, resolved.path);
      if (!path.startsWith('.')) path = `./${path}`;
      return { path, external: true };
    });
  },
};

/** A subgraph's migrations and seed, without the migration CLI's imports of TypeScript at run time. */
function migrateEntry() {
  const seed = existsSync(join(packageDir, 'prisma', 'seed.ts'));
  return {
    contents: [
      "import { runMigrations } from '@gemeng/subgraph-kit/migrate';",
      "import { createDb } from './src/db.ts';",
      seed ? "import { seed } from './prisma/seed.ts';" : 'const seed = undefined;',
      'runMigrations({ dir: process.cwd(), createDb, seed });',
    ].join('\n'),
    resolveDir: packageDir,
    sourcefile: 'migrate.ts',
    loader: 'ts',
  };
}

const entries = positionals.map((entry) => ({ in: resolve(packageDir, entry), out: basename(entry, extname(entry)) }));
const common = {
  bundle: true,
  // A dynamic import of workspace code becomes a chunk of its own, loaded only when imported (the router's
  // gateway runtimes): without splitting its packages would be imported with the entry.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  outdir,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [externalPackages],
  // Names stay as written: stack traces and the logs' error names read as in the sources.
  keepNames: true,
  // Every output file directly in the folder: the external paths above are relative to it.
  chunkNames: '[name]-[hash]',
};

// The folder is this build's alone: emptied first, so that no chunk of an earlier build is left in it.
await rm(outdir, { recursive: true, force: true });
if (entries.length === 0 && !values.migrate) {
  console.error('gemeng-build: name an entry (gemeng-build src/main.ts) or --migrate');
  process.exit(1);
}
await mkdir(outdir, { recursive: true });
const results = [];
if (entries.length > 0) results.push(await build({ ...common, metafile: true, entryPoints: entries }));
if (values.migrate) {
  const migrate = { stdin: migrateEntry(), outfile: join(outdir, 'migrate.js') };
  results.push(await build({ ...common, ...migrate, metafile: true, splitting: false, outdir: undefined }));
}

// What the outputs were built from, by content: whoever runs them can tell a build older than its sources
// (scripts/processes.ts `builtEntry`), whatever the files' dates after a checkout or a cache restore.
const inputs = {};
for (const { metafile } of results) {
  for (const input of Object.keys(metafile.inputs)) {
    const path = resolve(packageDir, input);
    if (input.includes('node_modules') || !existsSync(path)) continue; // packages, and the virtual migrate entry
    inputs[relative(outdir, path)] = createHash('sha256').update(readFileSync(path)).digest('base64url');
  }
}
await writeFile(join(outdir, BUILD_INPUTS), `${JSON.stringify(inputs, null, 1)}\n`);
