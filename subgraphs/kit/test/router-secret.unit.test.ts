/**
 * Only the router reaches a subgraph's graph and its internal routes: a wrong router secret gets a clean 403,
 * whatever bytes it holds (a non-ASCII value of the secret's length in characters is longer in bytes).
 */
import { connect } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../src/context.ts';
import { ROUTER_SECRET_HEADER, type RunningSubgraph, startSubgraph } from '../src/server.ts';

const SECRET = 'router-secret-for-the-secret-tests-0123456789';
const schema = buildSubgraphSchema({
  typeDefs: parse('type Query { client: String }'),
  resolvers: {
    Query: { client: (_: unknown, __: unknown, ctx: unknown) => JSON.stringify((ctx as RequestContext).client) },
  },
});
const db = { $queryRawUnsafe: async () => [], $disconnect: async () => {} };

/** A raw HTTP/1.1 request written byte for byte (a header value is bytes: `secret` goes out as latin1). */
function send(url: string, path: string, secret: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ query: '{ client }' });
  const head = [
    `POST ${path} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    `${ROUTER_SECRET_HEADER}: ${secret}`,
    'connection: close',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.from(body)]));
  });
}

describe('the router secret', () => {
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    subgraph = await startSubgraph({
      name: 'secret-test',
      schema,
      db,
      port: 0,
      routerSecret: SECRET,
      log: pino({ level: 'silent' }),
      internalRoutes: async (req, res) => {
        if (req.url !== '/internal/ping') return false;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"pong":true}');
        return true;
      },
    });
  });
  afterAll(() => subgraph?.stop());

  it('lets the router in', async () => {
    expect(await send(subgraph.url, '/graphql', SECRET)).toMatchObject({ status: 200 });
    const internal = await send(subgraph.url, '/internal/ping', SECRET);
    expect(internal.status).toBe(200);
    expect(internal.body).toContain('{"pong":true}');
  });

  // Header values are bytes: each character below is one byte on the wire (latin1), as a client may send them.
  const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
  it.each([
    ['one non-ASCII byte per character of the secret', '\u00e9'.repeat(SECRET.length)],
    ['UTF-8 text as long as the secret in bytes', utf8('\u00e9'.repeat(Math.floor(SECRET.length / 2)))],
    ['shorter', SECRET.slice(1)],
    ['longer', `${SECRET}x`],
    ['the same length, wrong', `${SECRET.slice(0, -1)}x`],
  ])('answers 403, never 500, to a wrong secret: %s', async (_label, header) => {
    for (const path of ['/graphql', '/internal/ping']) {
      const { status, body } = await send(subgraph.url, path, header);
      expect(status).toBe(403);
      expect(body).toMatch(/router/);
    }
  });
});
