import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createLogger, type RunningSubgraph, startSubgraph } from '@gemeng/subgraph-kit';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../src/db.ts';
import { createApiClient, revokeApiClient, rotateApiClientSecret } from '../src/oidc/api-clients.ts';
import { hashSecret } from '../src/oidc/presented-secret.ts';
import { createOidcProvider } from '../src/oidc/provider.ts';
import { schema } from '../src/schema/index.ts';
import { type IdentityTestDatabase, identityTestDatabase } from './database.ts';

const AUDIENCE = 'urn:gemeng:graph';
let database: IdentityTestDatabase;
let db: Db;
let identity: RunningSubgraph;
let issuer: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function start() {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}/oidc`;
  const oidc = await createOidcProvider(db, { issuer, graphAudience: AUDIENCE, behindProxy: false });
  return startSubgraph({
    name: 'identity',
    schema,
    db: createDb(database.url),
    port,
    routerSecret: randomBytes(32).toString('hex'),
    publicRoutes: oidc.handle,
    log: createLogger('identity'),
  });
}

beforeAll(async () => {
  database = await identityTestDatabase('identity_oidc', { seed: true });
  db = database.db;
  identity = await start();
});
afterAll(async () => {
  await identity?.stop();
  await database?.close();
});

async function token(clientId: string, secret: string, extra: Record<string, string> = {}) {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'graph.read', ...extra }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe('identity: the OpenID Connect provider', () => {
  it('publishes its discovery document and public keys only', async () => {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.token_endpoint).toBe(`${issuer}/token`);
    expect(discovery.grant_types_supported).toContain('client_credentials');
    expect(discovery.response_types_supported).toEqual(['code']);
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.map((key) => key.alg).sort()).toEqual(['ES256', 'RS256']);
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
  });

  it('gives a registered third-party application an RFC 9068 access token for the graph', async () => {
    const client = await createApiClient(db, 'Agenda culturel du Sud');
    const { status, body } = await token(client.clientId, client.secret);
    expect(status).toBe(200);
    expect(body.token_type).toBe('Bearer');
    expect(decodeProtectedHeader(body.access_token ?? '')).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const { payload } = await jwtVerify(body.access_token ?? '', createRemoteJWKSet(new URL(`${issuer}/jwks`)), {
      issuer,
      audience: AUDIENCE,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: client.clientId, client_id: client.clientId, scope: 'graph.read' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(600);
  });

  it('refuses a wrong secret, a revoked client and a foreign audience', async () => {
    const client = await createApiClient(db, 'Gemengebuet app');
    expect((await token(client.clientId, 'not-the-secret')).body.error).toBe('invalid_client');
    expect((await token(client.clientId, client.secret, { resource: 'https://elsewhere.example' })).body.error).toBe(
      'invalid_target',
    );
    expect(await revokeApiClient(db, client.clientId, { any: true })).toBe(true);
    const revoked = await token(client.clientId, client.secret);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error).toBe('invalid_client');
  });

  it('stores only the SHA-256 of a secret, and checks a presented secret against it', async () => {
    const client = await createApiClient(db, 'Hash check app');
    const row = await db.apiClient.findUniqueOrThrow({ where: { clientId: client.clientId } });
    expect(row.secretHash).toBe(hashSecret(client.secret));
    expect(JSON.stringify(row)).not.toContain(client.secret);
    const wrong = await token(client.clientId, `${client.secret}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    expect((await token(client.clientId, client.secret)).status).toBe(200);

    // Rotation: the old secret stops working at once, the new one works.
    const rotated = (await rotateApiClientSecret(db, client.clientId, { any: true })) ?? '';
    expect((await token(client.clientId, client.secret)).body.error).toBe('invalid_client');
    expect((await token(client.clientId, rotated)).status).toBe(200);

    // Client id and secret are form-urlencoded in the Basic header (RFC 6749 §2.3.1).
    const special = 'a secret: with/+%=';
    await db.apiClient.update({ where: { clientId: client.clientId }, data: { secretHash: hashSecret(special) } });
    expect((await token(client.clientId, special)).status).toBe(200);
  });

  it('rejects an application name that is too short', async () => {
    await expect(createApiClient(db, ' x ')).rejects.toThrow('3 to 100 characters');
  });

  it('keeps its signing keys across restarts, so tokens issued before stay valid', async () => {
    const before = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    await identity.stop();
    identity = await start();
    const after = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    expect(after.keys.map((k) => k.kid).sort()).toEqual(before.keys.map((k) => k.kid).sort());
  });
});
