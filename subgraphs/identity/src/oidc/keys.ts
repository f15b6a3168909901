import { randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Db } from '../db.ts';

/** ES256 for access tokens (small, fast), RS256 for ID tokens (what every relying party supports). */
const SIGNING_ALGORITHMS = ['ES256', 'RS256'] as const;

export interface ProviderKeys {
  jwks: { keys: JWK[] };
  cookieKeys: string[];
}

/**
 * The provider's keys from the database, created on the first start. Newest first: the newest active key of
 * each algorithm signs, all active ones are published. Rotation: `rotateKeys` adds new keys, which sign from
 * the next start; retire an old key once the tokens it signed have expired.
 */
export async function loadKeys(db: Db): Promise<ProviderKeys> {
  for (const alg of SIGNING_ALGORITHMS) {
    const existing = await db.oidcKey.count({ where: { use: 'sig', alg, retiredAt: null } });
    if (!existing) await addSigningKey(db, alg);
  }
  if (!(await db.oidcKey.count({ where: { use: 'cookie', retiredAt: null } }))) await addCookieKey(db);
  const rows = await db.oidcKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: 'desc' } });
  return {
    jwks: { keys: rows.filter((row) => row.use === 'sig').map((row) => row.material as JWK) },
    cookieKeys: rows.filter((row) => row.use === 'cookie').map((row) => (row.material as { secret: string }).secret),
  };
}

export async function rotateKeys(db: Db): Promise<void> {
  for (const alg of SIGNING_ALGORITHMS) await addSigningKey(db, alg);
  await addCookieKey(db);
}

async function addSigningKey(db: Db, alg: (typeof SIGNING_ALGORITHMS)[number]) {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
  });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  await db.oidcKey.create({ data: { id: kid, use: 'sig', alg, material: { ...jwk, alg, use: 'sig', kid } } });
}

async function addCookieKey(db: Db) {
  const secret = randomBytes(32).toString('base64url');
  await db.oidcKey.create({
    data: { id: `cookie-${randomBytes(8).toString('hex')}`, use: 'cookie', material: { secret } },
  });
}
