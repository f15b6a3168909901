/**
 * Third-party applications (client credentials grant). Their secret is 256 random bits, shown once; the
 * api_client table keeps only its SHA-256, and the provider checks a presented secret against that hash
 * (findApiClient in adapter.ts, with presented-secret.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db.ts';
import { revokeClientTokens } from '../security/revocations.ts';
import { hashSecret } from './presented-secret.ts';
import { GRAPH_SCOPES } from './provider.ts';

export interface NewApiClient {
  clientId: string;
  /** Shown once: only the application keeps it; the database holds its SHA-256. */
  secret: string;
}

/** The developer registering an application; operators are not limited. */
export interface Owner {
  id: string;
  unlimited?: boolean;
}

/** How many active applications a developer may have (operators: no limit). */
export const MAX_APPS_PER_DEVELOPER = 5;

/**
 * Registers a third-party application for the client credentials grant, for a developer (`ownerId`) or, from
 * the command line, for the syndicate. Null when the developer already has MAX_APPS_PER_DEVELOPER active ones.
 */
export async function createApiClient(db: Db, name: string): Promise<NewApiClient>;
export async function createApiClient(db: Db, name: string, owner: Owner): Promise<NewApiClient | null>;
export async function createApiClient(db: Db, name: string, owner: Owner | null = null): Promise<NewApiClient | null> {
  const trimmed = name.trim();
  if (trimmed.length < 3 || trimmed.length > 100) {
    throw new Error('the application name must have 3 to 100 characters');
  }
  const clientId = `gemeng-${randomBytes(9).toString('base64url')}`;
  const secret = randomBytes(32).toString('base64url');
  const created = await db.$transaction(async (tx) => {
    if (owner && !owner.unlimited) {
      // The owner's row is the lock: two requests at once cannot both pass the limit.
      await tx.$queryRaw`SELECT 1 FROM user_account WHERE id = ${owner.id}::uuid FOR UPDATE`;
      const active = await tx.apiClient.count({ where: { ownerId: owner.id, revokedAt: null } });
      if (active >= MAX_APPS_PER_DEVELOPER) return false;
    }
    await tx.apiClient.create({
      data: {
        clientId,
        name: trimmed,
        secretHash: hashSecret(secret),
        scopes: [...GRAPH_SCOPES],
        ownerId: owner?.id ?? null,
      },
    });
    return true;
  });
  return created ? { clientId, secret } : null;
}

/** Who may change an application: its owner, or (with `any`) an operator. */
export type ClientScope = { ownerId: string } | { any: true };
const whereScope = (scope: ClientScope) => ('ownerId' in scope ? { ownerId: scope.ownerId } : {});

/**
 * Revokes a client: its next token request fails, and the router refuses the tokens it already has within a
 * minute (the revocation list, security/revocations.ts).
 */
export async function revokeApiClient(db: Db, clientId: string, scope: ClientScope): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiClient.updateMany({
      where: { clientId, revokedAt: null, ...whereScope(scope) },
      data: { revokedAt: new Date() },
    });
    if (count === 1) await revokeClientTokens(tx, clientId);
    return count === 1;
  });
}

/**
 * Gives an active client a new secret, shown once; the old one stops working at once (the adapter reads the
 * client at every token request), tokens already issued expire within their lifetime. Null: no active client.
 */
export async function rotateApiClientSecret(db: Db, clientId: string, scope: ClientScope): Promise<string | null> {
  const secret = randomBytes(32).toString('base64url');
  const { count } = await db.apiClient.updateMany({
    where: { clientId, revokedAt: null, ...whereScope(scope) },
    data: { secretHash: hashSecret(secret) },
  });
  return count === 1 ? secret : null;
}
