import { randomBytes } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '../db.ts';
import { PORTAL_CLIENT_ID } from './portal-client.ts';
import { presentedSecretMatching } from './presented-secret.ts';

export interface AdapterOptions {
  /** The portal client's current metadata (portal-client.ts). */
  portalClient: () => Promise<AdapterPayload | undefined>;
}

/**
 * oidc-provider's storage in PostgreSQL: one table for all its models. Clients (model `Client`) come from our
 * own tables instead: API clients from api_client, so that revoking one takes effect at once, and the portal
 * client from the communes' website origins, so that a new commune's website signs in without a restart.
 */
export function prismaAdapter(db: Db, options: AdapterOptions) {
  return class PrismaAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const data = {
        payload: payload as object,
        grantId: payload.grantId ?? null,
        accountId: payload.accountId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      };
      await db.oidcPayload.upsert({
        where: { model_id: { model: this.model, id } },
        create: { model: this.model, id, ...data },
        update: data,
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return id === PORTAL_CLIENT_ID ? options.portalClient() : findApiClient(db, id);
      return this.one({ id });
    }

    findByUid(uid: string) {
      return this.one({ uid });
    }

    findByUserCode(userCode: string) {
      return this.one({ userCode });
    }

    async consume(id: string): Promise<void> {
      await db.oidcPayload.updateMany({ where: { model: this.model, id }, data: { consumedAt: new Date() } });
    }

    async destroy(id: string): Promise<void> {
      await db.oidcPayload.deleteMany({ where: { model: this.model, id } });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.oidcPayload.deleteMany({ where: { grantId } });
    }

    private async one(where: { id?: string; uid?: string; userCode?: string }) {
      const row = await db.oidcPayload.findFirst({
        where: { model: this.model, ...where, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
      });
      if (!row) return undefined;
      const payload = row.payload as AdapterPayload;
      return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
    }
  };
}

/**
 * An API client for oidc-provider, which compares the presented secret with `client_secret` itself. Only the
 * secret's SHA-256 is stored: `client_secret` is the secret presented at the token endpoint when its hash
 * matches (see presented-secret.ts), else a random string of this process, so that the provider answers
 * invalid_client (one string, not one per request: the provider caches clients by their metadata). Registered
 * as `client_secret_basic`, the provider accepts the secret in the form body (`client_secret_post`) as well.
 */
const UNMATCHED = randomBytes(32).toString('base64url');

async function findApiClient(db: Db, clientId: string): Promise<AdapterPayload | undefined> {
  const client = await db.apiClient.findUnique({ where: { clientId } });
  if (!client || client.revokedAt) return undefined;
  return {
    client_id: client.clientId,
    client_secret: presentedSecretMatching(client.secretHash) ?? UNMATCHED,
    client_name: client.name,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: client.scopes.join(' '),
  } as AdapterPayload;
}
