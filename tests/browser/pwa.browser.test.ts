import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, type Page, test } from '@playwright/test';
import { browserFromEnvironment } from '../support/chromium.ts';
import { createPerson } from '../support/oidc.ts';
import { signInToAccount } from './citizen.ts';
import { fetchCommune, identityOrigin, LABELS, oidcStack, shellUrl } from './env.ts';

/**
 * The installable portal (issue 10, ADR 10): Chromium's own installability check, a second visit offline after
 * one visit online, and nothing signed-in in any cache.
 */

// The sign-in helpers speak French (citizen.ts).
test.use({ locale: 'fr-LU' });

/** Waits until the service worker controls the page (it claims the page on its first visit). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

/** Every cache the page's origin holds: name → [{ url, body }]. */
function cacheContents(page: Page) {
  return page.evaluate(async () => {
    const result: Record<string, { url: string; body: string }[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = await Promise.all(
        (await cache.keys()).map(async (request) => ({
          url: request.url,
          body: (await (await cache.match(request))?.text()) ?? '',
        })),
      );
    }
    return result;
  });
}

test('Chromium finds the portal installable: manifest, PNG and maskable icons, service worker', async () => {
  // An ordinary profile: Chromium refuses to install from an incognito one, which Playwright's contexts are.
  const profile = await mkdtemp(join(tmpdir(), 'gemeng-pwa-'));
  const context = await chromium.launchPersistentContext(profile, { ...browserFromEnvironment(), headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${shellUrl()}/?lang=lb`);
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${shellUrl()}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as {
      display: string;
      start_url: string;
      icons: { sizes: string; type: string; purpose: string }[];
    };
    expect(parsed).toMatchObject({ display: 'standalone', start_url: '/' });
    expect(parsed.icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: '192x192', type: 'image/png' }),
        expect.objectContaining({ sizes: '512x512', type: 'image/png', purpose: 'maskable' }),
      ]),
    );
    // The icons are real PNGs of the size they claim.
    for (const size of [192, 512]) {
      const image = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return [bitmap.width, bitmap.height];
      }, `/icons/icon-${size}.png`);
      expect(image).toEqual([size, size]);
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('after one visit online, the portal opens offline with the notice and the last-seen commune card', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(60_000);
  const expected = await fetchCommune(request, 'dudelange', 'fr');
  const card = page.locator('gemeng-commune-card');
  const notice = page.locator('#gemeng-offline');
  await page.goto(`${shellUrl()}/communes/dudelange?lang=fr`);
  await expect(card.getByRole('heading', { name: expected.name, exact: true })).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toHaveText('');
  await controlled(page);
  // What the first visit loaded before the worker was there is handed to it (CACHE_URLS): wait until it is kept.
  await expect
    .poll(async () => {
      const contents = await cacheContents(page);
      return Math.min(contents['gemeng-public-data']?.length ?? 0, contents['gemeng-widgets']?.length ?? 0);
    })
    .toBeGreaterThan(0);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(notice).toContainText('Vous êtes hors ligne');
  await expect(card.getByRole('heading', { name: expected.name, exact: true })).toBeVisible();
  await expect(card.getByRole('list', { name: LABELS.fr.procedures })).toContainText(expected.procedures[0]!.title);
  await expect(card.getByRole('list', { name: LABELS.fr.events })).toContainText(expected.upcomingEvents[0]!.title);
  // The notice keeps the page accessible (contrast, landmarks).
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((violation) => violation.id)).toEqual([]);

  // The card's data came from the worker's cache: without it, offline, the card has nothing to show.
  await page.evaluate(() => caches.delete('gemeng-public-data'));
  await page.reload();
  await expect(card.getByRole('alert')).toBeVisible();
  await expect(card.getByRole('heading', { name: expected.name, exact: true })).toHaveCount(0);

  // Back online, the notice goes.
  await context.setOffline(false);
  await expect(notice).toHaveText('');
});

test('nothing signed-in is kept: no account data, nothing of the issuer, no sign-in callback in any cache', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const person = await createPerson(oidcStack(), { name: 'Anna Cache' });
  // The worker installs on the first visit; the sign-in then comes back to a page it controls.
  await page.goto(`${shellUrl()}/communes/dudelange?lang=fr`);
  await controlled(page);
  await expect(
    page.locator('gemeng-commune-card').getByRole('heading', { name: 'Dudelange', exact: true }),
  ).toBeVisible();
  const account = await signInToAccount(page, person.email, person.password, 'security');
  await expect(account.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${shellUrl()}/communes/dudelange?lang=fr`);
  await expect(
    page.locator('gemeng-commune-card').getByRole('heading', { name: 'Dudelange', exact: true }),
  ).toBeVisible();

  const contents = await cacheContents(page);
  // The caches are in use (so this test can fail): public data and pages are there …
  expect(contents['gemeng-public-data']?.length ?? 0).toBeGreaterThan(0);
  expect(contents['gemeng-pages']?.length ?? 0).toBeGreaterThan(0);
  // … and nothing of the signed-in person, the issuer or the sign-in's return.
  for (const [name, entries] of Object.entries(contents)) {
    for (const entry of entries) {
      expect(entry.url.startsWith(identityOrigin()), `${name}: ${entry.url}`).toBe(false);
      expect(new URL(entry.url).pathname.startsWith('/auth/'), `${name}: ${entry.url}`).toBe(false);
      expect(entry.body.toLowerCase(), `${name}: ${entry.url}`).not.toContain(person.email);
      expect(entry.body, `${name}: ${entry.url}`).not.toContain(person.name);
      expect(decodeURIComponent(entry.url), `${name}: ${entry.url}`).not.toMatch(/\bme\s*\{|mutation/);
    }
  }
});
