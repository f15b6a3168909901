import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '@gemeng/service-kit';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { prepareDatabase } from '../src/database/prepare.ts';
import { subgraphProject } from '../src/database/project.ts';
import { applyMigrations, diffMigrations } from '../src/database/schema-engine.ts';
import { createMigratedDatabase, createTestDatabase, type TestDatabase } from '../src/testing.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

async function fresh(name: string) {
  const database = await createTestDatabase(inject('postgresUrl'), name);
  databases.push(database);
  return database;
}

async function count(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].count);
  } finally {
    await client.end();
  }
}

describe.each(['identity', 'procedures', 'culture', 'billing'])('migrations of %s', (name) => {
  const project = subgraphProject(join(root, name));

  it('apply once, then are a no-op, and are recorded in _prisma_migrations', async () => {
    const database = await fresh(name);
    const first = await applyMigrations(database.url, project);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(database.url, project)).toEqual([]);
    expect(await count(database.url, 'SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL')).toBe(
      first.length,
    );
  });

  it('match schema.prisma (a schema change without its migration fails here: run db:diff)', async () => {
    const database = await fresh(`${name}_diff`);
    expect(await diffMigrations(database.url, project)).toBe('');
  });

  it('seed idempotently: a second seeding changes no row count', async () => {
    // A copy of the run's seeded template: migrated and seeded once already.
    const database = await createMigratedDatabase(inject('postgresUrl'), project, `${name}_seed`, { seed: true });
    databases.push(database);
    const table = { identity: 'commune', procedures: 'commune_procedure', culture: 'event', billing: 'subscription' }[
      name
    ];
    const before = await count(database.url, `SELECT count(*) FROM "${table}"`);
    expect(before).toBeGreaterThan(0);
    await prepareDatabase(project, database.url, { seed: true });
    expect(await count(database.url, `SELECT count(*) FROM "${table}"`)).toBe(before);
  });
});

describe('a failing migration', () => {
  it('stops with one line naming the subgraph, and leaves nothing half-applied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gemeng-broken-'));
    try {
      await cp(join(root, 'identity', 'prisma'), join(dir, 'prisma'), { recursive: true });
      const broken = join(dir, 'prisma', 'migrations', '29991231000000_broken');
      await mkdir(broken);
      await writeFile(
        join(broken, 'migration.sql'),
        'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n',
      );
      const database = await fresh('broken');
      const run = prepareDatabase({ ...subgraphProject(dir), name: 'identity' }, database.url, { seed: false });
      await expect(run).rejects.toBeInstanceOf(StartupError);
      await expect(run).rejects.toThrow(/^migrating identity on postgres:\/\/.* failed: .*no_such_table/);
      expect(await count(database.url, "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'")).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
