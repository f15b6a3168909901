/**
 * The operator command (`npm run gemeng -- …`): the syndicate makes the first operator and a commune's first
 * administrator without editing the database, on a migrated identity database; each change is in the person's
 * security log (no actor, via the command); only confirmed addresses; wrong arguments get one clear line. It
 * finds `npm start`'s embedded database by itself.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { subgraphProject } from '@gemeng/subgraph-kit/database';
import { createMigratedDatabase, type TestDatabase } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../subgraphs/identity/src/accounts/passwords.ts';
import { createDb, type Db } from '../../subgraphs/identity/src/db.ts';
import { runCommand } from '../../subgraphs/identity/src/operator/command.ts';
import { identityDatabaseUrl } from '../../subgraphs/identity/src/operator/database.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const identity = subgraphProject(join(root, 'subgraphs/identity'));
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedDatabase(inject('postgresUrl'), identity, 'identity_cli', { seed: true });
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

let counter = 0;
async function person(verified = true) {
  const email = `person.${Date.now().toString(36)}.${counter++}@example.lu`;
  return db.user.create({
    data: {
      email,
      name: 'Test Person',
      passwordHash: await hashPassword('not used here'),
      emailVerifiedAt: verified ? new Date() : null,
    },
  });
}

/** `npm run gemeng -- …` as a real process; its exit code and output. */
async function gemeng(args: string[], env: NodeJS.ProcessEnv = { DATABASE_URL: database.url }) {
  const child = spawn('npm', ['run', '--silent', 'gemeng', '--', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', GEMENG_POSTGRES_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code, stdout: stdout.trim(), stderr: stderr.trim() };
}

const logOf = (userId: string) => db.securityEvent.findMany({ where: { userId }, orderBy: { id: 'asc' } });

describe('npm run gemeng -- operator', () => {
  it('grants and revokes the operator flag of a confirmed person, each in the security log', async () => {
    const target = await person();
    const granted = await gemeng(['operator', 'grant', target.email.toUpperCase()]);
    expect(granted).toMatchObject({ code: 0, stderr: '' });
    expect(granted.stdout).toContain(`${target.email} is now an operator`);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).operator).toBe(true);

    const again = await runCommand(['operator', 'grant', target.email], { DATABASE_URL: database.url });
    expect(again.out).toContain('already an operator: nothing changed');

    const revoked = await gemeng(['operator', 'revoke', target.email]);
    expect(revoked.code).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).operator).toBe(false);

    expect((await logOf(target.id)).map(({ kind, actorId, details }) => ({ kind, actorId, details }))).toEqual([
      { kind: 'operator-granted', actorId: null, details: { via: 'command' } },
      { kind: 'operator-revoked', actorId: null, details: { via: 'command' } },
    ]);
  });

  it('refuses a person without a confirmed address, in one line, and changes nothing', async () => {
    const unconfirmed = await person(false);
    const refused = await gemeng(['operator', 'grant', unconfirmed.email]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `gemeng: no account with a confirmed address for ${unconfirmed.email}: the person registers at /account/register and confirms the address first`,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: unconfirmed.id } })).operator).toBe(false);
    expect(await logOf(unconfirmed.id)).toEqual([]);
    const nobody = await runCommand(['operator', 'grant', 'nobody@example.lu'], { DATABASE_URL: database.url });
    expect(nobody.err).toContain('no account with a confirmed address for nobody@example.lu');
  });
});

describe('npm run gemeng -- administrator', () => {
  it("makes a confirmed person a commune's administrator and takes it back, each in the security log", async () => {
    const target = await person();
    const communeId = demoCommuneId('dudelange');
    const key = { userId_communeId: { userId: target.id, communeId } };
    expect(
      await runCommand(['administrator', 'grant', target.email, 'dudelange'], { DATABASE_URL: database.url }),
    ).toEqual({
      out: `${target.email} is now an administrator of dudelange (from their next sign-in or token, 10 minutes at most)`,
      code: 0,
    });
    expect(await db.communeRole.findUnique({ where: key })).toMatchObject({ role: 'administrator', grantedBy: null });

    const revoked = await runCommand(['administrator', 'revoke', target.email, 'dudelange'], {
      DATABASE_URL: database.url,
    });
    expect(revoked.code).toBe(0);
    expect(await db.communeRole.findUnique({ where: key })).toBeNull();

    const details = { communeId, role: 'administrator', via: 'command' };
    expect((await logOf(target.id)).map(({ kind, actorId, details }) => ({ kind, actorId, details }))).toEqual([
      { kind: 'role-granted', actorId: null, details },
      { kind: 'role-revoked', actorId: null, details },
    ]);
  });

  it('names an unknown commune in one line', async () => {
    const target = await person();
    const result = await runCommand(['administrator', 'grant', target.email, 'atlantis'], {
      DATABASE_URL: database.url,
    });
    expect(result.code).toBe(1);
    expect(result.err).toBe('gemeng: no commune "atlantis": { communes(includeInactive: true) { slug } } lists them');
  });
});

describe('npm run gemeng -- with wrong arguments', () => {
  it('prints its usage with --help', async () => {
    const help = await gemeng(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('operator grant <email>');
    expect(help.stdout).toContain('administrator revoke <email> <commune-slug>');
  });

  it.each([
    [['operator'], 'gemeng: operator needs grant or revoke, not "": npm run gemeng -- --help'],
    [['operator', 'grant'], 'gemeng: usage: npm run gemeng -- operator grant <email>'],
    [
      ['administrator', 'grant', 'a@b.lu'],
      'gemeng: usage: npm run gemeng -- administrator grant <email> <commune-slug>',
    ],
    [['wizard', 'grant', 'a@b.lu'], 'gemeng: unknown command "wizard": npm run gemeng -- --help'],
  ])('%j: one line saying what is wrong', async (args, line) => {
    expect(await runCommand(args, { DATABASE_URL: database.url })).toEqual({ err: line, code: 1 });
  });
});

describe('the identity database the command uses', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gemeng-cli-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('is DATABASE_URL, else gemeng_identity on GEMENG_POSTGRES_URL', async () => {
    expect(await identityDatabaseUrl({ DATABASE_URL: database.url }, dataDir)).toBe(database.url);
    expect(await identityDatabaseUrl({ GEMENG_POSTGRES_URL: 'postgres://gemeng:s@db:5432/postgres' }, dataDir)).toBe(
      'postgres://gemeng:s@db:5432/gemeng_identity',
    );
    await expect(identityDatabaseUrl({ DATABASE_URL: 'mysql://db/x' }, dataDir)).rejects.toThrow(
      'DATABASE_URL must start with postgres://',
    );
  });

  it("else npm start's embedded cluster, or one line saying what to do", async () => {
    await expect(identityDatabaseUrl({}, dataDir)).rejects.toThrow(
      `no embedded database in ${dataDir} (run \`npm start\` once to make it), or set DATABASE_URL`,
    );
    await writeFile(join(dataDir, 'postgres.password'), 'secret\n');
    const idle = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    await expect(identityDatabaseUrl({ GEMENG_EMBEDDED_POSTGRES_PORT: String(idle) }, dataDir)).rejects.toThrow(
      `the embedded PostgreSQL of \`npm start\` is not running on 127.0.0.1:${idle}: run this while \`npm start\` runs`,
    );
  });
});
