/**
 * The router's answers go brotli- or gzip-compressed as the client accepts, above 1 KB, with
 * `Vary: accept-encoding`: the negotiation alone, then through both runtimes of a real router (GET and POST) in
 * front of a stand-in subgraph that answers a long commune list. The raw bytes are read with node:http (fetch
 * would decode them silently) and decoded with zlib.
 */
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_COMPRESSED_BYTES, negotiateEncoding } from '../src/compression.ts';
import { type RunningRouter, startRouter } from '../src/router.ts';
import { readSupergraph, subgraphUrls } from '../src/supergraph.ts';

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, as the client accepts them', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding(['gzip', 'br'])).toBe('br');
    expect(negotiateEncoding('*')).toBe('br');
  });

  it('respects q-values, a refused coding and nothing accepted', () => {
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('*;q=0, gzip;q=0')).toBeUndefined();
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
  });
});

/** `count` communes with long slugs: about 40 bytes of JSON each. */
function communes(count: number) {
  return Array.from({ length: count }, (_, index) => ({ slug: `commune-number-${index}-of-the-syndicate` }));
}

let subgraph: Server;
let subgraphUrl: string;
let answerCount = 200;

beforeAll(async () => {
  subgraph = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { communes: communes(answerCount) } }));
    });
  });
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  subgraphUrl = `http://127.0.0.1:${(subgraph.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => subgraph.close(resolve)));

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with node:http: the bytes as sent, not decoded. */
function raw(url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function decoded(response: Raw): unknown {
  const coding = response.headers['content-encoding'];
  const bytes =
    coding === 'br'
      ? brotliDecompressSync(response.body)
      : coding === 'gzip'
        ? gunzipSync(response.body)
        : response.body;
  return JSON.parse(bytes.toString('utf8'));
}

const QUERY = '{ communes { slug } }';
// Apollo's CSRF prevention wants a GET that a browser would preflight: a JSON content type does that.
const JSON_TYPE = { 'content-type': 'application/json' };

describe.each(['hive-rust', 'apollo'] as const)('the %s router', (runtime) => {
  let router: RunningRouter;
  beforeAll(async () => {
    const supergraphSdl = readSupergraph();
    router = await startRouter({
      supergraphSdl,
      runtime,
      port: 0,
      host: '127.0.0.1',
      routerSecret: 'router-secret-for-the-compression-tests-0123456789',
      subgraphUrls: Object.fromEntries(Object.keys(subgraphUrls(supergraphSdl)).map((name) => [name, subgraphUrl])),
      corsOrigins: ['https://www.dudelange.lu'],
      communeOriginsUrl: false,
      log: pino({ level: 'silent' }),
    });
  }, 60_000);
  afterAll(() => router?.stop());

  const get = (headers: Record<string, string>) =>
    raw(`${router.url}?query=${encodeURIComponent(QUERY)}`, 'GET', { ...JSON_TYPE, ...headers });
  const post = (headers: Record<string, string>) =>
    raw(router.url, 'POST', { ...JSON_TYPE, ...headers }, JSON.stringify({ query: QUERY }));

  it('sends a large GET answer in brotli, or gzip when that is all the client takes', async () => {
    answerCount = 200;
    const brotli = await get({ 'accept-encoding': 'gzip, deflate, br', origin: 'https://www.dudelange.lu' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(brotli.headers.vary?.toLowerCase()).toContain('origin'); // the CORS answer's Vary is kept
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);
    expect(decoded(brotli)).toEqual({ data: { communes: communes(200) } });
    const plainSize = JSON.stringify({ data: { communes: communes(200) } }).length;
    expect(brotli.body.length).toBeLessThan(plainSize / 5);

    const gzipped = await get({ 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzipped)).toEqual({ data: { communes: communes(200) } });
  });

  it('compresses POST answers too, and sends them plain to a client that accepts no coding', async () => {
    answerCount = 200;
    const gzipped = await post({ 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzipped)).toEqual({ data: { communes: communes(200) } });

    const plain = await post({ 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(decoded(plain)).toEqual({ data: { communes: communes(200) } });
  });

  it(`leaves an answer under ${MIN_COMPRESSED_BYTES} bytes uncompressed`, async () => {
    answerCount = 2;
    const small = await get({ 'accept-encoding': 'gzip, br' });
    expect(small.body.length).toBeLessThan(MIN_COMPRESSED_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(decoded(small)).toEqual({ data: { communes: communes(2) } });
  });
});
