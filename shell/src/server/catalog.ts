import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileStat, safeJoin } from './assets.ts';

/** What one frontend build writes to `frontends/<package>/dist/manifest.json` (see the packages' READMEs). */
export interface WidgetEntry {
  readonly tag: string;
  readonly module: string;
  readonly summary?: string;
  readonly attributes?: readonly unknown[];
  readonly events?: readonly unknown[];
  readonly [key: string]: unknown;
}

export interface ApplicationEntry {
  /** URL path of the module (in a dist manifest: a file name in that dist folder). */
  readonly module: string;
  /** The export holding the single-spa lifecycles; without one, the module itself. */
  readonly lifecycles?: string;
}

/** Everything the frontend builds offer, with the URLs the shell serves them at. */
export interface Catalog {
  /** `/widgets/kit/gemeng-runtime-<hash>.js`, when the kit is built. */
  readonly runtime: string | undefined;
  /** Every widget of every package, sorted by tag, with `package` and `module` as a URL path. */
  readonly widgets: readonly (WidgetEntry & { readonly package: string })[];
  /** single-spa application name → module URL path and lifecycles export. */
  readonly applications: Readonly<Record<string, ApplicationEntry>>;
}

/** Package folder names become URL segments: keep them plain. */
const PACKAGE_NAME = /^[a-z0-9][a-z0-9-]*$/;
const TAG_NAME = /^[a-z][a-z0-9]*-[a-z0-9-]*$/;

/** The dist folder of each frontend package that has one, by package (folder) name. */
export async function distFolders(frontendsDir: string): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  let names: string[];
  try {
    names = (await readdir(frontendsDir)).sort();
  } catch {
    return folders;
  }
  for (const name of names) {
    if (!PACKAGE_NAME.test(name)) continue;
    const dist = join(frontendsDir, name, 'dist');
    if ((await stat(dist).catch(() => undefined))?.isDirectory()) folders.set(name, dist);
  }
  return folders;
}

/** Changes when a dist manifest appears, disappears or is rewritten (a rebuild while the shell runs). */
export async function catalogSignature(folders: ReadonlyMap<string, string>): Promise<string> {
  const parts: string[] = [];
  for (const [name, dist] of folders) {
    const info = await fileStat(join(dist, 'manifest.json'));
    parts.push(`${name}:${info ? `${info.size}:${info.mtimeMs}` : '-'}`);
  }
  return parts.join('|');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads every `dist/manifest.json`. A manifest that cannot be read, or an entry whose module is not in its dist
 * folder, is left out with one log line: one broken package must not take the others down.
 */
export async function readCatalog(
  folders: ReadonlyMap<string, string>,
  log: (line: string) => void = () => {},
): Promise<Catalog> {
  let runtime: string | undefined;
  const widgets: (WidgetEntry & { package: string })[] = [];
  const applications: Record<string, ApplicationEntry> = {};
  const seenTags = new Set<string>();

  for (const [name, dist] of folders) {
    const manifestPath = join(dist, 'manifest.json');
    if (!(await fileStat(manifestPath))) continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    } catch (error) {
      log(`shell: ${manifestPath} is not valid JSON, its widgets are left out (${(error as Error).message})`);
      continue;
    }
    if (!isRecord(manifest)) continue;
    if (manifest.package !== undefined && manifest.package !== name) {
      log(`shell: ${manifestPath} names the package "${String(manifest.package)}"; it is served as "${name}"`);
    }
    /** The URL path of a file of this package, or undefined (with a log line) when the build lacks it. */
    const moduleUrl = async (file: unknown, what: string): Promise<string | undefined> => {
      const path = typeof file === 'string' && file ? safeJoin(dist, file) : undefined;
      if (path && (await fileStat(path))) return `/widgets/${name}/${file as string}`;
      log(`shell: ${manifestPath}: ${what} names the module ${JSON.stringify(file)}, which is not in ${dist}`);
      return undefined;
    };

    if (manifest.runtime !== undefined) runtime ??= await moduleUrl(manifest.runtime, 'runtime');
    for (const widget of Array.isArray(manifest.widgets) ? manifest.widgets : []) {
      if (!isRecord(widget) || typeof widget.tag !== 'string' || !TAG_NAME.test(widget.tag)) continue;
      if (seenTags.has(widget.tag)) {
        log(`shell: <${widget.tag}> is offered by two packages; "${name}" is ignored for it`);
        continue;
      }
      const module = await moduleUrl(widget.module, `<${widget.tag}>`);
      if (!module) continue;
      seenTags.add(widget.tag);
      widgets.push({ ...(widget as WidgetEntry), package: name, module });
    }
    for (const [application, entry] of Object.entries(isRecord(manifest.applications) ? manifest.applications : {})) {
      if (!isRecord(entry) || applications[application]) continue;
      const module = await moduleUrl(entry.module, `the application ${application}`);
      if (!module) continue;
      applications[application] = {
        module,
        ...(typeof entry.lifecycles === 'string' && entry.lifecycles ? { lifecycles: entry.lifecycles } : {}),
      };
    }
  }
  widgets.sort((a, b) => a.tag.localeCompare(b.tag));
  return { runtime, widgets, applications };
}

/** Tag → module URL path: what the embed loader needs of the catalog. */
export function tagModules(catalog: Catalog): Record<string, string> {
  return Object.fromEntries(catalog.widgets.map((widget) => [widget.tag, widget.module]));
}
