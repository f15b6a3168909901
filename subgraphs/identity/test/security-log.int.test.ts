/** The security log is append-only: no update, no deletion of a recent entry, and no TRUNCATE either. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import { logSecurityEvent } from '../src/security/log.ts';
import { type IdentityTestDatabase, identityTestDatabase } from './database.ts';

let database: IdentityTestDatabase;
let db: Db;

beforeAll(async () => {
  database = await identityTestDatabase('identity_security_log');
  db = database.db;
});
afterAll(() => database?.close());

describe('the security log', () => {
  it('cannot be emptied with TRUNCATE', async () => {
    const { id: userId } = await db.user.create({ data: { email: 'log@example.lu', name: 'Log', passwordHash: 'x' } });
    await logSecurityEvent(db, { userId, kind: 'login', details: { acr: 'low' } });
    await expect(db.$executeRawUnsafe('TRUNCATE security_event')).rejects.toThrow(/cannot be truncated/);
    await expect(db.$executeRawUnsafe('TRUNCATE security_event CASCADE')).rejects.toThrow(/cannot be truncated/);
    expect(await db.securityEvent.count({ where: { userId } })).toBe(1);
  });
});
