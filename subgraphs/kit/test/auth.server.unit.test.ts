/** The subgraph server checks access tokens again (defense in depth) and fills `ctx.caller`. */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from '../src/auth/testing.ts';
import type { RequestContext } from '../src/context.ts';
import { ROUTER_SECRET_HEADER, type RunningSubgraph, startSubgraph } from '../src/server.ts';

const SECRET = 'router-secret-for-the-auth-tests-0123456789';
const UNAUTHENTICATED = {
  errors: [{ message: 'The access token is not valid: sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
};

const schema = buildSubgraphSchema({
  typeDefs: parse('type Query { caller: String }'),
  resolvers: {
    Query: { caller: (_: unknown, __: unknown, ctx: unknown) => JSON.stringify((ctx as RequestContext).caller) },
  },
});
const db = { $queryRawUnsafe: async () => [], $disconnect: async () => {} };

async function start(auth?: TestIssuer['auth']): Promise<RunningSubgraph> {
  return startSubgraph({
    name: 'auth-test',
    schema,
    db,
    port: 0,
    routerSecret: SECRET,
    log: pino({ level: 'silent' }),
    ...(auth ? { auth } : {}),
  });
}

async function ask(subgraph: RunningSubgraph, headers: Record<string, string> = {}) {
  const response = await fetch(subgraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ROUTER_SECRET_HEADER]: SECRET, ...headers },
    body: JSON.stringify({ query: '{ caller }' }),
  });
  const body = (await response.json()) as { data?: { caller: string | null }; errors?: unknown[] };
  return { status: response.status, headers: response.headers, body };
}

describe('subgraph with auth', () => {
  let issuer: TestIssuer;
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    subgraph = await start(issuer.auth);
  });
  afterAll(async () => {
    await subgraph.stop();
    await issuer.stop();
  });

  it('puts the verified caller in the context', async () => {
    const token = await issuer.mint({ sub: 'agent-7', gemeng_roles: [{ communeId: 'c-1', role: 'agent' }] });
    const { status, body } = await ask(subgraph, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(JSON.parse(body.data?.caller ?? '')).toEqual({
      sub: 'agent-7',
      clientId: 'gemeng-portal',
      acr: 'low',
      roles: [{ communeId: 'c-1', role: 'agent' }],
      operator: false,
      scopes: ['openid'],
    });
  });

  it('answers anonymous requests with a null caller', async () => {
    const { status, body } = await ask(subgraph);
    expect(status).toBe(200);
    expect(body.data?.caller).toBe('null');
  });

  it('answers 401 to a refused token, without details', async () => {
    for (const authorization of ['Basic x', `Bearer ${await issuer.mint({}, { expiresIn: -60 })}`]) {
      const { status, headers, body } = await ask(subgraph, { authorization });
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(headers.get('x-request-id')).toBeTruthy();
      expect(body).toEqual(UNAUTHENTICATED);
    }
  });

  it('checks the router secret before the token', async () => {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer a.b.c' },
      body: JSON.stringify({ query: '{ caller }' }),
    });
    expect(response.status).toBe(403);
  });
});

describe('subgraph without auth', () => {
  it('answers anonymous requests and refuses any token', async () => {
    const issuer = await startTestIssuer();
    const subgraph = await start();
    try {
      expect((await ask(subgraph)).body.data?.caller).toBe('null');
      const { status, body } = await ask(subgraph, { authorization: `Bearer ${await issuer.mint()}` });
      expect(status).toBe(401);
      expect(body).toEqual(UNAUTHENTICATED);
    } finally {
      await subgraph.stop();
      await issuer.stop();
    }
  });
});
