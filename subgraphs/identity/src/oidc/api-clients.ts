/**
 * Third-party applications (client credentials grant). Their secret is 256 random bits, shown once; the
 * api_client table keeps only its SHA-256, and the provider checks a presented secret against that hash
 * (findApiClient in adapter.ts, with presented-secret.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db.ts';
import { hashSecret } from './presented-secret.ts';
import { GRAPH_SCOPES } from './provider.ts';

export interface NewApiClient {
  clientId: string;
  /** Shown once: only the application keeps it; the database holds its SHA-256. */
  secret: string;
}

/** Registers a third-party application for the client credentials grant. */
export async function createApiClient(db: Db, name: string): Promise<NewApiClient> {
  const trimmed = name.trim();
  if (trimmed.length < 3 || trimmed.length > 100) {
    throw new Error('the application name must have 3 to 100 characters');
  }
  const clientId = `gemeng-${randomBytes(9).toString('base64url')}`;
  const secret = randomBytes(32).toString('base64url');
  await db.apiClient.create({
    data: { clientId, name: trimmed, secretHash: hashSecret(secret), scopes: [...GRAPH_SCOPES] },
  });
  return { clientId, secret };
}

/** Revokes a client: its next token request fails; tokens already issued expire within their lifetime. */
export async function revokeApiClient(db: Db, clientId: string): Promise<boolean> {
  const { count } = await db.apiClient.updateMany({
    where: { clientId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/**
 * Gives an active client a new secret, shown once; the old one stops working at once (the adapter reads the
 * client at every token request), tokens already issued expire within their lifetime. Null: no active client.
 */
export async function rotateApiClientSecret(db: Db, clientId: string): Promise<string | null> {
  const secret = randomBytes(32).toString('base64url');
  const { count } = await db.apiClient.updateMany({
    where: { clientId, revokedAt: null },
    data: { secretHash: hashSecret(secret) },
  });
  return count === 1 ? secret : null;
}
