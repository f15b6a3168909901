import { createHash } from 'node:crypto';
import { addressGroup } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';

/**
 * Limits on guesses (passwords, TOTP and recovery codes, code-card cells, passkeys, password confirmations),
 * in PostgreSQL so that every replica of identity counts the same.
 *
 * An attempt is counted BEFORE it is checked, by one statement per key that increments the count and says
 * whether the attempt may be checked at all: parallel requests cannot all slip through between a read and a
 * write (of 20 wrong passwords sent at once, at most ACCOUNT_LIMIT reach the password hash).
 * - per account: the ACCOUNT_LIMIT-th attempt within WINDOW_MINUTES locks the account for ACCOUNT_LOCK_MINUTES
 *   (a success clears the count, and with it that lock);
 * - per client address group (IPv6 by /64): no lock, which a noisy address or a shared proxy would turn against
 *   everyone behind it, but a throttle: from ADDRESS_FREE_FAILURES failures on, each further attempt must wait
 *   a delay that doubles, up to ADDRESS_MAX_DELAY_SECONDS. A success un-counts its own attempt.
 */
export const WINDOW_MINUTES = 15;
export const ACCOUNT_LIMIT = 5;
export const ACCOUNT_LOCK_MINUTES = 15;
export const ADDRESS_FREE_FAILURES = 20;
export const ADDRESS_MAX_DELAY_SECONDS = 60;

export type AttemptKey = { kind: 'account'; value: string } | { kind: 'address'; value: string | null };

/** An attempt as counted: whether it may be checked, and what to tell the caller when it may not. */
export interface Attempt {
  readonly keys: AttemptKey[];
  readonly allowed: boolean;
  /** When refused: the account is locked, or the address must slow down; seconds to wait. */
  readonly refusal?: { reason: 'locked' | 'throttled'; retryAfterSeconds: number };
  /** Failures counted under the account key, this attempt included (0 without an account key). */
  readonly accountFailures: number;
}

interface Policy {
  threshold: number;
  /** Delay once the threshold is reached: base × 2^(growth × (failures − threshold)), at most cap. */
  baseSeconds: number;
  growth: 0 | 1;
  capSeconds: number;
}

const POLICIES: Record<AttemptKey['kind'], Policy> = {
  account: {
    threshold: ACCOUNT_LIMIT,
    baseSeconds: ACCOUNT_LOCK_MINUTES * 60,
    growth: 0,
    capSeconds: ACCOUNT_LOCK_MINUTES * 60,
  },
  address: { threshold: ADDRESS_FREE_FAILURES, baseSeconds: 1, growth: 1, capSeconds: ADDRESS_MAX_DELAY_SECONDS },
};

const keyOf = (key: AttemptKey) =>
  key.kind === 'address'
    ? `address:${key.value ? addressGroup(key.value) : 'unknown'}`
    : `account:${createHash('sha256').update(key.value).digest('hex').slice(0, 32)}`;

// One statement: the row is locked by the upsert, so concurrent attempts on a key are counted one after the
// other, and each sees the count and the lock its predecessors left. A refused attempt changes no count.
// $1 key, $2 window (minutes), $3 threshold, $4 base, $5 growth, $6 cap (seconds). The wait is measured from
// clock_timestamp(): now() is when this statement's transaction began, which may be before it waited for the row
// while another attempt set the lock (a 15-minute lock would then read as 16).
const LOCKED = 'c.locked_until > now()';
const WINDOW_OVER = 'c.window_start < now() - make_interval(mins => $2::int)';
const COUNTED = `(CASE WHEN ${WINDOW_OVER} THEN 1 ELSE c.failures + 1 END)`;
const DELAY = (failures: string) =>
  `make_interval(secs => least($6::int, $4::int * power(2, $5::int * greatest(0, ${failures} - $3::int))))`;
const COUNT_ATTEMPT = `
WITH counted AS (
  INSERT INTO attempt_counter AS c (key, failures, window_start, locked_until, refused)
  VALUES ($1, 1, now(), CASE WHEN 1 >= $3::int THEN now() + ${DELAY('1')} END, false)
  ON CONFLICT (key) DO UPDATE SET
    refused = coalesce(${LOCKED}, false),
    failures = CASE WHEN ${LOCKED} THEN c.failures ELSE ${COUNTED} END,
    window_start = CASE WHEN ${LOCKED} THEN c.window_start WHEN ${WINDOW_OVER} THEN now() ELSE c.window_start END,
    locked_until = CASE WHEN ${LOCKED} THEN c.locked_until
                        WHEN ${COUNTED} >= $3::int THEN now() + ${DELAY(COUNTED)}
                        ELSE NULL END
  RETURNING failures, refused, locked_until
)
SELECT failures, refused, greatest(0, ceil(extract(epoch FROM locked_until - clock_timestamp())))::int AS wait
FROM counted`;

// Takes back one counted attempt: a success under an address key, or an attempt refused under a later key.
// A lock this attempt set goes with it; an earlier one stays.
const UNCOUNT = `
UPDATE attempt_counter SET
  failures = greatest(failures - 1, 0),
  locked_until = CASE WHEN failures - 1 < $2::int THEN NULL ELSE locked_until END
WHERE key = $1`;

/**
 * Counts an attempt under each key, in order (the address first, so that a throttled address does not count
 * against the account it tries), and says whether it may be checked. When a key refuses it, the keys before
 * it take their count back.
 */
export async function beginAttempt(db: Db, keys: AttemptKey[]): Promise<Attempt> {
  const ordered = [...keys].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'address' ? -1 : 1));
  let accountFailures = 0;
  for (const [index, key] of ordered.entries()) {
    const policy = POLICIES[key.kind];
    const [row] = await db.$queryRawUnsafe<{ failures: number; refused: boolean; wait: number }[]>(
      COUNT_ATTEMPT,
      keyOf(key),
      WINDOW_MINUTES,
      policy.threshold,
      policy.baseSeconds,
      policy.growth,
      policy.capSeconds,
    );
    if (!row) throw new Error('the attempt counter returned no row');
    if (row.refused) {
      for (const earlier of ordered.slice(0, index)) {
        await db.$executeRawUnsafe(UNCOUNT, keyOf(earlier), POLICIES[earlier.kind].threshold);
      }
      return {
        keys,
        allowed: false,
        refusal: { reason: key.kind === 'account' ? 'locked' : 'throttled', retryAfterSeconds: Math.max(1, row.wait) },
        accountFailures: key.kind === 'account' ? row.failures : 0,
      };
    }
    if (key.kind === 'account') accountFailures = row.failures;
  }
  return { keys, allowed: true, accountFailures };
}

/** The attempt was right: the account's count (and lock) is cleared, the address takes its attempt back. */
export async function attemptSucceeded(db: Db, attempt: Attempt): Promise<void> {
  for (const key of attempt.keys) {
    if (key.kind === 'account') await db.attemptCounter.deleteMany({ where: { key: keyOf(key) } });
    else await db.$executeRawUnsafe(UNCOUNT, keyOf(key), POLICIES.address.threshold);
  }
}

/** Whether this attempt, now known to be wrong, is the one that locked its account (to tell the owner once). */
export function lockedByThisFailure(attempt: Attempt): boolean {
  return attempt.allowed && attempt.accountFailures === ACCOUNT_LIMIT;
}

/** What to tell a refused caller, in whole minutes (at least one). */
export function minutesToWait(attempt: Attempt): number {
  return Math.max(1, Math.ceil((attempt.refusal?.retryAfterSeconds ?? 0) / 60));
}
