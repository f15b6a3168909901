/**
 * Which identity database the operator command works on, without making anyone type a URL for `npm start`'s:
 * DATABASE_URL (the identity database itself), else GEMENG_POSTGRES_URL (its `gemeng_identity`, as
 * `npm start` names it), else the embedded cluster `npm start` keeps in .gemeng/ (its password file and
 * GEMENG_EMBEDDED_POSTGRES_PORT, default 54329), which must be running.
 */
import { readFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandError } from './grants.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../.gemeng', import.meta.url));
const IDENTITY_DATABASE = 'gemeng_identity';

/** The same server, another database. (Not the kit's database module: it loads embedded-postgres, whose exit
 * hook would end this command with code 0 whatever happened.) */
function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

const postgresUrl = (name: string, value: string) => {
  if (!/^postgres(ql)?:\/\//.test(value)) throw new CommandError(`${name} must start with postgres://`);
  return value;
};

export async function identityDatabaseUrl(
  env: NodeJS.ProcessEnv = process.env,
  dataDir: string = DEFAULT_DATA_DIR,
): Promise<string> {
  if (env.DATABASE_URL) return postgresUrl('DATABASE_URL', env.DATABASE_URL);
  if (env.GEMENG_POSTGRES_URL) {
    return withDatabase(postgresUrl('GEMENG_POSTGRES_URL', env.GEMENG_POSTGRES_URL), IDENTITY_DATABASE);
  }
  const port = Number(env.GEMENG_EMBEDDED_POSTGRES_PORT ?? 54329);
  const passwordFile = join(dataDir, 'postgres.password');
  const password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
  const help = 'or set DATABASE_URL to the identity database (postgres://…/gemeng_identity)';
  if (!password) {
    throw new CommandError(`no embedded database in ${dataDir} (run \`npm start\` once to make it), ${help}`);
  }
  if (!Number.isInteger(port) || !(await listening(port))) {
    throw new CommandError(
      `the embedded PostgreSQL of \`npm start\` is not running on 127.0.0.1:${port}: run this while \`npm start\` runs, ${help}`,
    );
  }
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${IDENTITY_DATABASE}`;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
