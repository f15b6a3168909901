import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingChanges, compose } from '../src/compose.ts';
import { SUBGRAPHS, SUPERGRAPH_PATH } from '../src/subgraphs.ts';

const committed = () =>
  Promise.all(
    SUBGRAPHS.map(async (entry) => ({ entry, sdl: await readFile(join(entry.dir, 'schema.graphql'), 'utf8') })),
  );

// Composing the four subgraphs takes a second or two, many more on a busy machine.
describe('supergraph composition', { timeout: 60_000 }, () => {
  it('composes the committed subgraph SDLs into the committed supergraph', async () => {
    const result = compose(await committed());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.supergraphSdl).toBe(await readFile(SUPERGRAPH_PATH, 'utf8'));
  });

  it('reports why composition fails when two subgraphs disagree', async () => {
    const subgraphs = await committed();
    const culture = subgraphs.find((s) => s.entry.name === 'culture');
    if (!culture) throw new Error('culture subgraph missing');
    // culture claims the commune population as its own field, with another type than identity's
    culture.sdl = culture.sdl.replace('  id: ID!\n', '  id: ID!\n  population: String!\n');
    const result = compose(subgraphs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/population/);
  });

  it('finds the breaking changes of the public API between two supergraphs', async () => {
    const subgraphs = await committed();
    const before = compose(subgraphs);
    const identity = subgraphs.find((s) => s.entry.name === 'identity');
    if (!identity || !before.ok) throw new Error('setup failed');
    // identity drops a public field that clients may be reading
    identity.sdl = identity.sdl.replace(
      /\n\s*"""Origins of the commune websites[^\n]*\n\s*websiteOrigins: \[String!\]!\n/,
      '\n',
    );
    const after = compose(subgraphs);
    if (!after.ok) return expect.fail(`composition failed: ${after.errors.join('; ')}`);
    const changes = breakingChanges(before.supergraphSdl, after.supergraphSdl);
    expect(changes.map((c) => c.description)).toEqual(
      expect.arrayContaining([expect.stringContaining('Commune.websiteOrigins')]),
    );
  });
});
