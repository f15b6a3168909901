import { createHash } from 'node:crypto';
import type { Db } from '../db.ts';

/**
 * Rate limits on sign-in, code-card and TOTP attempts, per account and per IP address, in PostgreSQL (so that
 * every replica of identity counts the same). A key locks for LOCK_MINUTES once it reaches its limit of
 * failures within WINDOW_MINUTES; a success clears the account's count.
 */
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
export const LIMITS = { account: 5, ip: 30 } as const;

export type AttemptKey = { kind: 'account' | 'ip'; value: string };

const keyOf = ({ kind, value }: AttemptKey) =>
  `${kind}:${kind === 'ip' ? value : createHash('sha256').update(value).digest('hex').slice(0, 32)}`;

/** Minutes left on the longest lock among the keys, or 0 when none is locked. */
export async function lockedMinutes(db: Db, keys: AttemptKey[]): Promise<number> {
  const rows = await db.attemptCounter.findMany({
    where: { key: { in: keys.map(keyOf) }, lockedUntil: { gt: new Date() } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until ? Math.ceil((until - Date.now()) / 60_000) : 0;
}

/** Counts a failure for each key; returns the keys that became locked by it. */
export async function recordFailure(db: Db, keys: AttemptKey[]): Promise<AttemptKey[]> {
  const locked: AttemptKey[] = [];
  for (const key of keys) {
    const limit = LIMITS[key.kind];
    const [row] = await db.$queryRaw<{ failures: number; locked: boolean }[]>`
      INSERT INTO attempt_counter (key, failures, window_start) VALUES (${keyOf(key)}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN attempt_counter.window_start < now() - make_interval(mins => ${WINDOW_MINUTES}::int)
                        THEN 1 ELSE attempt_counter.failures + 1 END,
        window_start = CASE WHEN attempt_counter.window_start < now() - make_interval(mins => ${WINDOW_MINUTES}::int)
                            THEN now() ELSE attempt_counter.window_start END,
        locked_until = CASE WHEN attempt_counter.failures + 1 >= ${limit}::int
                             AND attempt_counter.window_start >= now() - make_interval(mins => ${WINDOW_MINUTES}::int)
                            THEN now() + make_interval(mins => ${LOCK_MINUTES}::int) ELSE attempt_counter.locked_until END
      RETURNING failures, (locked_until IS NOT NULL AND locked_until > now() AND failures = ${limit}::int) AS locked`;
    if (row?.locked) locked.push(key);
  }
  return locked;
}

export async function clearFailures(db: Db, key: AttemptKey): Promise<void> {
  await db.attemptCounter.deleteMany({ where: { key: keyOf(key) } });
}
