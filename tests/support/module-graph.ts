/**
 * The module graph of built widget code, read with es-module-lexer: which modules an entry imports statically (its
 * own chunks, fetched with it) and which only through `import()` (lazy parts). Works on URLs, so on files
 * (`file://`) and on what a server serves (`http://`) alike.
 */
import { init, parse } from 'es-module-lexer';

export interface ModuleGraph {
  /** The entry and every module it reaches through static imports, within the scope. */
  static: string[];
  /** Modules reached only through `import()` from those. */
  dynamic: string[];
}

/** Relative imports of one module's source, resolved against its URL. */
export async function relativeImports(url: string, source: string): Promise<{ static: string[]; dynamic: string[] }> {
  await init;
  const [imports] = parse(source);
  const found = { static: [] as string[], dynamic: [] as string[] };
  for (const entry of imports) {
    const specifier = entry.n;
    if (!specifier || !/^\.{1,2}\//.test(specifier)) continue;
    // t 2: a dynamic import(); static imports and `export … from` are 1.
    (entry.t === 2 ? found.dynamic : found.static).push(new URL(specifier, url).href);
  }
  return found;
}

/**
 * Follows the static imports of `entry` that stay under `scope` (a URL prefix, e.g. the package's folder; the
 * runtime outside it is neither followed nor listed). `read` gives a module's source, undefined when missing.
 */
export async function moduleGraph(
  entry: string,
  scope: string,
  read: (url: string) => Promise<string | undefined>,
): Promise<ModuleGraph> {
  const seen = new Set<string>();
  const dynamic = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const url = queue.shift() as string;
    if (seen.has(url) || !url.startsWith(scope)) continue;
    const source = await read(url);
    if (source === undefined) continue;
    seen.add(url);
    const imports = await relativeImports(url, source);
    queue.push(...imports.static);
    for (const lazy of imports.dynamic) dynamic.add(lazy);
  }
  return { static: [...seen], dynamic: [...dynamic].filter((url) => !seen.has(url)) };
}
