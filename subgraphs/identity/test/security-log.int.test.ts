/** The security log is append-only: no update, no deletion of a recent entry, and no TRUNCATE either. */
import { fileURLToPath } from 'node:url';
import { prepareDatabase, subgraphProject } from '@gemeng/subgraph-kit/database';
import { createTestDatabase, type TestDatabase } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../src/db.ts';
import { logSecurityEvent } from '../src/security/log.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase(inject('postgresUrl'), 'identity_security_log');
  await prepareDatabase(subgraphProject(fileURLToPath(new URL('..', import.meta.url))), database.url, { seed: false });
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('the security log', () => {
  it('cannot be emptied with TRUNCATE', async () => {
    const { id: userId } = await db.user.create({ data: { email: 'log@example.lu', name: 'Log', passwordHash: 'x' } });
    await logSecurityEvent(db, { userId, kind: 'login', details: { acr: 'low' } });
    await expect(db.$executeRawUnsafe('TRUNCATE security_event')).rejects.toThrow(/cannot be truncated/);
    await expect(db.$executeRawUnsafe('TRUNCATE security_event CASCADE')).rejects.toThrow(/cannot be truncated/);
    expect(await db.securityEvent.count({ where: { userId } })).toBe(1);
  });
});
