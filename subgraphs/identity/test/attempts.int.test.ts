/**
 * Attempt limits, counted before the answer is checked (security/attempts.ts): parallel attempts cannot slip
 * past the limit, an account locks, an address is only slowed down, and IPv6 addresses count by /64.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import {
  ACCOUNT_LIMIT,
  ADDRESS_FREE_FAILURES,
  attemptSucceeded,
  beginAttempt,
  lockedByThisFailure,
  minutesToWait,
} from '../src/security/attempts.ts';
import { type IdentityTestDatabase, identityTestDatabase } from './database.ts';

let database: IdentityTestDatabase;
let db: Db;

beforeAll(async () => {
  database = await identityTestDatabase('identity_attempts');
  db = database.db;
});
afterAll(() => database?.close());

const account = (value: string) => ({ kind: 'account' as const, value });
const address = (value: string) => ({ kind: 'address' as const, value });

describe('attempt limits', () => {
  it(`let exactly ${ACCOUNT_LIMIT} of 20 parallel attempts on one account be checked, and lock it once`, async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => beginAttempt(db, [account('parallel@example.lu'), address(`10.0.0.${i}`)])),
    );
    const allowed = attempts.filter((a) => a.allowed);
    expect(allowed).toHaveLength(ACCOUNT_LIMIT);
    expect(allowed.filter(lockedByThisFailure)).toHaveLength(1);
    for (const refused of attempts.filter((a) => !a.allowed)) {
      expect(refused.refusal?.reason).toBe('locked');
      expect(minutesToWait(refused)).toBe(15);
    }
    // Still locked afterwards, also for the right answer; another account is not.
    expect((await beginAttempt(db, [account('parallel@example.lu')])).allowed).toBe(false);
    expect((await beginAttempt(db, [account('other@example.lu')])).allowed).toBe(true);
  });

  it('start counting again after a success', async () => {
    const key = account('forgetful@example.lu');
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect((await beginAttempt(db, [key])).allowed).toBe(true);
    await attemptSucceeded(db, await beginAttempt(db, [key]));
    const again = [];
    for (let i = 0; i < ACCOUNT_LIMIT; i++) again.push(await beginAttempt(db, [key]));
    expect(again.every((a) => a.allowed)).toBe(true);
    expect(again.map(lockedByThisFailure)).toEqual([false, false, false, false, true]);
  });

  it('slow down a noisy address with a growing delay instead of locking it, by /64 for IPv6', async () => {
    const noisy = (n: number) => address(`2001:db8:1:2:${n.toString(16)}::1`);
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) {
      expect((await beginAttempt(db, [account(`person${i}@example.lu`), noisy(i)])).allowed).toBe(true);
    }
    // From the same /64, whatever the rest of the address: told to wait a moment, and no account counted.
    const accounts = () => db.attemptCounter.count({ where: { key: { startsWith: 'account:' } } });
    const before = await accounts();
    const throttled = await beginAttempt(db, [account('victim@example.lu'), noisy(999)]);
    expect(throttled).toMatchObject({ allowed: false, refusal: { reason: 'throttled' } });
    expect(throttled.refusal?.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect(await accounts()).toBe(before);
    // Another /64, and the victim's own account, are not affected.
    expect((await beginAttempt(db, [account('victim@example.lu'), address('2001:db8:1:3::1')])).allowed).toBe(true);
    // After the delay, one more attempt goes through, and the next delay is longer.
    await new Promise((resolve) => setTimeout(resolve, (throttled.refusal?.retryAfterSeconds ?? 1) * 1000 + 50));
    const next = await beginAttempt(db, [account('late@example.lu'), noisy(5)]);
    expect(next.allowed).toBe(true);
    const after = await beginAttempt(db, [account('later@example.lu'), noisy(6)]);
    expect(after).toMatchObject({ allowed: false, refusal: { reason: 'throttled', retryAfterSeconds: 2 } });
  });

  it('take back a successful attempt from the address count', async () => {
    for (let i = 0; i < ADDRESS_FREE_FAILURES + 5; i++) {
      const attempt = await beginAttempt(db, [account(`proxy${i}@example.lu`), address('192.0.2.7')]);
      expect(attempt.allowed).toBe(true);
      await attemptSucceeded(db, attempt);
    }
  });
});
