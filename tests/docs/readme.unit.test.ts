/**
 * What the README and the decisions promise about the repository stays true: the table of mutations lists exactly
 * the composed schema's, and links lead to files of this repository only (a reader of a clone has nothing else).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The Mutation fields of schema/supergraph.graphql (the type and its extensions). */
function schemaMutations(): string[] {
  const document = parse(read('schema/supergraph.graphql'));
  return document.definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.name.value === 'Mutation'
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}

/** The first column of the README's table under "## Mutations and who may call them". */
function readmeMutations(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('## Mutations and who may call them');
  if (start < 0) throw new Error('README.md has no section "## Mutations and who may call them"');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^\| `(\w+)` +\|/gm)].map((match) => match[1] as string);
}

const documents = ['README.md', ...readdirSync(join(ROOT, 'docs/adr')).map((name) => `docs/adr/${name}`)].filter(
  (path) => path.endsWith('.md'),
);

describe('README', () => {
  it('lists each mutation of the composed schema once, and no other', () => {
    const listed = readmeMutations();
    expect(listed.length, 'a mutation listed twice').toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual([...schemaMutations()].sort());
  });
});

describe.each(documents)('%s', (path) => {
  const text = read(path);

  it('links only to files that exist in the repository', () => {
    const outside: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!target || /^(https?|mailto):/.test(target) || target.startsWith('#')) continue;
      const file = resolve(ROOT, dirname(path), target.split('#')[0] as string);
      if (relative(ROOT, file).startsWith('..') || !existsSync(file)) outside.push(target);
    }
    expect(outside).toEqual([]);
  });

  it('points at no file outside the repository (another checkout, a hosted copy)', () => {
    const references = [
      ...text.matchAll(
        /(?:\.\.\/)+shared\/\S*|`shared\/[^`]*`|\/work\/\S*|https?:\/\/(?:github|gitlab)\.com\/\S+\/(?:blob|tree)\/\S*/g,
      ),
    ].map((match) => match[0]);
    expect(references).toEqual([]);
  });
});
