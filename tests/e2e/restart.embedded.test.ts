/**
 * `npm start` a second time keeps the data: the embedded cluster lives in its folder between starts.
 * (Embedded only: `*.embedded.test.ts` runs in the embedded project alone.)
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack } from '../support/stack.ts';

let dataDir: string | undefined;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const count = async (routerUrl: string) => {
  const response = await fetch(routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ communes { slug name(lang: de) } }' }),
  });
  return ((await response.json()) as { data: { communes: { slug: string; name: string }[] } }).data.communes;
};

describe('a second start of the embedded platform', () => {
  it('keeps what the first one stored, and seeds nothing twice', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gemeng-restart-'));
    await chmod(dataDir, 0o755);
    const first = await startStack({ target: 'embedded', dataDir, shell: false });
    const seeded = await count(first.routerUrl);
    const client = new pg.Client({ connectionString: first.databaseUrls.identity });
    await client.connect();
    await client.query(
      `INSERT INTO commune (id, slug, name_lb, name_fr, name_de, name_en, population, website_origins, updated_at)
       VALUES (gen_random_uuid(), 'neiduerf', 'Neiduerf', 'Nouveau-Village', 'Neudorf', 'Newtown', 1234, '{}', now())`,
    );
    await client.end();
    await first.stop();

    const second = await startStack({ target: 'embedded', dataDir, shell: false });
    try {
      const communes = await count(second.routerUrl);
      expect(communes).toHaveLength(seeded.length + 1);
      expect(communes).toContainEqual({ slug: 'neiduerf', name: 'Neudorf' });
    } finally {
      await second.stop();
    }
  }, 600_000); // two platforms, one after the other, on a busy machine
});
