/** identity's housekeeping: what has expired or outlived its retention goes, everything recent stays. */
import { randomUUID } from 'node:crypto';
import { createLogger, startMaintenance } from '@gemeng/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import { maintenance } from '../src/maintenance.ts';
import { type IdentityTestDatabase, identityTestDatabase } from './database.ts';

let database: IdentityTestDatabase;
let db: Db;

beforeAll(async () => {
  database = await identityTestDatabase('identity_maintenance');
  db = database.db;
});
afterAll(() => database?.close());

const DAY = 24 * 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe('identity: housekeeping', () => {
  it('deletes old and expired rows, keeps recent ones, and the security log still refuses recent deletions', async () => {
    const { id: userId } = await db.user.create({ data: { email: 'old@example.lu', name: 'Old', passwordHash: 'x' } });
    await db.oidcPayload.createMany({
      data: [
        { model: 'Session', id: 'expired', payload: {}, expiresAt: ago(1000) },
        { model: 'Session', id: 'valid', payload: {}, expiresAt: ago(-3600_000) },
        { model: 'Grant', id: 'no-expiry', payload: {} },
      ],
    });
    await db.securityEvent.createMany({
      data: [
        { userId, kind: 'login', at: ago(400 * DAY) },
        { userId, kind: 'login', at: ago(300 * DAY) },
      ],
    });
    await db.accountToken.createMany({
      data: [
        { id: 'used-long-ago', userId, purpose: 'verify-email', expiresAt: ago(-DAY), usedAt: ago(8 * DAY) },
        { id: 'expired-long-ago', userId, purpose: 'reset-password', expiresAt: ago(8 * DAY) },
        { id: 'used-yesterday', userId, purpose: 'verify-email', expiresAt: ago(-DAY), usedAt: ago(DAY) },
        { id: 'expired-yesterday', userId, purpose: 'reset-password', expiresAt: ago(DAY) },
        { id: 'pending', userId, purpose: 'reset-password', expiresAt: ago(-DAY) },
      ],
    });
    await db.webauthnChallenge.createMany({
      data: [
        { challenge: 'expired', userId, expiresAt: ago(1000) },
        { challenge: 'valid', userId, expiresAt: ago(-300_000) },
      ],
    });
    await db.attemptCounter.createMany({
      data: [
        { key: 'account:over', failures: 3, windowStart: ago(3600_000) },
        { key: 'account:lock-over', failures: 5, windowStart: ago(3600_000), lockedUntil: ago(60_000) },
        { key: 'account:locked', failures: 5, windowStart: ago(3600_000), lockedUntil: ago(-60_000) },
        { key: 'ip:current', failures: 2, windowStart: ago(60_000) },
      ],
    });
    await db.tokenRevocation.createMany({
      data: [
        { kind: 'sid', value: 'ended-long-ago', revokedAt: ago(3600_000), expiresAt: ago(60_000) },
        { kind: 'sid', value: 'ended-just-now', expiresAt: ago(-600_000) },
      ],
    });
    await db.outboxEvent.createMany({
      data: [
        { id: randomUUID(), type: 'test.old', payload: {}, createdAt: ago(40 * DAY), publishedAt: ago(31 * DAY) },
        { id: randomUUID(), type: 'test.recent', payload: {}, createdAt: ago(40 * DAY), publishedAt: ago(DAY) },
        { id: randomUUID(), type: 'test.undelivered', payload: {}, createdAt: ago(40 * DAY) },
      ],
    });

    const runner = startMaintenance({ db, maintenance, log: createLogger('identity'), firstRunMs: 3600_000 });
    const deleted = await runner.run();

    expect(deleted).toEqual({
      'outbox-events': 1,
      'processed-events': 0, // identity consumes no events: it has no processed_event table
      'oidc-payloads': 1,
      'security-log': 1,
      'account-tokens': 2,
      'token-revocations': 1,
      'webauthn-challenges': 1,
      'attempt-counters': 2,
    });
    expect((await db.oidcPayload.findMany()).map((row) => row.id).sort()).toEqual(['no-expiry', 'valid']);
    const log = await db.securityEvent.findMany();
    expect(log).toHaveLength(1);
    expect((await db.accountToken.findMany()).map((row) => row.id).sort()).toEqual([
      'expired-yesterday',
      'pending',
      'used-yesterday',
    ]);
    expect((await db.webauthnChallenge.findMany()).map((row) => row.challenge)).toEqual(['valid']);
    // A revocation stays while an access token of that session could still be presented.
    expect((await db.tokenRevocation.findMany()).map((row) => row.value)).toEqual(['ended-just-now']);
    expect((await db.attemptCounter.findMany()).map((row) => row.key).sort()).toEqual(['account:locked', 'ip:current']);
    expect((await db.outboxEvent.findMany()).map((row) => row.type).sort()).toEqual([
      'test.recent',
      'test.undelivered',
    ]);

    // Within its year, an entry of the security log cannot be deleted, by housekeeping or anyone else.
    await expect(db.securityEvent.delete({ where: { id: log[0]?.id ?? 0n } })).rejects.toThrow(/append-only/);
    expect(await runner.run()).toMatchObject({ 'security-log': 0 });
    await runner.stop();
  });
});
