import { relative, resolve, sep } from 'node:path';
import type { CemAttribute, CemDeclaration, CemPackage } from './custom-elements.ts';

/** One attribute of a widget, for the configurator and the embed documentation. */
export interface WidgetAttribute {
  name: string;
  type: string;
  description: string;
  /** The only values the widget accepts, when the JSDoc type is a union of literals (`{'lb'|'fr'}`). */
  values?: string[];
  /** From the JSDoc `[name=default]`. */
  default?: string;
}

export interface WidgetEntry {
  tag: string;
  /** The element's entry file in the package's dist (hashed). */
  module: string;
  summary: string;
  attributes: WidgetAttribute[];
  events: { name: string; description?: string }[];
}

/** `dist/manifest.json` of a widget package (see notes in frontends/kit/README.md, "Build"). */
export interface PackageManifest {
  package: string;
  widgets: WidgetEntry[];
  applications: Record<string, { module: string; lifecycles: string }>;
}

/** The built entry chunks: source path (absolute) → file name and export names. */
export type EntryChunks = Map<string, { fileName: string; exports: string[] }>;

const LITERAL = /^(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))$/;

/** `'a' | 'b'` → ['a', 'b']; undefined unless every member of the union is a literal. */
export function literalValues(typeText: string | undefined): string[] | undefined {
  if (!typeText) return undefined;
  const members = typeText.split('|').map((part) => part.trim());
  const values = members.map((member) => LITERAL.exec(member)).map((m) => (m ? (m[1] ?? m[2] ?? m[3]) : undefined));
  return values.length > 1 && values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

function baseType(typeText: string | undefined, values: string[] | undefined): string {
  if (values) return values.every((v) => /^-?\d/.test(v)) ? 'number' : 'string';
  const text = (typeText ?? 'string').replace(/\s*\|\s*undefined$/, '');
  return text || 'string';
}

/** A default the analyzer read from code (`MANIFEST_URL`, `config.x`, `{ … }`) says nothing to a webmaster. */
const isCode = (text: string) =>
  /^[A-Z_][A-Z0-9_]*$/.test(text) || /[(){}[\]=>]/.test(text) || /^[a-z_$][\w$]*\.[a-z_$]/i.test(text);

const oneLine = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function attribute(a: CemAttribute): WidgetAttribute {
  const values = literalValues(a.type?.text);
  const entry: WidgetAttribute = {
    name: a.name,
    type: baseType(a.type?.text, values),
    description: oneLine(a.description),
  };
  if (values) entry.values = values;
  const fallback = a.default?.replace(/^(['"])(.*)\1$/, '$2');
  if (fallback !== undefined && !isCode(fallback)) entry.default = fallback;
  return entry;
}

/**
 * The widgets (one per `customElements.define` the analyzer found) and applications of a package. Fails when an
 * element has no built entry, no `@summary`, or an `@attr` without a description: the configurator shows them.
 */
export function packageManifest(options: {
  packageName: string;
  root: string;
  cem: CemPackage;
  entries: EntryChunks;
  applications: Record<string, string>;
  applicationsEntry: string;
}): PackageManifest {
  const { root, cem, entries } = options;
  const problems: string[] = [];
  const declarationOf = (module: string | undefined, name: string): CemDeclaration | undefined =>
    cem.modules.find((m) => m.path === module)?.declarations?.find((d) => d.name === name) ??
    cem.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === name && d.customElement);

  const widgets: WidgetEntry[] = [];
  for (const module of cem.modules) {
    for (const definition of module.exports ?? []) {
      if (definition.kind !== 'custom-element-definition') continue;
      const tag = definition.name;
      const declaration = declarationOf(definition.declaration.module, definition.declaration.name);
      const chunk = entries.get(resolve(root, module.path));
      if (!chunk) {
        problems.push(`<${tag}> is defined in ${module.path}, which is no entry: name it src/${tag}.ts.`);
        continue;
      }
      if (!declaration?.summary) problems.push(`<${tag}>: its class has no @summary.`);
      const attributes = (declaration?.attributes ?? []).map(attribute);
      for (const a of attributes) if (!a.description) problems.push(`<${tag}>: @attr ${a.name} has no description.`);
      const events = (declaration?.events ?? []).flatMap((e) =>
        e.name ? [e.description ? { name: e.name, description: oneLine(e.description) } : { name: e.name }] : [],
      );
      widgets.push({ tag, module: chunk.fileName, summary: oneLine(declaration?.summary), attributes, events });
    }
  }

  const applications: PackageManifest['applications'] = {};
  const lifecycles = Object.entries(options.applications);
  if (lifecycles.length) {
    const chunk = entries.get(resolve(root, options.applicationsEntry));
    for (const [name, exported] of lifecycles) {
      if (!chunk)
        problems.push(`${name}: ${relative(root, options.applicationsEntry).split(sep).join('/')} is missing.`);
      else if (!chunk.exports.includes(exported))
        problems.push(`${name}: ${chunk.fileName} does not export ${exported}.`);
      else applications[name] = { module: chunk.fileName, lifecycles: exported };
    }
  }
  if (problems.length) throw new Error(`${options.packageName}: ${problems.join(' ')}`);
  widgets.sort((a, b) => a.tag.localeCompare(b.tag));
  return { package: options.packageName, widgets, applications };
}
