/**
 * The router checks access tokens before any subgraph is contacted: every subgraph URL points at a closed
 * port, so a refused token must get its 401 from the router's front, and a valid one gets past it.
 */
import { createServer } from 'node:net';
import { startTestIssuer, type TestIssuer } from '@gemeng/service-kit/auth/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRouter, startRouter } from '../src/router.ts';
import { readSupergraph, subgraphUrls } from '../src/supergraph.ts';

const ORIGIN = 'https://www.dudelange.lu';
const UNAUTHENTICATED = {
  errors: [{ message: 'The access token is not valid: sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
};
const QUERY = JSON.stringify({ query: '{ communes { slug } }' });

/** A port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startDeadEndRouter(auth?: TestIssuer['auth']): Promise<RunningRouter> {
  const supergraphSdl = readSupergraph();
  const port = await deadPort();
  return startRouter({
    supergraphSdl,
    runtime: 'hive-rust',
    port: 0,
    host: '127.0.0.1',
    routerSecret: 'router-secret-for-the-auth-tests-0123456789',
    subgraphUrls: Object.fromEntries(
      Object.keys(subgraphUrls(supergraphSdl)).map((name) => [name, `http://127.0.0.1:${port}/graphql`]),
    ),
    corsOrigins: [ORIGIN],
    log: pino({ level: 'silent' }),
    ...(auth ? { auth } : {}),
  });
}

async function post(router: RunningRouter, headers: Record<string, string> = {}) {
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: QUERY,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

describe('router with auth', () => {
  let issuer: TestIssuer;
  let router: RunningRouter;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    router = await startDeadEndRouter(issuer.auth);
  }, 60_000);
  afterAll(async () => {
    await router?.stop();
    await issuer?.stop();
  });

  it('answers 401 to refused tokens before contacting any subgraph, readable by registered origins', async () => {
    const foreign = await startTestIssuer();
    const bad = {
      malformed: 'Basic x',
      'bearer without token': 'Bearer',
      'not a JWT': 'Bearer a.b',
      expired: `Bearer ${await issuer.mint({}, { expiresIn: -60 })}`,
      'wrong audience': `Bearer ${await issuer.mint({}, { audience: 'urn:other' })}`,
      'wrong typ': `Bearer ${await issuer.mint({}, { typ: 'JWT' })}`,
      'foreign key': `Bearer ${await foreign.mint({}, { issuer: issuer.issuer })}`,
    };
    await foreign.stop();
    for (const [what, authorization] of Object.entries(bad)) {
      const { status, headers, body, text } = await post(router, { authorization, origin: ORIGIN });
      expect(status, what).toBe(401);
      expect(headers.get('www-authenticate'), what).toBe('Bearer error="invalid_token"');
      expect(headers.get('access-control-allow-origin'), what).toBe(ORIGIN);
      expect(headers.get('access-control-expose-headers'), what).toContain('www-authenticate');
      expect(headers.get('x-request-id'), what).toBeTruthy();
      expect(body, what).toEqual(UNAUTHENTICATED);
      expect(text, what).not.toMatch(/stack|at \w+ \(|jose|JWT|JWS/);
    }
  });

  it('lets a valid token through to the runtime (which then cannot reach the subgraph)', async () => {
    const { status, body } = await post(router, { authorization: `Bearer ${await issuer.mint()}`, origin: ORIGIN });
    expect(status).not.toBe(401);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]));
    expect(JSON.stringify(body)).not.toContain('UNAUTHENTICATED');
  });

  it('lets anonymous requests through', async () => {
    const { status, body } = await post(router);
    expect(status).not.toBe(401);
    expect(body.errors).toBeDefined();
  });

  it('does not ask for a token on CORS preflight requests', async () => {
    const response = await fetch(router.url, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-headers': 'authorization' },
    });
    expect(response.status).toBe(204);
  });

  it('answers 503 (not 401) while the issuer key set cannot be fetched', async () => {
    const rotated = await startTestIssuer();
    const behind = await startDeadEndRouter(rotated.auth);
    try {
      rotated.failJwks(true);
      const { status, headers, body } = await post(behind, { authorization: `Bearer ${await rotated.mint()}` });
      expect(status).toBe(503);
      expect(headers.get('www-authenticate')).toBeNull();
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    } finally {
      await behind.stop();
      await rotated.stop();
    }
  }, 60_000);
});

describe('router without auth', () => {
  it('refuses any access token, since it cannot check it', async () => {
    const issuer = await startTestIssuer();
    const router = await startDeadEndRouter();
    try {
      const { status, body } = await post(router, { authorization: `Bearer ${await issuer.mint()}` });
      expect(status).toBe(401);
      expect(body).toEqual(UNAUTHENTICATED);
      expect((await post(router)).status).not.toBe(401);
    } finally {
      await router.stop();
      await issuer.stop();
    }
  }, 60_000);
});
