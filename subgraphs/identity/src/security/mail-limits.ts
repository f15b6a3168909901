import { createHash } from 'node:crypto';
import { addressGroup } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';

/**
 * Limits on the pages that send mail (registration, password reset), so that they cannot be used to flood a
 * mailbox or to send mail in bulk: per client address group (IPv6 by /64) and per target address, counted in
 * PostgreSQL (every replica counts the same) whether or not the target has an account, so that the answer
 * tells nothing about it.
 */
export const MAIL_LIMITS = {
  /** Mails a client address group may ask for within its window. */
  address: { limit: 10, windowMinutes: 10 },
  /** Mails one target address may receive within its window. */
  target: { limit: 3, windowMinutes: 60 },
} as const;

// A fixed window per key, counted and checked in one statement. locked_until marks the window's end, so that
// the housekeeping (maintenance.ts) keeps the counter while its window lasts.
// $1 key, $2 window (minutes).
const COUNT_MAIL = `
INSERT INTO attempt_counter AS c (key, failures, window_start, locked_until)
VALUES ($1, 1, now(), now() + make_interval(mins => $2::int))
ON CONFLICT (key) DO UPDATE SET
  failures = CASE WHEN c.window_start < now() - make_interval(mins => $2::int) THEN 1 ELSE c.failures + 1 END,
  window_start = CASE WHEN c.window_start < now() - make_interval(mins => $2::int) THEN now() ELSE c.window_start END,
  locked_until = CASE WHEN c.window_start < now() - make_interval(mins => $2::int)
                      THEN now() + make_interval(mins => $2::int) ELSE c.locked_until END
RETURNING failures, greatest(1, ceil(extract(epoch FROM locked_until - now()) / 60))::int AS minutes`;

const fromKey = (ip: string | null) => ({
  key: `mail-from:${ip ? addressGroup(ip) : 'unknown'}`,
  ...MAIL_LIMITS.address,
});
const toKey = (target: string) => ({
  key: `mail-to:${createHash('sha256').update(target.trim().toLowerCase()).digest('hex').slice(0, 32)}`,
  ...MAIL_LIMITS.target,
});

async function count(db: Db, keys: { key: string; limit: number; windowMinutes: number }[]) {
  for (const { key, limit, windowMinutes } of keys) {
    const [row] = await db.$queryRawUnsafe<{ failures: number; minutes: number }[]>(COUNT_MAIL, key, windowMinutes);
    if (row && row.failures > limit) return { minutes: row.minutes };
  }
  return null;
}

/**
 * Counts one mail asked for from `ip` to `target`: null when it may go, else the minutes to wait. The address is
 * counted first; a request it refuses does not count against the target.
 */
export function mailAllowed(db: Db, ip: string | null, target: string): Promise<null | { minutes: number }> {
  return count(db, [fromKey(ip), toKey(target)]);
}

/** The same limit per target address alone, for mails a signed-in person asks for (an address change). */
export function mailToAllowed(db: Db, target: string): Promise<null | { minutes: number }> {
  return count(db, [toKey(target)]);
}
