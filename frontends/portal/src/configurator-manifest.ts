/**
 * What the configurator reads: `/widgets/manifest.json`, which the shell builds from every frontend package's
 * `dist/manifest.json` (so a new widget appears by itself), and the member communes from the graph.
 */

export interface ManifestAttribute {
  readonly name: string;
  /** As the custom-elements manifest writes it: `string`, `number`, `boolean`, `'a' | 'b'`, … */
  readonly type?: string;
  readonly description?: string;
  /** The values allowed, when there is a fixed list. */
  readonly values?: readonly string[];
  readonly default?: string;
}

export interface ManifestWidget {
  readonly tag: string;
  /** URL of the widget's module, e.g. `/widgets/portal/gemeng-commune-card-AbC12345.js`. */
  readonly module: string;
  readonly package: string;
  readonly summary?: string;
  readonly attributes: readonly ManifestAttribute[];
}

export interface WidgetsManifest {
  readonly version: string;
  readonly runtime: string;
  readonly loader: { readonly evergreen: string; readonly pinned: string; readonly integrity: string };
  readonly widgets: readonly ManifestWidget[];
}

export const MANIFEST_URL = '/widgets/manifest.json';

/** Attributes with a control of their own (language) or set by the loader (the GraphQL endpoint). */
export const OWN_CONTROLS: ReadonlySet<string> = new Set(['lang', 'endpoint']);

export class ManifestError extends Error {
  override name = 'ManifestError';
}

function isWidget(value: unknown): value is ManifestWidget {
  const widget = value as ManifestWidget | null;
  return (
    typeof widget?.tag === 'string' &&
    typeof widget.module === 'string' &&
    (widget.attributes === undefined || Array.isArray(widget.attributes))
  );
}

/** Fetches and checks the manifest; widgets are sorted by package, then tag. */
export async function fetchManifest(url = MANIFEST_URL, signal?: AbortSignal): Promise<WidgetsManifest> {
  const response = await fetch(url, { signal: signal ?? null, headers: { accept: 'application/json' } });
  if (!response.ok) throw new ManifestError(`${url} answered ${response.status}.`);
  const body = (await response.json()) as Partial<WidgetsManifest>;
  const loader = body.loader;
  if (!loader?.pinned || !loader.integrity || !Array.isArray(body.widgets)) {
    throw new ManifestError(`${url} lacks the loader or the widgets.`);
  }
  const widgets = body.widgets
    .filter(isWidget)
    .map((widget) => ({ ...widget, attributes: widget.attributes ?? [] }))
    .sort((a, b) => a.package.localeCompare(b.package) || a.tag.localeCompare(b.tag));
  return { version: body.version ?? '', runtime: body.runtime ?? '', loader, widgets };
}

/** What kind of form control an attribute gets. */
export type ControlKind = 'commune' | 'select' | 'number' | 'boolean' | 'text';

export function controlKind(attribute: ManifestAttribute): ControlKind {
  if (attribute.name === 'commune') return 'commune';
  if (attribute.values?.length) return 'select';
  const type = (attribute.type ?? '').replace(/\s*\|\s*undefined/g, '').trim();
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'text';
}

/** The attributes the configurator offers as options, in the manifest's order. */
export function optionAttributes(widget: ManifestWidget): ManifestAttribute[] {
  return widget.attributes.filter((attribute) => !OWN_CONTROLS.has(attribute.name));
}

/** The default of an attribute without the quotes the custom-elements manifest keeps around strings. */
export function defaultOf(attribute: ManifestAttribute): string | undefined {
  const value = attribute.default?.trim();
  if (value === undefined || value === '' || value === 'undefined') return undefined;
  return value.replace(/^(['"`])(.*)\1$/, '$2');
}
