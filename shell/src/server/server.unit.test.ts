import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityOf } from './embed-loader.ts';
import { type RunningShell, ShellStartError, startShell } from './server.ts';

/**
 * A fake build in a temporary folder (the shell's page and assets, and frontends/<package>/dist as the frontend
 * builds write them), so the test does not depend on a build having run.
 */
const root = mkdtempSync(join(tmpdir(), 'gemeng-shell-'));
const dist = join(root, 'shell-dist');
const frontends = join(root, 'frontends');
/** Text that compresses well and is large enough to be worth it. */
const code = (name: string) => `export const ${name} = ${JSON.stringify('lit '.repeat(500))};\n`;
const runtimeSource = code('runtime');
const precompressedRuntime = Buffer.from('not really brotli, but what the build wrote');
const cardSource = `import '../kit/gemeng-runtime-AbC12345.js';\n${code('card')}`;
let shell: RunningShell;
const logs: string[] = [];

const page = `<!doctype html><html><head><meta name="gemeng:graphql-endpoint" content="__GEMENG_GRAPHQL_ENDPOINT__">
<meta name="gemeng:oidc-issuer" content="__GEMENG_OIDC_ISSUER__">
<script type="module" crossorigin src="/assets/index-AbCdEf12.js"></script>
</head><body><h1>Är Gemeng online</h1>${'<p>Text</p>'.repeat(100)}
<template id="single-spa-layout"><single-spa-router>
<route path="/" exact><application name="@gemeng/portal"></application></route>
<route path="account" exact><application name="@gemeng/identity/account"></application></route>
<route path="communes/:slug" exact><application name="@gemeng/portal"></application></route>
</single-spa-router></template></body></html>`;

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

