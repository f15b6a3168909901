import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCustomElements } from './custom-elements.ts';
import { literalValues, packageManifest } from './manifest.ts';
import { runtimeEntrySource, runtimeShimSource } from './runtime-modules.ts';

const root = mkdtempSync(join(tmpdir(), 'gemeng-cem-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function element(summary: string): string {
  return `import { LitElement } from 'lit';
const URL_DEFAULT = '/x';
/**
 * A widget.
 *
 * @element gemeng-sample${summary}
 * @attr {'lb'|'fr'|'de'|'en'} lang - Language.
 * @attr {1|2|3} [heading-level=2] - Heading level,
 *   on two lines.
 * @attr {string} source - Where from.
 * @fires gemeng-loaded - Loaded.
 */
export class Sample extends LitElement {
  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    sourceUrl: { type: String, attribute: 'source' },
    source: { state: true },
    busy: { state: true },
  };
  constructor() { super(); this.sourceUrl = URL_DEFAULT; }
}
`;
}

function write(summary: string) {
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'sample.ts'), element(summary));
  writeFileSync(
    join(root, 'src', 'gemeng-sample.ts'),
    `import { Sample } from './sample.ts';\ncustomElements.define('gemeng-sample', Sample);\n`,
  );
  writeFileSync(join(root, 'src', 'single-spa.ts'), 'export default {};\n');
}

const entries = () =>
  new Map([
    [join(root, 'src', 'gemeng-sample.ts'), { fileName: 'gemeng-sample-AbC12345.js', exports: ['Sample'] }],
    [join(root, 'src', 'single-spa.ts'), { fileName: 'single-spa-XyZ98765.js', exports: ['default'] }],
  ]);

const manifestOf = (applications: Record<string, string> = { '@gemeng/sample': 'default' }) =>
  packageManifest({
    packageName: 'sample',
    root,
    cem: analyzeCustomElements(root),
    entries: entries(),
    applications,
    applicationsEntry: join(root, 'src', 'single-spa.ts'),
  });

describe('widget manifest', () => {
  it('lists each element with its module, summary, documented attributes (values, default) and events', () => {
    write('\n * @summary A sample widget.');
    expect(manifestOf()).toEqual({
      package: 'sample',
      widgets: [
        {
          tag: 'gemeng-sample',
          module: 'gemeng-sample-AbC12345.js',
          summary: 'A sample widget.',
          attributes: [
            { name: 'lang', type: 'string', description: 'Language.', values: ['lb', 'fr', 'de', 'en'] },
            {
              name: 'heading-level',
              type: 'number',
              description: 'Heading level, on two lines.',
              values: ['1', '2', '3'],
              default: '2',
            },
            { name: 'source', type: 'string', description: 'Where from.' },
          ],
          events: [{ name: 'gemeng-loaded', description: 'Loaded.' }],
        },
      ],
      applications: { '@gemeng/sample': { module: 'single-spa-XyZ98765.js', lifecycles: 'default' } },
    });
  });

  it('fails without a @summary, or when the lifecycles export is missing', () => {
    write('');
    expect(() => manifestOf()).toThrow(/<gemeng-sample>: its class has no @summary/);
    write('\n * @summary A sample widget.');
    expect(() => manifestOf({ '@gemeng/sample/other': 'other' })).toThrow(/does not export other/);
  });

  it('reads the values of a union of literals only', () => {
    expect(literalValues("'a' | 'b'")).toEqual(['a', 'b']);
    expect(literalValues('1|2')).toEqual(['1', '2']);
    expect(literalValues('string')).toBeUndefined();
    expect(literalValues("'a' | string")).toBeUndefined();
  });
});

describe('runtime modules', () => {
  it('re-exports whole modules, and renames where two modules share a name', () => {
    const entry = runtimeEntrySource();
    expect(entry).toContain('export * from "lit";');
    expect(entry).toContain('html as staticHtml');
    expect(entry).toContain('notifyOpener();');
    expect(runtimeShimSource('lit/static-html.js')).toContain('staticHtml as html');
    expect(runtimeShimSource('lit')).toBeUndefined();
  });
});
