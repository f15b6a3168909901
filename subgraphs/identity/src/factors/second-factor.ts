/**
 * The rule that protects second factors: once a person has one, changing their factors, their sessions, their
 * address or erasing the account needs a two-factor sign-in, so that a stolen password alone cannot add the
 * thief's authenticator, move the account to the thief's mailbox or end the owner's sessions.
 */
import { stepUpRequired } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';

/**
 * Whether the person has a second factor they can use at a sign-in: a confirmed authenticator app, an active
 * code card with two cells left (codeCardChallenge asks for two), or a passkey.
 */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const [rows] = await db.$queryRaw<{ has: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM totp_factor WHERE user_id = ${userId}::uuid AND confirmed_at IS NOT NULL)
        OR EXISTS (SELECT 1 FROM code_card WHERE user_id = ${userId}::uuid AND revoked_at IS NULL
                     AND cardinality(used_cells) <= rows * columns - 2)
        OR EXISTS (SELECT 1 FROM passkey WHERE user_id = ${userId}::uuid) AS has`;
  return rows?.has === true;
}

/** Refuses with a step-up challenge when the person has a second factor but signed in with one factor only. */
export async function requireSecondFactorIfEnrolled(
  ctx: { db: Db; caller: { sub: string; acr: string } | null },
  userId: string,
): Promise<void> {
  if (ctx.caller?.acr !== 'substantial' && (await hasSecondFactor(ctx.db, userId))) throw stepUpRequired();
}
