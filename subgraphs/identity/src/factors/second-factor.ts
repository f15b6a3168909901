/**
 * The rule that protects an account's sensitive acts ("sudo mode", OpenID Connect `max_age`): once a person has
 * a second factor, adding or removing a factor, changing the address, ending sessions, erasing the account and
 * creating API credentials need that second factor entered in the last 10 minutes, in the very session the
 * access token belongs to. A stolen password alone cannot add the thief's authenticator, move the account to the
 * thief's mailbox or end the owner's sessions; nor can a two-factor session left open for hours.
 *
 * Recency is judged on the server from the provider's session (oidc_payload, found by the token's `sid`), not
 * from the token: a session that was ended stops sensitive acts at once, and a step-up (which sets a new
 * `loginTs`) counts at once, before any new token.
 */
import { stepUpRequired } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';

/** How recent the second factor must be for a sensitive act, in seconds (the challenge's `max_age`). */
export const RECENT_AUTHENTICATION_SECONDS = 600;

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

/** What the provider keeps of a sign-in session (oidc-provider's Session model). */
export interface SessionPayload {
  uid?: string;
  accountId?: string;
  loginTs?: number;
  acr?: string;
  authorizations?: Record<string, { grantId?: string; sid?: string }>;
}

/**
 * The open session of the person with this uid (the access token's `sid`), or null when it was ended, has
 * expired or belongs to someone else.
 */
export async function sessionOf(db: Db, userId: string, sid: string): Promise<SessionPayload | null> {
  const row = await db.oidcPayload.findFirst({
    where: { model: 'Session', uid: sid, accountId: userId, expiresAt: { gt: new Date() } },
  });
  return row ? (row.payload as SessionPayload) : null;
}

/** True when the session's last sign-in reached two factors at most `maxAge` seconds ago. */
export function secondFactorIsRecent(
  session: SessionPayload | null,
  now = Date.now(),
  maxAge = RECENT_AUTHENTICATION_SECONDS,
): boolean {
  if (session?.acr !== 'substantial' || typeof session.loginTs !== 'number') return false;
  return now / 1000 - session.loginTs <= maxAge;
}

/**
 * Refuses a sensitive act with the RFC 9470 challenge (`acr_values=substantial`, `max_age=600`) when the person
 * has a usable second factor and the caller's session did not enter it in the last 10 minutes. A person without
 * one passes with the password: the first factor is added that way (there is nothing stronger yet).
 */
export async function requireRecentSecondFactor(
  ctx: { db: Db; caller: { sub: string; acr: string; sid?: string } | null },
  userId: string,
): Promise<void> {
  if (!(await hasSecondFactor(ctx.db, userId))) return;
  const sid = ctx.caller?.sid;
  if (ctx.caller?.acr === 'substantial' && sid && secondFactorIsRecent(await sessionOf(ctx.db, userId, sid))) return;
  throw stepUpRequired({ maxAge: RECENT_AUTHENTICATION_SECONDS });
}
