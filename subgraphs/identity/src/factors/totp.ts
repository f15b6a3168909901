/** TOTP (RFC 6238): 6 digits, 30 s, SHA-1 (what every authenticator app supports), one step of drift. */
import { createHash, randomBytes } from 'node:crypto';
import type { ClientInfo } from '@gemeng/subgraph-kit';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../db.ts';

const PERIOD = 30;
const RECOVERY_CODES = 10;

const totp = (secret: string, label = '') =>
  new TOTP({
    issuer: 'Gemeng',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

/** Starts enrolment: a new, unconfirmed secret; the otpauth:// URI for the QR code or manual entry. */
export async function startTotpEnrolment(db: Db, userId: string, label: string) {
  const secret = new Secret({ size: 20 }).base32;
  await db.totpFactor.upsert({
    where: { userId },
    create: { userId, secret },
    update: { secret, confirmedAt: null, lastStep: null },
  });
  return { secret, uri: totp(secret, label).toString() };
}

/**
 * Checks a code against the person's confirmed (or, with `enrolling`, unconfirmed) authenticator. A code's time
 * step is accepted once: replaying a code, even within its 30 seconds, fails.
 */
export async function checkTotp(db: Db, userId: string, code: string, enrolling = false): Promise<boolean> {
  const factor = await db.totpFactor.findUnique({ where: { userId } });
  if (!factor || (!enrolling && !factor.confirmedAt) || (enrolling && factor.confirmedAt)) return false;
  if (!/^\d{6}$/.test(code.trim())) return false;
  const delta = totp(factor.secret).validate({ token: code.trim(), window: 1 });
  if (delta === null) return false;
  const step = BigInt(Math.floor(Date.now() / 1000 / PERIOD) + delta);
  const { count } = await db.totpFactor.updateMany({
    where: { userId, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step },
  });
  return count === 1;
}

/** Confirms enrolment with a first correct code (logged); returns the one-time recovery codes (shown once). */
export async function confirmTotpEnrolment(
  db: Db,
  userId: string,
  code: string,
  client?: ClientInfo,
): Promise<string[] | null> {
  if (!(await checkTotp(db, userId, code, true))) return null;
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await db.$transaction([
    db.totpFactor.update({ where: { userId }, data: { confirmedAt: new Date() } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) }),
    db.securityEvent.create({
      data: { userId, kind: 'factor-added', details: { factor: 'totp' }, ip: client?.ip, userAgent: client?.userAgent },
    }),
  ]);
  return codes;
}

/** Uses a recovery code once. */
export async function useRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
