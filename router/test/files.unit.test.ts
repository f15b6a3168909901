/**
 * The router's `/files/...` front: what is plainly wrong is refused before a byte of the body is read and never
 * reaches procedures (a request counter stands where procedures listens), and what passes is streamed, not
 * buffered: procedures receives the first bytes of an upload while the client still holds back the rest. The
 * whole path with the real procedures is in subgraphs/procedures/test/attachments*.int.test.ts.
 */
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROUTER_SECRET_HEADER } from '@gemeng/service-kit';
import { startTestIssuer, type TestIssuer } from '@gemeng/service-kit/auth/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRouter, startRouter } from '../src/router.ts';
import { readSupergraph, subgraphUrls } from '../src/supergraph.ts';

const SECRET = 'router-secret-for-the-files-tests-0123456789';
const APPLICATION = '6f1c1b9e-3f51-4a8e-9a43-0c1f7f0e2b11';
const UPLOAD = `/files/applications/${APPLICATION}/attachments?kind=identity-document&name=a.pdf`;

let issuer: TestIssuer;
let router: RunningRouter;
let procedures: Server;
let origin: string;
/** What procedures' stand-in received: path, headers, and the body chunks as they came. */
const received: { url: string; headers: IncomingMessage['headers']; chunks: Buffer[] }[] = [];
/** Called when procedures' stand-in receives a chunk (the streaming test waits for it). */
let onChunk: (() => void) | undefined;

beforeAll(async () => {
  issuer = await startTestIssuer();
  procedures = createServer((req, res) => {
    const entry = { url: req.url ?? '', headers: req.headers, chunks: [] as Buffer[] };
    received.push(entry);
    req.on('data', (chunk: Buffer) => {
      entry.chunks.push(chunk);
      onChunk?.();
    });
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-internal': 'never forwarded' });
      res.end(JSON.stringify({ attachment: { size: Buffer.concat(entry.chunks).length } }));
    });
  });
  await new Promise<void>((resolve) => procedures.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(procedures.address() as AddressInfo).port}/graphql`;
  const supergraphSdl = readSupergraph();
  router = await startRouter({
    supergraphSdl,
    runtime: 'hive-rust',
    port: 0,
    host: '127.0.0.1',
    routerSecret: SECRET,
    subgraphUrls: Object.fromEntries(Object.keys(subgraphUrls(supergraphSdl)).map((name) => [name, url])),
    corsOrigins: [],
    communeOriginsUrl: false,
    revocationsUrl: false,
    auth: issuer.auth,
    log: pino({ level: 'silent' }),
  });
  origin = `http://127.0.0.1:${router.port}`;
}, 60_000);

afterAll(async () => {
  await router?.stop();
  await new Promise((resolve) => procedures?.close(resolve));
  await issuer?.stop();
});

/** One request; `body` chunks are written one after the other, `before` runs before each (to pace them). */
function call(
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: Buffer[] = [],
  before?: (index: number) => Promise<void>,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(path, origin), { method, headers });
    let answered = false;
    outgoing.on('response', (response) => {
      answered = true;
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    (async () => {
      for (const [index, chunk] of chunks.entries()) {
        await before?.(index);
        outgoing.write(chunk);
      }
      outgoing.end();
    })().catch(reject);
  });
}

describe('the router refuses before reading the body', () => {
  it('a request without an access token, over 10 MB, or to an unknown route, in the caller’s language', async () => {
    const before = received.length;
    const anonymous = await call(
      'POST',
      UPLOAD,
      { 'content-type': 'application/pdf', 'content-length': '4', 'accept-language': 'en' },
      [Buffer.from('%PDF')],
    );
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Sign in to add or download documents.' },
    });
    const token = await issuer.mint({ sub: 'citizen-1' });
    // Declared, not sent: the router answers without waiting for 10 MB + 1 byte.
    const large = await call('POST', UPLOAD, {
      authorization: `Bearer ${token}`,
      'content-type': 'application/pdf',
      'content-length': String(10 * 1024 * 1024 + 1),
      'accept-language': 'fr',
    });
    expect(large.status).toBe(413);
    expect(large.headers.connection).toBe('close');
    expect(JSON.parse(large.body).error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'Le fichier dépasse 10 Mo : réduisez-le.',
    });
    const unknown = await call('GET', '/files/../internal/attachments/everything', {
      authorization: `Bearer ${token}`,
    });
    expect(unknown.status).toBe(404);
    const wrongMethod = await call('PUT', `/files/attachments/${APPLICATION}`, { authorization: `Bearer ${token}` });
    expect([wrongMethod.status, wrongMethod.headers.allow]).toEqual([405, 'GET, DELETE']);
    const forged = await call('GET', `/files/attachments/${APPLICATION}`, { authorization: 'Bearer forged' });
    expect([forged.status, forged.headers['www-authenticate']]).toEqual([401, 'Bearer error="invalid_token"']);
    expect(received.length).toBe(before);
  });
});

describe('the router streams what passes to procedures', () => {
  it('passes the first bytes on before the client sent the rest, with the secret and the caller’s token', async () => {
    const token = await issuer.mint({ sub: 'citizen-1' });
    const first = Buffer.from('%PDF-1.4 first part ');
    const rest = Buffer.alloc(64 * 1024, 0x20);
    const chunks = [first, rest];
    const answer = await call(
      'POST',
      UPLOAD,
      { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'accept-language': 'lb' },
      chunks,
      async (index) => {
        // The second chunk leaves only once procedures has the first: a router holding the body would hang here.
        if (index === 1) {
          await new Promise<void>((resolve) => {
            if (received.at(-1)?.chunks.length) resolve();
            else onChunk = resolve;
          });
        }
      },
    );
    onChunk = undefined;
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ attachment: { size: first.length + rest.length } });
    expect(answer.headers['x-internal']).toBeUndefined();
    const upstream = received.at(-1);
    expect(upstream?.url).toBe(
      `/internal/attachments/applications/${APPLICATION}/attachments?kind=identity-document&name=a.pdf`,
    );
    expect(upstream?.headers).toMatchObject({
      [ROUTER_SECRET_HEADER]: SECRET,
      authorization: `Bearer ${token}`,
      'content-type': 'application/pdf',
      'accept-language': 'lb',
      'transfer-encoding': 'chunked',
    });
  }, 15_000);
});
