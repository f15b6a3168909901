import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Plugin, parseAst, type UserConfig } from 'vite';
import { analyzeCustomElements } from './custom-elements.ts';
import { type EntryChunks, packageManifest } from './manifest.ts';
import { operationsPlugin } from './operations.ts';
import {
  PRELOAD_HELPER_ID,
  packageOf,
  RUNTIME_ID,
  RUNTIME_MODULES,
  RUNTIME_PACKAGES,
  runtimeShimSource,
} from './runtime-modules.ts';
import { baseConfig, chunksOf, finish, type RuntimeManifest, readJson, writeJson } from './vite.ts';

const SHIM = '\0gemeng-runtime-shim:';

interface PackageJson {
  name: string;
  /** single-spa application name → the export of `src/single-spa.ts` holding its lifecycles. */
  gemeng?: { applications?: Record<string, string> };
}

/** The runtime the package's chunks import: read from the kit's dist (turbo builds the kit first). */
export function runtimeOf(): RuntimeManifest {
  const path = fileURLToPath(new URL('../dist/manifest.json', import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build -w @gemeng/frontend-kit" first.`);
  return readJson<RuntimeManifest>(path);
}

/** Names each static import/re-export of `chunk` takes from `source` ('*' for a namespace). */
function importsFrom(code: string): { source: string; names: string[] }[] {
  const found: { source: string; names: string[] }[] = [];
  for (const node of parseAst(code).body) {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration') {
      if (!node.source) continue;
      const names = node.specifiers.map((s) => {
        if (s.type === 'ImportDefaultSpecifier') return 'default';
        if (s.type === 'ImportNamespaceSpecifier') return '*';
        const name = s.type === 'ImportSpecifier' ? s.imported : s.local;
        return name.type === 'Identifier' ? name.name : String(name.value);
      });
      found.push({ source: String(node.source.value), names });
    } else if (node.type === 'ExportAllDeclaration') {
      found.push({ source: String(node.source.value), names: ['*'] });
    }
  }
  return found;
}

/**
 * Points the shared runtime's modules (lit, the kit, …) and Vite's preload helper at the runtime instead of
 * bundling them, and checks the output: no bare specifier left, and every name taken from the runtime is one it
 * exports.
 */
export function runtimePlugin(runtime: RuntimeManifest, runtimeUrl: string): Plugin {
  return {
    name: 'gemeng-runtime-external',
    enforce: 'pre',
    resolveId(source) {
      if (source === RUNTIME_ID || source === PRELOAD_HELPER_ID) return { id: RUNTIME_ID, external: true };
      if (source in RUNTIME_MODULES) {
        return runtimeShimSource(source) ? `${SHIM}${source}` : { id: RUNTIME_ID, external: true };
      }
      const pkg = packageOf(source);
      if (pkg && RUNTIME_PACKAGES.includes(pkg)) {
        this.error(`${source} is not in the shared runtime: add it to frontends/kit/build/runtime-modules.ts.`);
      }
      return null;
    },
    load: (id) => (id.startsWith(SHIM) ? runtimeShimSource(id.slice(SHIM.length)) : null),
    generateBundle(_options, bundle) {
      const exported = new Set(runtime.exports);
      for (const chunk of chunksOf(bundle)) {
        for (const { source, names } of importsFrom(chunk.code)) {
          if (source === runtimeUrl) {
            const missing = names.filter((name) => name !== '*' && !exported.has(name));
            if (missing.length) this.error(`${chunk.fileName} imports ${missing.join(', ')}, which the runtime lacks.`);
          } else if (!/^\.{0,2}\//.test(source)) {
            this.error(`${chunk.fileName} imports "${source}": widget chunks may only import relative URLs.`);
          }
        }
      }
    },
  };
}

/**
 * Vite config of a widget package (`frontends/<package>`): one entry per custom element (`src/gemeng-<tag>.ts`
 * → `dist/gemeng-<tag>-<hash>.js`), one for the single-spa lifecycles (`src/single-spa.ts`) when package.json
 * names applications, hashed shared chunks, the shared runtime left outside (`../kit/gemeng-runtime-<hash>.js`),
 * then `dist/custom-elements.json`, `dist/manifest.json`, `dist/operations.json` and a `.gz` and `.br` of every file.
 *
 * `vite.config.ts`: `export default widgetPackageConfig(import.meta.dirname);`
 */
export function widgetPackageConfig(root: string): UserConfig {
  const pkg = readJson<PackageJson>(join(root, 'package.json'));
  const packageName = pkg.name.replace(/^@gemeng\/frontend-/, '');
  const applications = pkg.gemeng?.applications ?? {};
  const runtime = runtimeOf();
  const runtimeUrl = `../kit/${runtime.runtime}`;

  const src = join(root, 'src');
  const input: Record<string, string> = {};
  for (const file of readdirSync(src)) {
    const tag = /^(gemeng-[a-z0-9-]+)\.ts$/.exec(file)?.[1];
    if (tag) input[tag] = join(src, file);
  }
  const applicationsEntry = join(src, 'single-spa.ts');
  if (Object.keys(applications).length) input['single-spa'] = applicationsEntry;

  const output: Plugin = {
    name: 'gemeng-widget-manifest',
    writeBundle(options, bundle) {
      const dir = options.dir ?? join(root, 'dist');
      const entries: EntryChunks = new Map();
      for (const chunk of chunksOf(bundle)) {
        if (chunk.isEntry && chunk.facadeModuleId) {
          entries.set(chunk.facadeModuleId, { fileName: chunk.fileName, exports: chunk.exports });
        }
      }
      const cem = analyzeCustomElements(root);
      writeJson(join(dir, 'custom-elements.json'), cem);
      const manifest = packageManifest({ packageName, root, cem, entries, applications, applicationsEntry });
      writeJson(join(dir, 'manifest.json'), manifest);
      finish(dir, pkg.name);
    },
  };

  const config = baseConfig(root, input);
  return {
    ...config,
    plugins: [...(config.plugins ?? []), runtimePlugin(runtime, runtimeUrl), operationsPlugin(root), output],
    build: {
      ...config.build,
      rolldownOptions: {
        ...config.build?.rolldownOptions,
        output: { ...config.build?.rolldownOptions?.output, paths: { [RUNTIME_ID]: runtimeUrl } },
      },
    },
  };
}
