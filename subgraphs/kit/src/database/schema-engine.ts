/**
 * Prisma's schema engine, run from WebAssembly (@prisma/schema-engine-wasm) over a pg driver adapter.
 * The native engine is a download that these machines cannot make; the WASM build is the same engine.
 * See docs/adr/0002-migrations-through-the-wasm-schema-engine.md.
 */

import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { poolConfig } from './url.ts';

const require = createRequire(import.meta.url);
const noFilters = { externalTables: [], externalEnums: [] };

// Node's WebAssembly global, typed here because the project's lib settings leave DOM types out.
const wasm = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }> };
  }
).WebAssembly;

let lastPanic = '';
let wasmReady: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

/** Node 20 cannot import a .wasm module: instantiate it by hand with the generated glue as its imports. */
function loadWasm() {
  wasmReady ??= (async () => {
    // The engine reports a Rust panic through this global before it throws.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = join(
      require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/[^/]+$/, ''),
      'schema_engine_bg.wasm',
    );
    const { instance } = await wasm.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return glue;
  })();
  return wasmReady;
}

/**
 * PrismaPg's own shadow database is dropped while its pool still holds a connection (the drop then fails), and
 * a connection string would win over the shadow database name. This factory gives discrete settings and drops
 * the shadow database only after its pool has ended.
 */
function migrationAdapterFactory(databaseUrl: string) {
  const config = { ...poolConfig(databaseUrl), max: 2 };
  const opened: { dispose(): Promise<void> }[] = [];
  return {
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    async connect() {
      const adapter = prepare(await new PrismaPg(config).connect());
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const shadow = `gemeng_shadow_${randomUUID().replaceAll('-', '')}`;
      await adminQuery(config, `CREATE DATABASE "${shadow}"`);
      const adapter = prepare(await new PrismaPg({ ...config, database: shadow }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await adminQuery(config, `DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
      };
      return adapter;
    },
    /** Closes the pools the engine opened (and with them its advisory lock). */
    async close() {
      for (const adapter of opened.splice(0)) await adapter.dispose().catch(() => {});
    },
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it at every ";" and sending the pieces one by
 * one over the pool: not atomic, and wrong for any ";" inside a string or a function body. Sent whole as one
 * simple query, PostgreSQL runs the script as one implicit transaction: a failing migration leaves nothing.
 */
function prepare(adapter: PgAdapter): PgAdapter {
  readCharColumns(adapter);
  const pool = adapter.underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
let charPatched = false;

type Queryable = {
  performIO: (...args: unknown[]) => Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;
  queryRaw: (...args: unknown[]) => Promise<{ columnTypes: number[]; rows: unknown[] }>;
};

/**
 * The schema engine describes a database through catalog queries whose columns include the one-byte `"char"`
 * type (pg_constraint.contype, …), which @prisma/adapter-pg 7.10 does not map and rejects. Its values arrive
 * as one-character strings: they pass as text through the adapter and are typed `Character` for the engine.
 * Patched once, on the adapter's query class; only the migration tooling loads this module.
 */
function readCharColumns(adapter: object) {
  if (charPatched) return;
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Queryable;
  const charColumns = new WeakMap<unknown[], number[]>();
  const { performIO, queryRaw } = queryable;
  queryable.performIO = async function (this: unknown, ...args) {
    const result = await performIO.apply(this, args);
    const indices = result.fields.flatMap((field, i) => (field.dataTypeID === PG_CHAR_OID ? [i] : []));
    for (const i of indices) (result.fields[i] as { dataTypeID: number }).dataTypeID = PG_TEXT_OID;
    if (indices.length) charColumns.set(result.rows, indices);
    return result;
  };
  queryable.queryRaw = async function (this: unknown, ...args) {
    const result = await queryRaw.apply(this, args);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  charPatched = true;
}

async function adminQuery(config: pg.ClientConfig, sql: string) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface PrismaProject {
  /** Absolute path of `prisma/schema.prisma`. */
  schemaPath: string;
  /** Absolute path of `prisma/migrations`. */
  migrationsDir: string;
}

async function withEngine<T>(
  databaseUrl: string,
  schema: string,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadWasm();
  // Discrete settings, not a connection string: the adapter's shadow database overrides `database`, which a
  // connection string would silently win over (and the migrations would be replayed on the real database).
  const factory = migrationAdapterFactory(databaseUrl);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine: SchemaEngine = await glue.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    adapter,
  );
  lastPanic = '';
  try {
    return await run(engine);
  } catch (error) {
    throw lastPanic ? new Error(`the schema engine stopped: ${lastPanic}`, { cause: error }) : error;
  } finally {
    engine.free();
    await factory.close();
  }
}

export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: await readFile(lockPath, 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** Applies the committed migrations that the database lacks; returns their names (empty when up to date). */
export async function applyMigrations(databaseUrl: string, project: PrismaProject): Promise<string[]> {
  const schema = await readFile(project.schemaPath, 'utf8');
  const migrationsList = await readMigrations(project.migrationsDir);
  // Every start migrates: when the database already has them all, the engine (seconds of WASM) is not needed.
  const committed = migrationsList.migrationDirectories.map((dir) => dir.path);
  if (await allApplied(databaseUrl, committed)) return [];
  return withEngine(databaseUrl, schema, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that takes the committed migrations to the current schema.prisma (empty when they match).
 * Replays the migrations in a throw-away shadow database on the same server.
 */
export async function diffMigrations(databaseUrl: string, project: PrismaProject): Promise<string> {
  const schema = await readFile(project.schemaPath, 'utf8');
  const migrationsList = await readMigrations(project.migrationsDir);
  return withEngine(databaseUrl, schema, async (engine) => {
    const from = migrationsList.migrationDirectories.length
      ? ({ tag: 'migrations', ...migrationsList } as const)
      : ({ tag: 'empty' } as const);
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: project.schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? '';
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
  });
}

/**
 * True when each of these migrations is recorded as finished (and not rolled back) in `_prisma_migrations` and
 * none is recorded as failed: what `applyMigrations` would then find to do is nothing.
 */
async function allApplied(databaseUrl: string, names: string[]): Promise<boolean> {
  const client = new pg.Client(poolConfig(databaseUrl));
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished
         FROM _prisma_migrations`,
    );
    if (rows.some((row) => !row.finished)) return false;
    const applied = new Set(rows.map((row) => row.migration_name));
    return names.every((name) => applied.has(name));
  } catch {
    return false; // no table yet, or no database: the engine says what is wrong
  } finally {
    await client.end().catch(() => {});
  }
}
