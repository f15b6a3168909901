import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { confirmLogout, registerAndVerify, signInOnIdentity, watchErrors } from './citizen.ts';
import { newEmail, shellUrl } from './env.ts';

// The citizen's browser speaks French, as in auth.browser.test.ts.
test.use({ locale: 'fr-LU' });

/** The silent authorization requests (`prompt=none`) the page sends to the provider from now on. */
function silentRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.searchParams.get('prompt') === 'none' && url.searchParams.has('code_challenge')) urls.push(url.href);
  });
  return urls;
}

/** The header's sign-in, once the silent restore (if any) has settled: signed in as `name`, or signed out. */
async function expectHeader(page: Page, name: string | undefined) {
  const login = page.locator('gemeng-login');
  if (name) {
    await expect(login.locator('[part="name"]')).toHaveText(`Connecté en tant que ${name}`);
    await expect(login.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  } else {
    await expect(login.getByRole('button', { name: 'Se connecter' })).toHaveAttribute('aria-disabled', 'false');
    await expect(login.locator('[part="name"]')).toHaveCount(0);
  }
}

/**
 * A new citizen (registered and confirmed), then on the portal at `path`: watched for errors and silent requests
 * from there on, signed out (no silent request: never signed in here), then signed in from the header.
 */
async function newCitizenSignsIn(page: Page, request: APIRequestContext, name: string, path: string) {
  const email = newEmail(name.split(' ')[0]!.toLowerCase());
  await registerAndVerify(page, request, name, email);
  const errors = watchErrors(page, shellUrl());
  const silent = silentRequests(page);
  await page.goto(`${shellUrl()}${path}`);
  await expectHeader(page, undefined);
  expect(silent).toEqual([]);
  await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
  await signInOnIdentity(page, email);
  await expectHeader(page, name);
  return { email, errors, silent };
}

test('a signed-in citizen stays signed in across a reload and a new tab, and a sign-out ends it everywhere', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(120_000);
  const name = 'Mathis Reuter-Wagner';
  const { email, errors, silent } = await newCitizenSignsIn(page, request, name, '/communes/esch-sur-alzette?lang=fr');

  // A reload: the tokens were in memory only, the provider's session brings them back without a page.
  await page.reload();
  await expectHeader(page, name);
  expect(silent).toHaveLength(1);
  await expect(page).toHaveURL(`${shellUrl()}/communes/esch-sur-alzette?lang=fr`);
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(kept, 'no token in the browser storage').not.toMatch(/eyJ|access_token|refresh/);

  // "Mon compte" opened in a new tab of the same browser: signed in there too, the account loads.
  const second = await context.newPage();
  const secondErrors = watchErrors(second, shellUrl());
  await second.goto(`${shellUrl()}/account?lang=fr`);
  await expectHeader(second, name);
  const account = second.locator('gemeng-account');
  await expect(account).toContainText(email);
  await expect(account).not.toContainText('Vous n’êtes pas connecté.');

  // Signing out in the first tab ends the session at the provider and in the other tab at once.
  await page.locator('gemeng-login').getByRole('button', { name: 'Se déconnecter' }).click();
  await confirmLogout(page);
  await expectHeader(page, undefined);
  await expectHeader(second, undefined);
  await expect(account).toContainText('Vous n’êtes pas connecté.');

  // Reloaded, both stay signed out, quietly: no alert, no error, no trip to the sign-in pages, and no silent
  // request any more (the sign-out dropped the hint).
  for (const tab of [page, second]) {
    await tab.reload();
    await expectHeader(tab, undefined);
    await expect(tab.getByRole('alert')).toHaveCount(0);
    expect(new URL(tab.url()).origin).toBe(shellUrl());
  }
  expect(silent).toHaveLength(1);
  expect(errors).toEqual([]);
  expect(secondErrors).toEqual([]);
});

test('a reload after the session ended elsewhere shows the citizen signed out, without an error', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const { errors, silent } = await newCitizenSignsIn(page, request, 'Lynn Hoffmann', '/account?lang=fr');

  // The provider's session cookie goes (as when it expires): the hint remains, the silent answer is
  // login_required, and the page stays quiet.
  const cookies = await page.context().cookies();
  await page.context().clearCookies();
  await page.context().addCookies(cookies.filter((cookie) => !cookie.name.startsWith('_session')));
  await page.reload();
  await expectHeader(page, undefined);
  expect(silent).toHaveLength(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('gemeng-account')).toContainText('Vous n’êtes pas connecté.');
  expect(errors).toEqual([]);
});
