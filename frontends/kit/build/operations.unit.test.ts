import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOperations, operationsManifest } from './operations.ts';

const repo = join(import.meta.dirname, '../../..');

/** Every frontend package and the shell: each has its own manifest. */
const packages = [
  ...readdirSync(join(repo, 'frontends'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repo, 'frontends', entry.name, 'src')))
    .map((entry) => `frontends/${entry.name}`),
  'shell',
];

/**
 * The operations a package's sources name, found without the manifest's parser: every string literal that starts
 * with `query Name`, `mutation Name` or `subscription Name` (tests excluded).
 */
function operationNamesInText(dir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || /\.(?:test|d)\.ts$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes('/generated/')) continue;
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/[`'"]\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/g)) {
      names.push(match[1] as string);
    }
  }
  return names.sort();
}

const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('operations manifest', () => {
  it.each(packages)('%s: holds every operation of the package, each hash is its document’s', (pkg) => {
    const manifest = operationsManifest(join(repo, pkg));
    expect(manifest.map((entry) => entry.name).sort()).toEqual([
      ...new Set(operationNamesInText(join(repo, pkg, 'src'))),
    ]);
    for (const entry of manifest) {
      expect(entry.hash).toBe(sha256(entry.document));
      expect(entry.document).toMatch(new RegExp(`^\\s*(?:query|mutation|subscription)\\s+${entry.name}\\b`));
    }
  });

  it('covers the operations the widgets send today', () => {
    const names = packages.flatMap((pkg) => operationsManifest(join(repo, pkg)).map((entry) => entry.name));
    expect(names).toEqual(expect.arrayContaining(['Account', 'ProfileUpdate', 'AccountErase', 'CommuneCard']));
    expect(new Set(names).size).toBe(names.length);
  });

  describe('refuses what the router could not trust', () => {
    const root = mkdtempSync(join(tmpdir(), 'gemeng-operations-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const pkg = (name: string, source: string) => {
      const dir = join(root, name);
      mkdirSync(join(dir, 'src'), { recursive: true });
      writeFileSync(join(dir, 'src', 'ops.ts'), source);
      return dir;
    };

    it('a field the graph does not have, with file and line', () => {
      const dir = pkg('unknown-field', '\nexport const Q = graphql(\'query Card { commune(slug: "x") { nope } }\');\n');
      expect(() => operationsManifest(dir)).toThrow(
        /src\/ops\.ts:2: Card: Cannot query field "nope" on type "Commune"/,
      );
    });

    it('interpolation, anonymous operations and two operations of one name', () => {
      const dir = pkg(
        'bad-shapes',
        [
          'const size = 3;',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: a widget's source text, with an interpolation
          'export const A = graphql(`query A { communes(first: ${size}) { id } }`);',
          "export const B = graphql('{ communes { id } }');",
          "export const C = graphql('query C { communes { id } }');",
          "export const D = graphql('query C { communes { slug } }');",
        ].join('\n'),
      );
      const message = (() => {
        try {
          operationsManifest(dir);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).toContain('src/ops.ts:2: graphql() takes one string literal');
      expect(message).toContain('src/ops.ts:3: one named query, mutation or subscription');
      expect(message).toContain('src/ops.ts:5: another operation is already called C');
    });

    it('finds calls in nested folders and skips tests', () => {
      const dir = pkg('nested', "export const Q = graphql('query Q { communes { id } }');\n");
      mkdirSync(join(dir, 'src', 'deep'));
      writeFileSync(
        join(dir, 'src', 'deep', 'more.ts'),
        "export const R = graphql('query R { communes { slug } }');\n",
      );
      writeFileSync(join(dir, 'src', 'q.unit.test.ts'), "graphql('query T { nope }');\n");
      expect(findOperations(dir).map((found) => found.where)).toEqual(['src/deep/more.ts:1', 'src/ops.ts:1']);
      expect(operationsManifest(dir).map((entry) => entry.name)).toEqual(['Q', 'R']);
    });
  });
});
