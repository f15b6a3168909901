import { expect, test } from '@playwright/test';
import { fetchCommune, shellUrl } from './env.ts';
import { foreignOrigin, openForeignPage, ownModules, servedManifest } from './foreign-page.ts';

/**
 * A commune page of another origin with nothing but the evergreen loader and one commune card: the browser
 * fetches the loader, the shared runtime and the card's own modules, and no other widget's code (no account
 * page, sign-in, QR codes or WebAuthn).
 */
test('a commune page with only /embed.js and a commune card loads the runtime and the card’s modules, nothing else', async ({
  page,
  request,
}) => {
  const manifest = await servedManifest(request);
  const card = manifest.widgets.find((widget) => widget.tag === 'gemeng-commune-card');
  expect(card, 'the manifest lists the commune card').toBeDefined();
  const absolute = (path: string) => new URL(path, shellUrl()).href;
  const runtime = absolute(manifest.runtime);
  const allowed = new Set([
    absolute('/embed.js'),
    ...(await ownModules(request, runtime)),
    ...(await ownModules(request, absolute(card!.module))),
  ]);

  const fromPortal: { url: string; type: string }[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin === new URL(shellUrl()).origin) {
      fromPortal.push({ url: request.url(), type: request.resourceType() });
    }
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

  const expected = await fetchCommune(request, 'dudelange', 'de');
  await openForeignPage(page, '/gemeinde.html', {
    title: 'Gemeinde Düdelingen',
    lang: 'de',
    head: `<script type="module" src="${shellUrl()}/embed.js"></script>`,
    main: '<gemeng-commune-card commune="dudelange"></gemeng-commune-card>',
  });
  const element = page.locator('gemeng-commune-card');
  await expect(element.getByRole('heading', { level: 2 }))
    .toHaveText(expected.name)
    .catch((error: Error) => {
      throw new Error(
        `${error.message}\nPage errors: ${errors.join('\n')}\nFetched: ${fromPortal.map((r) => r.url).join(' ')}`,
      );
    });
  await expect(element.getByRole('heading', { name: 'Nächste Veranstaltungen' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const urls = fromPortal.map((entry) => entry.url);
  // The loader, the runtime and the card's entry were fetched …
  expect(urls).toEqual(expect.arrayContaining([absolute('/embed.js'), runtime, absolute(card!.module)]));
  // … and nothing outside the card's and the runtime's own modules.
  expect(urls.filter((url) => !allowed.has(url))).toEqual([]);
  const otherWidgets = manifest.widgets.filter((widget) => widget.tag !== card!.tag).map((w) => absolute(w.module));
  expect(urls.filter((url) => otherWidgets.includes(url))).toEqual([]);
  expect(urls.filter((url) => /\/widgets\/identity\/|account|login|qr|webauthn|passkey/i.test(url))).toEqual([]);
  // Each file once (the runtime is not loaded twice under two URLs).
  expect(new Set(urls).size).toBe(urls.length);
  expect(errors).toEqual([]);
  expect(new URL(page.url()).origin).toBe(foreignOrigin());
});

test('a widget added to the page later is loaded when it appears, and only then', async ({ page, request }) => {
  const manifest = await servedManifest(request);
  const login = manifest.widgets.find((widget) => widget.tag === 'gemeng-login');
  if (!login) throw new Error('<gemeng-login> is missing from the served widget manifest');
  const loginUrl = new URL(login.module, shellUrl()).href;
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));

  await openForeignPage(page, '/plus-tard.html', {
    title: 'Commune de Dudelange',
    head: `<script type="module" src="${shellUrl()}/embed.js"></script>`,
    main: '<gemeng-commune-card commune="dudelange"></gemeng-commune-card><div id="later"></div>',
  });
  await expect(page.locator('gemeng-commune-card').getByRole('heading', { level: 2 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).not.toContain(loginUrl);

  await page.locator('#later').evaluate((slot) => {
    slot.append(document.createElement('gemeng-login'));
  });
  await expect(page.locator('gemeng-login').getByRole('button')).toBeVisible();
  expect(fetched).toContain(loginUrl);
});
