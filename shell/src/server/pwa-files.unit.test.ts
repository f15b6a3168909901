import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningShell, startShell } from './server.ts';

/** The installable portal's files, as the shell's build writes them (a fake build in a temporary folder). */
const root = mkdtempSync(join(tmpdir(), 'gemeng-shell-pwa-'));
const dist = join(root, 'dist');
let shell: RunningShell;

beforeAll(async () => {
  mkdirSync(join(dist, 'icons'), { recursive: true });
  mkdirSync(join(root, 'frontends'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head></head><body><main></main></body></html>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{ "name": "Gemeng", "start_url": "/" }\n');
  writeFileSync(join(dist, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  shell = await startShell({
    port: 0,
    shellDist: dist,
    frontendsDir: join(root, 'frontends'),
    version: '0.0.0',
    log: () => {},
  });
});

afterAll(async () => {
  await shell?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the installable portal’s files', () => {
  it('serves the service worker at the root, always revalidated, so that an update is seen at once', async () => {
    const response = await fetch(`${shell.url}/sw.js?graphql=http%3A%2F%2F127.0.0.1%3A4000%2Fgraphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('addEventListener');
  });

  it('serves the manifest and the icons with their types, and the page allows them (CSP)', async () => {
    const manifest = await fetch(`${shell.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(await manifest.json()).toMatchObject({ name: 'Gemeng' });
    expect((await fetch(`${shell.url}/icons/icon-192.png`)).headers.get('content-type')).toBe('image/png');
    const csp = (await fetch(`${shell.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toEqual(expect.arrayContaining(["worker-src 'self'", "manifest-src 'self'"]));
  });
});
