import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from './errors.ts';
import {
  GraphQLRequestError,
  graphqlRequest,
  MAX_GET_URL_LENGTH,
  publicQueryUrl,
  stepUpChallenge,
  withStepUp,
} from './graphql-client.ts';

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
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler) handler(req, Buffer.concat(chunks).toString('utf8'), res);
    else res.writeHead(404).end('not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  routes.set('/echo', (req, body, res) => {
    const search = new URL(req.url ?? '/', 'http://x').searchParams;
    json(res, 200, {
      data: {
        method: req.method,
        headers: {
          lang: req.headers['accept-language'],
          type: req.headers['content-type'],
          authorization: req.headers.authorization,
        },
        body: body ? JSON.parse(body) : undefined,
        search: Object.fromEntries(search),
      },
    });
  });
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

interface Echo {
  method: string;
  headers: Record<string, string | undefined>;
  body: unknown;
  search: Record<string, string>;
}

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
  it('sends a public query as GET (GraphQL over HTTP) with the language header, and returns data', async () => {
    const query = 'query Q($slug: String!) { commune(slug: $slug) { slug } }';
    const data = await graphqlRequest<Echo>(`${base}/echo`, query, { slug: 'dudelange' }, { lang: 'lb' });
    expect(data.method).toBe('GET');
    expect(data.headers).toEqual({ lang: 'lb', type: 'application/json' });
    expect(data.body).toBeUndefined();
    expect(data.search).toEqual({ query, variables: '{"slug":"dudelange"}' });
    // The same query and variables give the same URL: what the browser's and the service worker's caches key on.
    const again = await graphqlRequest<Echo>(`${base}/echo`, query, { slug: 'dudelange' }, { lang: 'lb' });
    expect(again.search).toEqual(data.search);
  });

  it('POSTs a mutation, a signed query and a query too long for a URL, never putting them in the address', async () => {
    const mutation = 'mutation M($name: String!) { rename(name: $name) { ok } }';
    const posted = await graphqlRequest<Echo>(`${base}/echo`, mutation, { name: 'x' });
    expect(posted).toMatchObject({ method: 'POST', search: {}, body: { query: mutation, variables: { name: 'x' } } });

    const query = '{ me { email } }';
    const signed = await graphqlRequest<Echo>(
      `${base}/echo`,
      query,
      {},
      {
        accessToken: async () => 'secret',
        tokenOrigins: [base],
      },
    );
    expect(signed).toMatchObject({ method: 'POST', search: {}, headers: { authorization: 'Bearer secret' } });
    const byHeader = await graphqlRequest<Echo>(`${base}/echo`, query, {}, { headers: { Authorization: 'Bearer t' } });
    expect(byHeader).toMatchObject({ method: 'POST', search: {} });

    const long = `{ a(text: "${'x'.repeat(MAX_GET_URL_LENGTH)}") }`;
    expect(await graphqlRequest<Echo>(`${base}/echo`, long)).toMatchObject({ method: 'POST', body: { query: long } });
  });

  it('knows a query from other documents, comments and commas included', () => {
    expect(publicQueryUrl('https://r.example/graphql', '{ a }')).toBe('https://r.example/graphql?query=%7B+a+%7D');
    expect(publicQueryUrl('https://r.example/graphql', '# why\n, query Q { a }', {})).toContain('query=');
    expect(publicQueryUrl('https://r.example/graphql', 'mutation { a }')).toBeUndefined();
    expect(publicQueryUrl('https://r.example/graphql', 'subscription { a }')).toBeUndefined();
    expect(publicQueryUrl('https://r.example/graphql', 'queryX { a }')).toBeUndefined();
    // Relative without a page to resolve against, or not http(s): POST as before.
    expect(publicQueryUrl('/graphql', '{ a }')).toBeUndefined();
    expect(publicQueryUrl('data:,x', '{ a }')).toBeUndefined();
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

  it('reads the age a change needs (max_age, RFC 9470), as a number or a numeric string, else leaves it out', () => {
    const challenge = (extensions: Record<string, unknown>) =>
      stepUpChallenge(
        new GraphQLRequestError('no', {
          kind: 'graphql',
          errors: [{ message: 'no', extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', ...extensions } }],
        }),
      );
    expect(challenge({ acr_values: 'substantial', max_age: 600 })).toEqual({ acrValues: 'substantial', maxAge: 600 });
    expect(challenge({ acr_values: 'substantial', max_age: '600' })).toEqual({ acrValues: 'substantial', maxAge: 600 });
    expect(challenge({ max_age: 0 })).toEqual({ acrValues: 'substantial', maxAge: 0 });
    for (const bad of [-1, 1.5, 'ten', null, {}]) {
      expect(challenge({ acr_values: 'substantial', max_age: bad })).toEqual({ acrValues: 'substantial' });
    }
  });
});

/** A GraphQL answer asking for a second factor entered in the last 10 minutes. */
const SUDO = {
  data: null,
  errors: [
    {
      message: 'This needs a recent second factor.',
      path: ['totpRemove'],
      extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial', max_age: 600 },
    },
  ],
};

describe('withStepUp', () => {
  it('asks for the second factor, then sends the same mutation again with the new token', async () => {
    const seen: { authorization: string | undefined; body: string }[] = [];
    routes.set('/sudo', (req, body, res) => {
      seen.push({ authorization: req.headers.authorization, body });
      if (req.headers.authorization === 'Bearer fresh') json(res, 200, { data: { totpRemove: { ok: true } } });
      else json(res, 200, SUDO);
    });
    let token = 'stale';
    const stepUp = vi.fn(async () => {
      token = 'fresh';
      return true;
    });
    const mutation = 'mutation TotpRemove { totpRemove { ok } }';
    const data = await withStepUp(
      () =>
        graphqlRequest(
          `${base}/sudo`,
          mutation,
          { reason: 'lost phone' },
          {
            accessToken: async () => token,
            tokenOrigins: [base],
          },
        ),
      stepUp,
    );
    expect(data).toEqual({ totpRemove: { ok: true } });
    expect(stepUp).toHaveBeenCalledExactlyOnceWith({ acrValues: 'substantial', maxAge: 600 });
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(seen[1]?.body).toBe(seen[0]?.body);
  });

  it('stops when the person gives up, and lets any other failure through', async () => {
    routes.set('/sudo-always', (_req, _body, res) => json(res, 200, SUDO));
    let calls = 0;
    const operation = () => {
      calls += 1;
      return graphqlRequest(`${base}/sudo-always`, 'mutation { totpRemove { ok } }');
    };
    expect(await withStepUp(operation, async () => false)).toBeUndefined();
    expect(calls).toBe(1);
    const error = await capture(
      withStepUp(
        () => graphqlRequest(`${base}/not-found`, '{ a }'),
        async () => true,
      ),
    );
    expect(error.kind).toBe('graphql');
  });
});

describe('the access token', () => {
  afterEach(() => {
    globalThis.gemengConfig = undefined;
  });

  it('goes only to the router the page configured, never to an endpoint given by markup', async () => {
    routes.set('/graphql', (req, _body, res) => json(res, 200, { data: { authorization: req.headers.authorization } }));
    globalThis.gemengConfig = { graphqlEndpoint: `${base}/graphql` };
    const accessToken = vi.fn(async () => 'secret-token');
    // Another path on the router's origin is the router.
    expect(await graphqlRequest(`${base}/graphql`, '{ a }', {}, { accessToken })).toEqual({
      authorization: 'Bearer secret-token',
    });

    const fetch = vi.fn(globalThis.fetch);
    const evil = await graphqlRequest('https://evil.example/graphql', '{ a }', {}, { accessToken, fetch }).catch(
      (error: unknown) => error,
    );
    expect(evil).toBeInstanceOf(ConfigurationError);
    expect((evil as Error).message).toContain('https://evil.example/graphql');
    const otherPort = await graphqlRequest('http://127.0.0.1:1/graphql', '{ a }', {}, { accessToken, fetch }).catch(
      (error: unknown) => error,
    );
    expect(otherPort).toBeInstanceOf(ConfigurationError);
    expect(fetch).not.toHaveBeenCalled();
    expect(accessToken).toHaveBeenCalledTimes(1);
    // Anonymous requests (the commune card) may go anywhere the page says.
    await expect(graphqlRequest(`${base}/graphql`, '{ a }', {}, { fetch })).resolves.toEqual({});
  });

  it('ignores a config that markup made up (DOM clobbering), falling back to the default router', async () => {
    // What <a id="gemengConfig"><a id="gemengConfig" name="graphqlEndpoint" href="https://evil.example"> gives.
    const clobbered = Object.assign(Object.create({ toString: () => '[object HTMLCollection]' }), {
      graphqlEndpoint: { toString: () => 'https://evil.example/graphql' },
    });
    globalThis.gemengConfig = clobbered;
    const error = await graphqlRequest(
      'https://evil.example/graphql',
      '{ a }',
      {},
      { accessToken: async () => 't' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('http://127.0.0.1:4000');
  });
});
