/**
 * The router tells the subgraphs who the client is: the connection's address, or the trusted proxy's
 * X-Forwarded-For entry only when it is told it stands behind one, and the user agent. A client cannot put
 * its own values in those headers. The subgraph here is a plain HTTP server that records what it receives.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_IP_HEADER, CLIENT_USER_AGENT_HEADER, ROUTER_SECRET_HEADER } from '@gemeng/service-kit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRouter, startRouter } from '../src/router.ts';
import type { GatewayRuntimeName } from '../src/runtimes/types.ts';
import { readSupergraph, subgraphUrls } from '../src/supergraph.ts';

const SECRET = 'router-secret-for-the-client-tests-0123456789';
let subgraph: Server;
let subgraphUrl: string;
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  subgraph = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { communes: [{ slug: 'dudelange' }] } }));
    });
  });
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  subgraphUrl = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => subgraph.close(resolve)));

async function router(runtime: GatewayRuntimeName, behindProxy: boolean): Promise<RunningRouter> {
  const supergraphSdl = readSupergraph();
  return startRouter({
    supergraphSdl,
    runtime,
    port: 0,
    host: '127.0.0.1',
    routerSecret: SECRET,
    subgraphUrls: Object.fromEntries(Object.keys(subgraphUrls(supergraphSdl)).map((name) => [name, subgraphUrl])),
    corsOrigins: [],
    communeOriginsUrl: false, // no identity here: the configured origins only
    behindProxy,
    log: pino({ level: 'silent' }),
  });
}

/** What the subgraph received for one client request with `headers`. */
async function seenBySubgraph(running: RunningRouter, headers: Record<string, string>) {
  received.length = 0;
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ communes { slug } }' }),
  });
  expect(await response.json()).toEqual({ data: { communes: [{ slug: 'dudelange' }] } });
  expect(received).toHaveLength(1);
  const [seen] = received;
  expect(seen?.[ROUTER_SECRET_HEADER]).toBe(SECRET);
  return { ip: seen?.[CLIENT_IP_HEADER], userAgent: seen?.[CLIENT_USER_AGENT_HEADER] };
}

const SPOOFED = { [CLIENT_IP_HEADER]: '6.6.6.6', [CLIENT_USER_AGENT_HEADER]: 'Spoofed/1.0' };

describe.each(['hive-rust', 'apollo'] as const)('the %s router', (runtime) => {
  let direct: RunningRouter;
  let proxied: RunningRouter;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([router(runtime, false), router(runtime, true)]);
  }, 60_000);
  afterAll(async () => {
    await direct?.stop();
    await proxied?.stop();
  });

  it('forwards the connection address and the user agent, whatever the client claims', async () => {
    expect(
      await seenBySubgraph(direct, {
        'user-agent': 'Mozilla/5.0 (Gemeng test)',
        'x-forwarded-for': '203.0.113.7',
        ...SPOOFED,
      }),
    ).toEqual({ ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (Gemeng test)' });
  });

  it('behind a trusted proxy, forwards the address the proxy appended to X-Forwarded-For', async () => {
    expect(
      await seenBySubgraph(proxied, {
        'user-agent': 'Mozilla/5.0 (Gemeng test)',
        // the first entry is whatever the client claimed; the proxy appended the last one
        'x-forwarded-for': '198.51.100.1, 2001:db8::7',
        ...SPOOFED,
      }),
    ).toEqual({ ip: '2001:db8::7', userAgent: 'Mozilla/5.0 (Gemeng test)' });
    // no X-Forwarded-For: the connection's address (and fetch's own user agent)
    expect(await seenBySubgraph(proxied, SPOOFED)).toEqual({ ip: '127.0.0.1', userAgent: 'node' });
  });
});