beforeAll(async () => {
  write(join(dist, 'index.html'), page);
  write(join(dist, 'assets', 'index-AbCdEf12.js'), code('shell'));
  write(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write(
    join(frontends, 'kit', 'dist', 'manifest.json'),
    '{ "package": "kit", "runtime": "gemeng-runtime-AbC12345.js" }',
  );
  write(join(frontends, 'kit', 'dist', 'gemeng-runtime-AbC12345.js'), runtimeSource);
  write(join(frontends, 'kit', 'dist', 'gemeng-runtime-AbC12345.js.br'), precompressedRuntime);
  const portal = {
    package: 'portal',
    widgets: [
      { tag: 'gemeng-commune-card', module: 'gemeng-commune-card-Xy123456.js', summary: 'A commune', events: [] },
      { tag: 'gemeng-missing', module: 'gemeng-missing-Zz999999.js' },
    ],
    applications: { '@gemeng/portal': { module: 'single-spa-Sp123456.js', lifecycles: 'default' } },
  };
  write(join(frontends, 'portal', 'dist', 'manifest.json'), JSON.stringify(portal));
  write(join(frontends, 'portal', 'dist', 'gemeng-commune-card-Xy123456.js'), cardSource);
  write(join(frontends, 'portal', 'dist', 'single-spa-Sp123456.js'), code('lifecycles'));
  write(join(frontends, 'portal', 'dist', 'custom-elements.json'), '{ "schemaVersion": "1.0.0", "modules": [] }');
  write(join(frontends, 'broken', 'dist', 'manifest.json'), '{ "package": ');
  write(join(root, 'secret.txt'), 'secret');
  shell = await startShell({
    port: 0,
    routerUrl: 'http://127.0.0.1:4555/graphql',
    oidcIssuer: 'http://127.0.0.1:4556/oidc/',
    shellDist: dist,
    frontendsDir: frontends,
    version: '1.2.0',
    log: (line) => logs.push(line),
  });
});

afterAll(async () => {
  await shell.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${shell.url}${path}`, init);
/** The bytes as sent (fetch() would decode them): node:http leaves the content coding alone. */
async function raw(path: string, acceptEncoding: string) {
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    request(`${shell.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, resolve)
      .on('error', reject)
      .end(),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const headers = new Headers(response.headers as Record<string, string>);
  return { response: { status: response.statusCode, headers }, body: Buffer.concat(chunks) };
}

describe('startShell', () => {
  it('answers /healthz', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves the page with its settings in <meta>, preloads, no-cache and a CSP without inline scripts', async () => {
    const response = await get('/');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain('content="http://127.0.0.1:4555/graphql"');
    expect(html).toContain('<meta name="gemeng:oidc-issuer" content="http://127.0.0.1:4556/oidc">');
    expect(html).toContain(
      '<meta name="gemeng:applications" content="{&quot;@gemeng/portal&quot;:{&quot;module&quot;:&quot;/widgets/portal/single-spa-Sp123456.js&quot;,&quot;lifecycles&quot;:&quot;default&quot;}}">',
    );
    expect(html).toContain('<link rel="modulepreload" href="/widgets/kit/gemeng-runtime-AbC12345.js">');
    expect(html).toContain('<link rel="modulepreload" href="/widgets/portal/single-spa-Sp123456.js">');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'; script-src 'self'; style-src 'self';");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4555 http://127.0.0.1:4556;");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/sha256-|unsafe-inline|nonce-/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('preloads the application of the requested route only', async () => {
    const account = await (await get('/account')).text();
    expect(account).toContain('href="/widgets/kit/gemeng-runtime-AbC12345.js"');
    // identity is not built in this fixture: nothing to preload for its route.
    expect(account).not.toContain('single-spa-Sp123456.js">');
    expect(await (await get('/communes/esch-sur-alzette')).text()).toContain(
      'href="/widgets/portal/single-spa-Sp123456.js"',
    );
  });

  it('compresses the page, brotli first, and sends each coding with its own ETag', async () => {
    const br = await raw('/', 'gzip, deflate, br');
    expect(br.response.headers.get('content-encoding')).toBe('br');
    expect(br.response.headers.get('vary')).toBe('accept-encoding');
    expect(brotliDecompressSync(br.body).toString()).toContain('<h1>Är Gemeng online</h1>');
    const gzip = await raw('/', 'gzip;q=1, br;q=0');
    expect(gzip.response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toContain('<h1>Är Gemeng online</h1>');
    const plain = await raw('/', 'identity');
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(plain.body.toString()).toContain('<h1>Är Gemeng online</h1>');
    expect(new Set([br, gzip, plain].map(({ response }) => response.headers.get('etag'))).size).toBe(3);
    const again = await get('/', {
      headers: { 'accept-encoding': 'br', 'if-none-match': br.response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('falls back to the page for client-side routes, not for missing files', async () => {
    const route = await get('/communes/esch-sur-alzette');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toContain('text/html');
    expect((await get('/auth/callback?code=x&state=y')).status).toBe(200);
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/assets/missing-12345678.js')).status).toBe(404);
  });

  it('answers 404 with the page (its not-found page) for paths no route has and for an unknown ?lang=', async () => {
    for (const path of ['/nowhere', '/communes', '/communes/a/b', '/account/nope', '/?lang=xx', '/account?lang=qq']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<h1>Är Gemeng online</h1>');
    }
    for (const path of ['/?lang=fr', '/account/?lang=de-LU', '/ACCOUNT', '/?lang=']) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('caches hashed assets forever and revalidates the rest, compressed where it pays', async () => {
    const asset = await raw('/assets/index-AbCdEf12.js', 'br');
    expect(asset.response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(asset.body).toString()).toBe(code('shell'));
    const icon = await raw('/favicon.svg', 'br');
    expect(icon.response.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.response.headers.get('cache-control')).toBe('no-cache');
    // 43 bytes: brotli would not make it smaller.
    expect(icon.response.headers.get('content-encoding')).toBeNull();
  });

  it('serves widget files per package like a CDN: immutable hashed names, CORS, compressed', async () => {
    const card = await raw('/widgets/portal/gemeng-commune-card-Xy123456.js', 'br, gzip');
    expect(card.response.status).toBe(200);
    expect(card.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(card.response.headers.get('access-control-allow-origin')).toBe('*');
    expect(card.response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(card.response.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(card.body).toString()).toBe(cardSource);
    expect(card.body.length).toBeLessThan(cardSource.length / 5);
    const gzip = await raw('/widgets/portal/gemeng-commune-card-Xy123456.js', 'gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(cardSource);
  });

  it("sends the build's precompressed sibling as it is", async () => {
    const runtime = await raw('/widgets/kit/gemeng-runtime-AbC12345.js', 'br');
    expect(runtime.response.headers.get('content-encoding')).toBe('br');
    expect(runtime.body).toEqual(precompressedRuntime);
    const plain = await raw('/widgets/kit/gemeng-runtime-AbC12345.js', '');
    expect(plain.body.toString()).toBe(runtimeSource);
  });

  it('revalidates unhashed widget files with their ETag', async () => {
    const elements = await get('/widgets/portal/custom-elements.json');
    expect(elements.headers.get('cache-control')).toBe('no-cache');
    const etag = elements.headers.get('etag')!;
    const again = await get('/widgets/portal/custom-elements.json', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lists every widget with its URL, the runtime and both loader URLs in /widgets/manifest.json', async () => {
    const response = await get('/widgets/manifest.json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const manifest = await response.json();
    const loader = await (await get('/embed.js')).text();
    expect(manifest).toEqual({
      version: '1.2.0',
      runtime: '/widgets/kit/gemeng-runtime-AbC12345.js',
      loader: {
        evergreen: '/embed.js',
        pinned: expect.stringMatching(/^\/embed\/1\.2\.0\/embed-[\w-]{12}\.js$/),
        integrity: integrityOf(loader),
      },
      widgets: [
        {
          tag: 'gemeng-commune-card',
          package: 'portal',
          module: '/widgets/portal/gemeng-commune-card-Xy123456.js',
          summary: 'A commune',
          events: [],
        },
      ],
    });
    // A broken manifest and a widget whose module the build lacks are left out, and said so.
    expect(logs.join('\n')).toContain(join(frontends, 'broken', 'dist', 'manifest.json'));
    expect(logs.join('\n')).toContain('gemeng-missing-Zz999999.js');
  });

  it('serves the loader at /embed.js (5 minutes) and at its pinned URL (for good), byte for byte the same', async () => {
    const evergreen = await get('/embed.js');
    expect(evergreen.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(evergreen.headers.get('cache-control')).toBe('public, max-age=300');
    expect(evergreen.headers.get('access-control-allow-origin')).toBe('*');
    const source = await evergreen.text();
    expect(source).toContain('"graphqlEndpoint":"http://127.0.0.1:4555/graphql"');
    expect(source).toContain('"oidcIssuer":"http://127.0.0.1:4556/oidc"');
    expect(source).toContain('"runtime":"/widgets/kit/gemeng-runtime-AbC12345.js"');
    expect(source).toContain('"modules":{"gemeng-commune-card":"/widgets/portal/gemeng-commune-card-Xy123456.js"}');
    const { loader } = await (await get('/widgets/manifest.json')).json();
    const pinned = await get(loader.pinned);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(pinned.headers.get('access-control-allow-origin')).toBe('*');
    expect(await pinned.text()).toBe(source);
    expect((await get('/embed/1.1.0/embed-AAAAAAAAAAAA.js')).status).toBe(404);
    const br = await raw('/embed.js', 'br');
    expect(brotliDecompressSync(br.body).toString()).toBe(source);
  });

  it('reads the builds again when a package is built while the server runs', async () => {
    write(join(frontends, 'culture', 'dist', 'gemeng-agenda-Ag123456.js'), code('agenda'));
    write(
      join(frontends, 'culture', 'dist', 'manifest.json'),
      JSON.stringify({ package: 'culture', widgets: [{ tag: 'gemeng-agenda', module: 'gemeng-agenda-Ag123456.js' }] }),
    );
    // The server looks at the builds at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const { widgets } = await (await get('/widgets/manifest.json')).json();
    expect(widgets.map((widget: { tag: string }) => widget.tag)).toEqual(['gemeng-agenda', 'gemeng-commune-card']);
    expect(await (await get('/embed.js')).text()).toContain(
      '"gemeng-agenda":"/widgets/culture/gemeng-agenda-Ag123456.js"',
    );
    expect((await get('/widgets/culture/gemeng-agenda-Ag123456.js')).status).toBe(200);
  });

  it('refuses path traversal, unknown packages and other methods', async () => {
    expect((await get('/widgets/portal/..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await get('/widgets/..%2fsecret.txt')).status).toBe(404);
    expect((await get('/widgets/portal/%2e%2e/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/widgets/nope/gemeng-commune-card-Xy123456.js')).status).toBe(404);
    expect((await get('/widgets/portal/')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).headers.get('content-type')).toContain('text/html');
    const post = await get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers HEAD with headers only', async () => {
    const response = await get('/widgets/portal/gemeng-commune-card-Xy123456.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });

  it('fails with EADDRINUSE and a message naming the port when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      const options = { port, shellDist: dist, frontendsDir: frontends, version: '1.2.0', log: () => {} };
      const error = await startShell(options).catch((e) => e);
      expect(error).toBeInstanceOf(ShellStartError);
      expect(error.code).toBe('EADDRINUSE');
      expect(error.message).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('refuses to start without a build', async () => {
    const error = await startShell({ port: 0, shellDist: join(root, 'nope'), log: () => {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ShellStartError);
    expect(error.code).toBe('MISSING_BUILD');
  });
});
