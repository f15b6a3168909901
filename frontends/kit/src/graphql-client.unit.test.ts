import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLRequestError, graphqlRequest, stepUpChallenge } from './graphql-client.ts';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A real HTTP server whose answer each test chooses by path, so the client's fetch is exercised for real. */
const routes = new Map<string, Handler>();
let server: Server;
let base: string;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, Buffer.concat(chunks).toString('utf8'), res);
    else res.writeHead(404).end('not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  routes.set('/echo', (req, body, res) =>
    json(res, 200, {
      data: {
        headers: { lang: req.headers['accept-language'], type: req.headers['content-type'] },
        body: JSON.parse(body),
      },
    }),
  );
  routes.set('/not-found', (_req, _body, res) =>
    json(res, 200, { data: { commune: null }, errors: [{ message: 'No commune with slug "x"', path: ['commune'] }] }),
  );
  routes.set('/bad-request', (_req, _body, res) =>
    json(res, 400, { errors: [{ message: 'Cannot query field "nope" on type "Query".' }] }),
  );
  routes.set('/html-502', (_req, _body, res) =>
    res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'),
  );
  routes.set('/empty-200', (_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  routes.set('/slow', (_req, _body, res) => {
    setTimeout(() => json(res, 200, { data: {} }), 5_000).unref();
  });
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

async function capture(promise: Promise<unknown>): Promise<GraphQLRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLRequestError);
    return error as GraphQLRequestError;
  }
  throw new Error('expected the request to fail');
}

describe('graphqlRequest', () => {
  it('POSTs JSON with the language header and returns data', async () => {
    const data = await graphqlRequest<{ headers: Record<string, string>; body: unknown }>(
      `${base}/echo`,
      'query Q($slug: String!) { commune(slug: $slug) { slug } }',
      { slug: 'dudelange' },
      { lang: 'lb' },
    );
    expect(data.headers).toEqual({ lang: 'lb', type: 'application/json' });
    expect(data.body).toEqual({
      query: 'query Q($slug: String!) { commune(slug: $slug) { slug } }',
      variables: { slug: 'dudelange' },
    });
  });

  it('throws a graphql error with the partial data and the server’s messages', async () => {
    const error = await capture(graphqlRequest(`${base}/not-found`, '{ commune { slug } }'));
    expect(error.name).toBe('GraphQLRequestError');
    expect(error.kind).toBe('graphql');
    expect(error.message).toBe('No commune with slug "x"');
    expect(error.data).toEqual({ commune: null });
    expect(error.errors[0]?.path).toEqual(['commune']);
    expect(error.retryable).toBe(false);
  });

  it('prefers GraphQL messages on a 4xx GraphQL response', async () => {
    const error = await capture(graphqlRequest(`${base}/bad-request`, '{ nope }'));
    expect(error.kind).toBe('graphql');
    expect(error.status).toBe(400);
  });

  it('reports a non-JSON error page as an HTTP error that may be retried', async () => {
    const error = await capture(graphqlRequest(`${base}/html-502`, '{ a }'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.retryable).toBe(true);
  });

  it('rejects a response without data or errors', async () => {
    const error = await capture(graphqlRequest(`${base}/empty-200`, '{ a }'));
    expect(error.kind).toBe('invalid-response');
  });

  it('reports a closed port as a network error', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    const error = await capture(graphqlRequest(`http://127.0.0.1:${port}/graphql`, '{ a }'));
    expect(error.kind).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('reports an aborted request as aborted', async () => {
    const controller = new AbortController();
    const request = graphqlRequest(`${base}/slow`, '{ a }', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await capture(request);
    expect(error.kind).toBe('aborted');
  });
});

describe('stepUpChallenge', () => {
  it('finds the step-up challenge of a field that wants a second factor, and nothing else', async () => {
    routes.set('/step-up', (_req, _body, res) =>
      json(res, 200, {
        data: null,
        errors: [
          {
            message: 'A sign-in with two factors is required.',
            path: ['totpRemove'],
            extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial' },
          },
        ],
      }),
    );
    const error = await graphqlRequest(`${base}/step-up`, 'mutation { totpRemove { __typename } }').catch(
      (e: unknown) => e,
    );
    expect(stepUpChallenge(error)).toEqual({ acrValues: 'substantial' });
    expect(
      stepUpChallenge(new GraphQLRequestError('no', { kind: 'graphql', errors: [{ message: 'Forbidden' }] })),
    ).toBeUndefined();
    expect(stepUpChallenge(new Error('INSUFFICIENT_USER_AUTHENTICATION'))).toBeUndefined();
  });
});
