#!/usr/bin/env -S tsx
/**
 * gemeng-subgraph: the data and schema commands of a subgraph package, run from its folder.
 *   generate               Prisma client and Pothos types (offline: the native engine is not needed)
 *   migrate [--seed]       apply the committed migrations to DATABASE_URL (idempotent), then seed
 *   seed                   run prisma/seed.ts against DATABASE_URL (idempotent)
 *   diff <name>            write prisma/migrations/<timestamp>_<name>/migration.sql from a schema change
 *   print-schema [--check] write schema.graphql (or fail when the committed one is stale)
 *   events dead-letters    list the domain events dead-lettered on NATS_URL (GEMENG_EVENT_STREAM_PREFIX)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { describeStartupFailure } from '@gemeng/service-kit';
import { startEmbeddedPostgres } from './embedded.ts';
import { prepareDatabase } from './prepare.ts';
import { loadSchema, type SubgraphProject, subgraphProject } from './project.ts';
import { diffMigrations } from './schema-engine.ts';

const require = createRequire(import.meta.url);
const [command, ...args] = process.argv.slice(2);
let project: SubgraphProject;

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: set it to postgres://user:password@host:5432/database');
  return url;
}

async function main() {
  if (command === 'events') return events(args); // the broker's, from any folder
  project = subgraphProject(process.cwd());
  switch (command) {
    case 'generate': {
      // `prisma generate` never runs the schema engine, but refuses to start without one: give it a stub.
      const stub = join(tmpdir(), 'gemeng-no-schema-engine');
      if (!existsSync(stub)) {
        await writeFile(
          stub,
          '#!/bin/sh\necho "Gemeng migrates through @prisma/schema-engine-wasm (docs/adr/0002)" >&2\nexit 1\n',
          {
            mode: 0o755,
          },
        );
      }
      execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
        cwd: project.dir,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: stub,
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      });
      return;
    }
    case 'migrate': {
      const { applied } = await prepareDatabase(project, databaseUrl(), { seed: args.includes('--seed') });
      console.log(`${project.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date'}`);
      return;
    }
    case 'seed':
      await prepareDatabase(project, databaseUrl(), { seed: true });
      console.log(`${project.name}: seeded`);
      return;
    case 'diff':
      return diff(args[0]);
    case 'print-schema': {
      const sdl = `${printSubgraphSchema(await loadSchema(project)).trim()}\n`;
      const path = join(project.dir, 'schema.graphql');
      if (args.includes('--check')) {
        const committed = await readFile(path, 'utf8').catch(() => '');
        if (committed !== sdl) {
          throw new Error(`${project.name}/schema.graphql is stale: run npm run compose and commit the result`);
        }
        return;
      }
      await writeFile(path, sdl);
      return;
    }
    default:
      throw new Error(
        `unknown command "${command ?? ''}": use generate, migrate [--seed], seed, diff <name>, print-schema or events dead-letters`,
      );
  }
}

/** `events dead-letters`: what the subgraphs gave up on, from the broker's dead-letter stream. */
async function events([sub]: string[]) {
  if (sub !== 'dead-letters') throw new Error(`unknown events command "${sub ?? ''}": use events dead-letters`);
  const { eventStreamPrefix, natsUrl, printDeadLetters } = await import('../events/nats/index.ts');
  const { loadConfig } = await import('@gemeng/service-kit');
  const config = loadConfig({ url: natsUrl('NATS_URL'), prefix: eventStreamPrefix('GEMENG_EVENT_STREAM_PREFIX') });
  if (!config.url) throw new Error('NATS_URL is not set: dead letters exist only on NATS JetStream (nats://host:4222)');
  await printDeadLetters({ url: config.url, prefix: config.prefix });
}

async function diff(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('give the migration a name in snake_case: diff add_venue');
  // The engine replays the history in a shadow database: use DATABASE_URL's server, else a throw-away one.
  let url = process.env.DATABASE_URL;
  let temporary: { stop(): Promise<void> } | undefined;
  let dataDir: string | undefined;
  if (!url) {
    dataDir = await mkdtemp(join(tmpdir(), 'gemeng-diff-'));
    await chmod(dataDir, 0o755); // the server may run as the `postgres` user (see embedded.ts)
    const server = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'pg'),
      port: 54390 + Math.floor(Math.random() * 9),
    });
    temporary = server;
    url = server.url('postgres');
  }
  try {
    const sql = await diffMigrations(url, project);
    if (!sql) {
      console.log(`${project.name}: schema.prisma matches the migrations, nothing to write`);
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = join(project.migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'migration.sql'), sql);
    const lock = join(project.migrationsDir, 'migration_lock.toml');
    if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
    console.log(`${project.name}: wrote ${dir}/migration.sql`);
  } finally {
    await temporary?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`gemeng-subgraph ${command ?? ''}: ${describeStartupFailure(error)}`);
    process.exit(1);
  },
);
