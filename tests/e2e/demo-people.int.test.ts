/**
 * The demo people of `npm start`: identity's seed writes them when GEMENG_DEMO_PEOPLE=true (what `npm start`
 * passes on its embedded database), again and again without duplicates and back to what is printed; production
 * refuses them, and so does `npm start` with an external database, each in one line.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { prepareDatabase, subgraphProject } from '@gemeng/subgraph-kit/database';
import { createMigratedDatabase, type TestDatabase } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../subgraphs/identity/src/accounts/passwords.ts';
import { createDb, type Db } from '../../subgraphs/identity/src/db.ts';
import { DEMO_PEOPLE, demoTotpSecret } from '../../subgraphs/identity/src/demo/people.ts';
import { seedDemoPeopleIfAsked } from '../../subgraphs/identity/src/demo/seed-people.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const identity = subgraphProject(join(root, 'subgraphs/identity'));
let database: TestDatabase;
let db: Db;

/** identity's seed as `npm start` runs it (gemeng-subgraph migrate --seed), with the setting it passes. */
async function seedAsNpmStart(setting: string | undefined) {
  const saved = process.env.GEMENG_DEMO_PEOPLE;
  if (setting === undefined) delete process.env.GEMENG_DEMO_PEOPLE;
  else process.env.GEMENG_DEMO_PEOPLE = setting;
  try {
    await prepareDatabase(identity, database.url, { seed: true });
  } finally {
    if (saved === undefined) delete process.env.GEMENG_DEMO_PEOPLE;
    else process.env.GEMENG_DEMO_PEOPLE = saved;
  }
}

const demoEmails = DEMO_PEOPLE.map((p) => p.email);

beforeAll(async () => {
  // Migrated, not seeded: the seed runs in the tests, as npm start runs it.
  database = await createMigratedDatabase(inject('postgresUrl'), identity, 'identity_demo', { seed: false });
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('the demo people', () => {
  it('are not seeded unless npm start asks for them', async () => {
    await seedAsNpmStart(undefined);
    await seedAsNpmStart('false');
    expect(await db.user.count({ where: { email: { in: demoEmails } } })).toBe(0);
  });

  it('are seeded with a confirmed address, their role, commune of residence and authenticator, as printed', async () => {
    await seedAsNpmStart('true');
    for (const person of DEMO_PEOPLE) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: person.email },
        include: { roles: true, residences: true, totp: true },
      });
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(await verifyPassword(user.passwordHash, person.password)).toBe(true);
      expect(user.operator).toBe(person.operator);
      expect(user.roles.map(({ communeId, role }) => ({ communeId, role }))).toEqual(
        person.role ? [{ communeId: demoCommuneId(person.role.commune), role: person.role.role }] : [],
      );
      expect(user.residences.map((r) => r.communeId)).toEqual(
        person.residence ? [demoCommuneId(person.residence)] : [],
      );
      expect(user.totp?.secret ?? null).toBe(person.secondFactor ? demoTotpSecret(person.email) : null);
      expect(Boolean(user.totp?.confirmedAt)).toBe(person.secondFactor);
    }
    expect(DEMO_PEOPLE.map((p) => p.role?.commune ?? (p.operator ? 'operator' : 'citizen'))).toEqual([
      'citizen',
      'dudelange',
      'dudelange',
      'esch-sur-alzette',
      'operator',
    ]);
  });

  it('come back as printed at the next start, without duplicates', async () => {
    const citizen = DEMO_PEOPLE[0];
    if (!citizen) throw new Error('no demo citizen');
    const before = await db.user.findUniqueOrThrow({ where: { email: citizen.email } });
    await db.user.update({
      where: { id: before.id },
      data: { passwordHash: await hashPassword('changed meanwhile 1') },
    });
    await seedAsNpmStart('true');
    const after = await db.user.findUniqueOrThrow({ where: { email: citizen.email } });
    expect(after.id).toBe(before.id);
    expect(await verifyPassword(after.passwordHash, citizen.password)).toBe(true);
    expect(await db.user.count({ where: { email: { in: demoEmails } } })).toBe(DEMO_PEOPLE.length);
    expect(await db.communeRole.count({ where: { user: { email: { in: demoEmails } } } })).toBe(3);
  });

  it('are refused in production, in one line', async () => {
    const refused = seedDemoPeopleIfAsked(db, { GEMENG_DEMO_PEOPLE: 'true', NODE_ENV: 'production' });
    await expect(refused).rejects.toThrow(
      'GEMENG_DEMO_PEOPLE=true refused: demo people are never seeded with NODE_ENV=production: their passwords are published',
    );
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'demo people are never seeded with NODE_ENV=production'],
    [{ GEMENG_POSTGRES_URL: 'postgres://gemeng@db.example:5432/postgres' }, 'not on GEMENG_POSTGRES_URL'],
  ])('are refused by npm start with %o, before it starts anything', async (env, reason) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, GEMENG_DEMO_PEOPLE: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`gemeng start: GEMENG_DEMO_PEOPLE=true refused: `),
    ]);
    expect(stderr).toContain(reason);
  });
});
