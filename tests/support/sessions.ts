/**
 * Time travel for sign-in sessions, in end-to-end and browser tests: identity judges "recent authentication"
 * (a second factor in the last 10 minutes, see subgraphs/identity/src/factors/second-factor.ts) and the
 * provider judges `max_age` from the session's stored `loginTs`, so rewinding that stored time is what
 * "11 minutes later" honestly means for both, without waiting or faking the clock.
 */
import { createDb } from '../../subgraphs/identity/src/db.ts';

/**
 * Moves the sign-in time (`loginTs`) of every open session of the person `minutes` into the past, as if they
 * had signed in (or stepped up) that much earlier. The sessions stay open and keep their level of assurance.
 * Returns how many sessions were aged.
 *
 * @example
 *   await ageSessions(stack.databaseUrls.identity, person.id, 11); // the second factor is now 11 minutes old
 */
export async function ageSessions(identityDatabaseUrl: string, userId: string, minutes: number): Promise<number> {
  const db = createDb(identityDatabaseUrl);
  try {
    const seconds = Math.round(minutes * 60);
    return await db.$executeRaw`
      UPDATE oidc_payload
      SET payload = jsonb_set(payload, '{loginTs}', to_jsonb((payload->>'loginTs')::bigint - ${seconds}::bigint))
      WHERE model = 'Session' AND account_id = ${userId} AND payload ? 'loginTs'`;
  } finally {
    await db.$disconnect();
  }
}
