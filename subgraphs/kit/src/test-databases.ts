/**
 * Databases for data tests, on the test project's PostgreSQL server: empty ones, and migrated ones copied with
 * `CREATE DATABASE … TEMPLATE` from a template that each subgraph's migrations (and, when asked, its seed)
 * went into once per test run. Every name starts with the run's prefix (`inject('testRunPrefix')`, set by the
 * project's global setup), so that the global teardown drops whatever a test left behind.
 */
import 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase } from './database/embedded.ts';
import { prepareDatabase } from './database/prepare.ts';
import { type SubgraphProject, subgraphProject } from './database/project.ts';
import { withDatabase } from './database/url.ts';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The prefix of this run's databases (`t<hex>_`), or `test_` outside a data project. */
export function testRunPrefix(): string {
  try {
    return inject('testRunPrefix') ?? 'test_';
  } catch {
    return 'test_';
  }
}

function databaseName(name: string): string {
  return `${testRunPrefix()}${name.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`.slice(0, 63);
}

/** A new, empty database named after `name` on the server of `serverUrl`, dropped by `drop()`. */
export async function createTestDatabase(serverUrl: string, name: string): Promise<TestDatabase> {
  const database = databaseName(name);
  await ensureDatabase(serverUrl, database);
  return { url: withDatabase(serverUrl, database), drop: () => dropDatabase(serverUrl, database) };
}

/**
 * A new database with the subgraph's migrations applied (and its seed, with `seed: true`), copied from this
 * run's template of that subgraph: the migrations run once per run and server, not once per test file.
 */
export async function createMigratedDatabase(
  serverUrl: string,
  subgraph: SubgraphProject | string,
  name: string,
  options: { seed: boolean },
): Promise<TestDatabase> {
  const project = typeof subgraph === 'string' ? subgraphProject(subgraph) : subgraph;
  const template = await migratedTemplate(serverUrl, project, options.seed);
  const database = databaseName(name);
  await withAdmin(serverUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // 55006: someone is connected to the template (it is being built or checked): try again shortly.
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  return { url: withDatabase(serverUrl, database), drop: () => dropDatabase(serverUrl, database) };
}

const templates = new Map<string, Promise<string>>();

/**
 * The run's template of `project` (migrated, and seeded when `seed`), built by the first test file that needs
 * it: an advisory lock on the server makes the others wait, and the template gets its name only when complete.
 */
function migratedTemplate(serverUrl: string, project: SubgraphProject, seed: boolean): Promise<string> {
  const name = `${testRunPrefix()}template_${project.name}_${seed ? 'seeded' : 'migrated'}`;
  const key = `${serverUrl} ${name}`;
  let pending = templates.get(key);
  if (!pending) {
    pending = buildTemplate(serverUrl, project, name, seed);
    pending.catch(() => templates.delete(key));
    templates.set(key, pending);
  }
  return pending;
}

async function buildTemplate(serverUrl: string, project: SubgraphProject, name: string, seed: boolean) {
  return await withAdmin(serverUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return name;
      const building = `${name}_building`.slice(0, 63);
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      await prepareDatabase(project, withDatabase(serverUrl, building), { seed });
      // The migration engine's and the seed's connections may still be closing: a template must have none.
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [building]);
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

async function withAdmin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix` (the global teardown, after the run). */
export async function dropTestDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  if (!/^[a-z][a-z0-9]*_$/.test(prefix)) throw new Error(`"${prefix}" is not a test run prefix`);
  return await withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.map((row) => row.datname);
  });
}
