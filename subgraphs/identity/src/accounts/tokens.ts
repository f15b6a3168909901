import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db.ts';

export type TokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

const LIFETIME_MS: Record<TokenPurpose, number> = {
  'verify-email': 48 * 3600_000,
  'reset-password': 3600_000,
  'change-email': 24 * 3600_000,
};

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new one-time token for the link in an email; only its digest is stored. Earlier unused ones lapse. */
export async function issueToken(db: Db, userId: string, purpose: TokenPurpose, newEmail?: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.$transaction([
    db.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } }),
    db.accountToken.create({
      data: {
        id: digest(token),
        userId,
        purpose,
        newEmail: newEmail ?? null,
        expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]),
      },
    }),
  ]);
  return token;
}

/** Uses a token once: the user id when it is valid, unused and not expired, else null. */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const { count } = await db.accountToken.updateMany({
    where: { id: digest(token), purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return null;
  const row = await db.accountToken.findUnique({ where: { id: digest(token) }, select: { userId: true } });
  return row?.userId ?? null;
}

/** The user id of a valid, unused token, without using it (to check a form before the token is spent). */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const row = await db.accountToken.findFirst({
    where: { id: digest(token), purpose, usedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true },
  });
  return row?.userId ?? null;
}

/** The account a link was issued to, used or lapsed or not: to tell a second click from a made-up link. */
export async function tokenOwner(db: Db, token: string, purpose: TokenPurpose): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const row = await db.accountToken.findFirst({ where: { id: digest(token), purpose }, select: { userId: true } });
  return row?.userId ?? null;
}

/** Uses an email-change link once: the account and the new address it confirms. */
export async function consumeEmailChange(db: Db, token: string): Promise<{ userId: string; newEmail: string } | null> {
  const userId = await consumeToken(db, token, 'change-email');
  if (!userId) return null;
  const row = await db.accountToken.findUnique({ where: { id: digest(token) }, select: { newEmail: true } });
  return row?.newEmail ? { userId, newEmail: row.newEmail } : null;
}
