/**
 * Trust between the services of a running stack: the router holds no domain-event key and its secret does not
 * open a subgraph's `/events`; the client's address reaches identity's security log through the router, from
 * the connection, or from X-Forwarded-For only when the router is told a trusted proxy stands in front of it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ROUTER_SECRET_HEADER } from '@gemeng/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchRouter } from '../../scripts/stack.ts';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { clientAddress } from '../support/client-address.ts';
import { graphql } from '../support/oidc.ts';
import { signedInWithSecondFactor } from '../support/second-factor.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();
/** A second router in front of the same subgraphs, told that a trusted proxy stands before it. */
let proxied: Awaited<ReturnType<typeof launchRouter>>;

beforeAll(async () => {
  proxied = await launchRouter({
    port: await freePort(),
    routerSecret: stack.routerSecret,
    subgraphUrls: stack.subgraphUrls,
    corsOrigins: [],
    logDir: stack.logDir,
    logName: 'router-behind-proxy',
    env: { GEMENG_OIDC_ISSUER: stack.oidcIssuer, GEMENG_BEHIND_PROXY: 'true' },
  });
});
afterAll(async () => {
  await proxied?.stop();
});

/** The environment a process was started with (Linux). */
function environmentOf(pid: number | undefined): Record<string, string> {
  const raw = readFileSync(`/proc/${pid}/environ`, 'utf8');
  return Object.fromEntries(
    raw
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
}

describe('domain events', () => {
  it('each subgraph has its own signing key, and the router none', () => {
    const keys = ['identity', 'procedures', 'culture', 'billing'].map(
      (name) => environmentOf(stack.pids[name as 'identity']).GEMENG_EVENT_KEY,
    );
    expect(keys.every(Boolean)).toBe(true);
    expect(new Set(keys).size).toBe(4);
    const router = environmentOf(stack.pids.router);
    expect(router.GEMENG_EVENT_KEY).toBeUndefined();
    expect(router.GEMENG_EVENT_KEYS).toBeUndefined();
    expect(router.GEMENG_ROUTER_SECRET).toBe(stack.routerSecret);
  });

  // On the local bus a subgraph takes events at /events and refuses the router's secret there; on NATS JetStream
  // (the postgres project) it takes events from the broker only, and /events does not exist.
  it("refuses an event posted with the router's secret", async () => {
    const events = new URL('/events', stack.subgraphUrls.billing);
    const response = await fetch(events, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ROUTER_SECRET_HEADER]: stack.routerSecret },
      body: JSON.stringify({
        id: randomUUID(),
        type: 'identity.user-erased',
        source: 'identity',
        payload: { userId: randomUUID() },
        createdAt: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(stack.eventBus === 'local' ? 403 : 404);
  });
});

const CREATE_APP = `mutation ($input: ApiClientCreateInput!) {
  apiClientCreate(input: $input) { __typename }
}`;

describe("the client's address in the security log", () => {
  it('is the trusted proxy’s X-Forwarded-For entry behind one, else the connection’s address', async () => {
    const person = await signedInWithSecondFactor(stack);
    const headers = { 'x-forwarded-for': '198.51.100.9, 203.0.113.45', 'user-agent': 'GemengTest/1.0 (e2e)' };
    const behind = await graphql(
      { routerUrl: proxied.url },
      CREATE_APP,
      { input: { name: 'Behind the proxy' } },
      person.accessToken,
      headers,
    );
    expect(behind.body.errors).toBeUndefined();
    // The stack's own router is not told of a proxy: X-Forwarded-For is whatever the client claims.
    const direct = await graphql(stack, CREATE_APP, { input: { name: 'Direct' } }, person.accessToken, headers);
    expect(direct.body.errors).toBeUndefined();

    const log = await graphql<{ me: { securityLog: { kind: string; ip: string | null }[] } }>(
      stack,
      '{ me { securityLog { kind ip } } }',
      undefined,
      person.accessToken,
    );
    const created = log.body.data?.me.securityLog.filter((entry) => entry.kind === 'api-client-created');
    // newest first; this file's requests leave from an address of its own (../support/client-address.ts)
    expect(created?.map((entry) => entry.ip)).toEqual([clientAddress(), '203.0.113.45']);

    const db = createDb(stack.databaseUrls.identity);
    try {
      const rows = await db.securityEvent.findMany({ where: { userId: person.id, kind: 'api-client-created' } });
      expect(rows.map((row) => row.userAgent)).toEqual(['GemengTest/1.0 (e2e)', 'GemengTest/1.0 (e2e)']);
    } finally {
      await db.$disconnect();
    }
  });
});
