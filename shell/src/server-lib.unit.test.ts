import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, type RunningShell, ShellStartError, startShell } from './server-lib.ts';

/** A fake build in a temporary folder, so the test does not depend on `vite build` having run. */
const root = mkdtempSync(join(tmpdir(), 'gemeng-shell-'));
const dist = join(root, 'dist');
const widgets = join(root, 'widgets');
const importMap = '{ "imports": { "@gemeng/identity": "/widgets/gemeng-identity.js" } }';
let shell: RunningShell;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(widgets);
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><html><head><meta name="gemeng:graphql-endpoint" content="__GEMENG_GRAPHQL_ENDPOINT__">` +
      `<meta name="gemeng:oidc-issuer" content="__GEMENG_OIDC_ISSUER__">` +
      `<script type="importmap">${importMap}</script><script type="module" src="/assets/index-AbCdEf12.js"></script>` +
      `</head><body></body></html>`,
  );
  writeFileSync(join(dist, 'assets', 'index-AbCdEf12.js'), 'console.log(1);');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(widgets, 'gemeng-identity.js'), 'export const mount = 1;');
  shell = await startShell({
    port: 0,
    routerUrl: 'http://127.0.0.1:4555/graphql',
    oidcIssuer: 'http://127.0.0.1:4556/oidc/',
    shellDist: dist,
    widgetDirs: [widgets],
    log: () => {},
  });
});

afterAll(async () => {
  await shell.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${shell.url}${path}`, init);

describe('startShell', () => {
  it('answers /healthz', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves the page with the router URL, no-cache and a CSP that allows the import map by hash', async () => {
    const response = await get('/');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain('content="http://127.0.0.1:4555/graphql"');
    const csp = response.headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(importMap).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4555 http://127.0.0.1:4556;");
    expect(csp).toContain("form-action 'self'");
    expect(html).toContain('<meta name="gemeng:oidc-issuer" content="http://127.0.0.1:4556/oidc">');
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('falls back to the page for client-side routes, not for missing files', async () => {
    const route = await get('/communes/esch-sur-alzette');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toContain('text/html');
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/assets/missing-12345678.js')).status).toBe(404);
  });

  it('caches hashed assets forever and revalidates the rest', async () => {
    const asset = await get('/assets/index-AbCdEf12.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves widgets for other origins, with ETag revalidation', async () => {
    const widget = await get('/widgets/gemeng-identity.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('access-control-allow-origin')).toBe('*');
    expect(widget.headers.get('cache-control')).toBe('no-cache');
    const etag = widget.headers.get('etag')!;
    const again = await get('/widgets/gemeng-identity.js', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves /embed.js that configures the endpoint and imports every widget', async () => {
    const response = await get('/embed.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const script = await response.text();
    expect(script).toContain('"http://127.0.0.1:4555/graphql"');
    expect(script).toContain('["gemeng-identity.js"]');
    expect(script).toContain('config.oidcIssuer ??= "http://127.0.0.1:4556/oidc";');
  });

  it('leaves the issuer out of the CSP when there is none, and lists an origin once', () => {
    expect(contentSecurityPolicy('http://127.0.0.1:4555/graphql')).toContain(
      "connect-src 'self' http://127.0.0.1:4555;",
    );
    expect(contentSecurityPolicy('/graphql', [], 'http://127.0.0.1:4555/oidc')).toContain(
      "connect-src 'self' http://127.0.0.1:4555;",
    );
  });

  it('refuses path traversal and other methods', async () => {
    expect((await get('/widgets/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).headers.get('content-type')).toContain('text/html');
    const post = await get('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('fails with EADDRINUSE and a message naming the port when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startShell({ port, shellDist: dist, widgetDirs: [widgets], log: () => {} }).catch((e) => e);
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
