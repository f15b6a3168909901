import { demoCommuneId } from '@gemeng/subgraph-kit';
import { expect, type Page, test } from '@playwright/test';
import { createPerson } from '../support/oidc.ts';
import { IDENTITY_FR } from './citizen.ts';
import { fetchCommune, LABELS, type Lang, NOT_FOUND, number, oidcStack, shellUrl, squash } from './env.ts';

/** Console errors and CSP violations fail the test: a strict CSP breaks silently otherwise. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const card = (page: Page) => page.locator('gemeng-commune-card');

test('the commune page shows Dudelange from the subgraphs, its procedures leading to their forms, named in the page title', async ({
  page,
  request,
}) => {
  const errors = watchErrors(page);
  const expected = await fetchCommune(request, 'dudelange', 'fr');
  await page.goto(`${shellUrl()}/communes/dudelange?lang=fr`);

  // identity: name (the page's h1 and title) and population
  await expect(card(page).getByRole('heading', { level: 1 })).toHaveText(expected.name);
  await expect(page).toHaveTitle(`${expected.name} – Gemeng`);
  await expect(card(page).locator('[part="population"]')).toContainText(number('fr', expected.population));
  await expect(card(page).locator('[part="card"]')).toHaveAttribute('aria-busy', 'false');

  // procedures: their titles, no internal code, each a link to its form on the portal
  expect(expected.procedures.length).toBeGreaterThan(0);
  const procedures = card(page).getByRole('list', { name: LABELS.fr.procedures });
  await expect(procedures.getByRole('listitem')).toHaveCount(expected.procedures.length);
  await expect(procedures).toContainText(expected.procedures[0]!.title);
  await expect(procedures).not.toContainText(expected.procedures[0]!.code);
  const first = procedures.getByRole('link', { name: expected.procedures[0]!.title });
  await expect(first).toHaveAttribute('href', `/communes/dudelange/procedures/${expected.procedures[0]!.code}`);
  await expect(procedures.getByRole('link')).toHaveCount(expected.procedures.length);

  // culture: upcoming events, dated in Luxembourg time
  expect(expected.upcomingEvents.length).toBeGreaterThan(0);
  const events = card(page).getByRole('list', { name: LABELS.fr.events });
  await expect(events).toContainText(expected.upcomingEvents[0]!.title);
  await expect(events.locator('time').first()).toHaveAttribute('datetime', expected.upcomingEvents[0]!.startsAt);
  await expect(events.getByRole('link')).toHaveCount(0);

  // No platform fee: it read like a bill.
  await expect(card(page)).not.toContainText('€');
  expect(errors).toEqual([]);
});

test('the language switcher changes the labels and the localised data', async ({ page, request }) => {
  await page.goto(`${shellUrl()}/communes/dudelange?lang=fr`);
  await expect(card(page).getByRole('heading', { name: LABELS.fr.events })).toBeVisible();

  for (const [lang, button] of [
    ['de', 'Deutsch'],
    ['lb', 'Lëtzebuergesch'],
    ['en', 'English'],
  ] as const satisfies readonly (readonly [Lang, string])[]) {
    const expected = await fetchCommune(request, 'dudelange', lang);
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('button', { name: button })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(card(page).getByRole('heading', { name: LABELS[lang].events })).toBeVisible();
    await expect(card(page).getByRole('heading', { name: LABELS[lang].procedures })).toBeVisible();
    await expect(card(page).locator('[part="population"]')).toContainText(LABELS[lang].inhabitants);
    // Chromium has no Luxembourgish number data: lb must fall back to de-LU (21.543), not to en-US (21,543).
    expect(squash(await card(page).locator('[part="population"]').textContent())).toContain(
      number(lang, expected.population),
    );
    // The server localises names and titles from accept-language: the page must show this language's.
    await expect(card(page).getByRole('heading', { level: 1 })).toHaveText(expected.name);
    await expect(page).toHaveTitle(`${expected.name} – Gemeng`);
    await expect(card(page).locator('[part="procedures"]')).toContainText(expected.procedures[0]!.title);
    await expect(card(page).locator('[part="card"]')).toHaveAttribute('aria-busy', 'false');
  }

  // The choice survives a reload.
  await page.goto(shellUrl());
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

const PAGE_NOT_FOUND = { lb: 'Dës Säit gëtt et net', fr: 'Page introuvable', de: 'Seite nicht gefunden' } as const;

for (const lang of ['fr', 'de'] as const) {
  test(`an unknown commune shows the ${lang} not-found page with a way home`, async ({ page }) => {
    await page.goto(`${shellUrl()}/communes/no-such-commune?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAGE_NOT_FOUND[lang]);
    await expect(page).toHaveTitle(`${PAGE_NOT_FOUND[lang]} – Gemeng`);
    // The card's own message (for commune websites) is not shown twice.
    await expect(card(page).getByRole('alert')).toBeHidden();
    await expect(card(page).getByText(NOT_FOUND[lang])).toBeHidden();
    await page.locator('#gemeng-not-found').getByRole('link').click();
    await expect(page).toHaveURL(`${shellUrl()}/`);
    await expect(page.locator('gemeng-commune-chooser').getByRole('searchbox')).toBeVisible();
  });
}

test.describe('with a Luxembourgish browser', () => {
  // An unknown ?lang= leaves the page in the browser's language.
  test.use({ locale: 'lb-LU' });

  for (const [path, lang] of [
    ['/no/such/page?lang=lb', 'lb'],
    ['/account/nothing?lang=de', 'de'],
    ['/?lang=xx', 'lb'],
  ] as const) {
    test(`${path} is not found: HTTP 404 and the not-found page (${lang})`, async ({ page }) => {
      const response = await page.goto(`${shellUrl()}${path}`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAGE_NOT_FOUND[lang]);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.locator('#gemeng-not-found').getByRole('link')).toHaveAttribute('href', '/');
    });
  }
});

test('the home page: search, choose, land on the commune with the focus on its heading, find it first next time', async ({
  page,
  request,
}) => {
  const errors = watchErrors(page);
  const expected = await fetchCommune(request, 'dudelange', 'lb');
  await page.goto(`${shellUrl()}/?lang=lb`);
  await expect(page).toHaveTitle('Är Gemeng online – Gemeng');
  const chooser = page.locator('gemeng-commune-chooser');
  // A new visitor gets no commune imposed: no card until they choose.
  await expect(chooser.getByRole('link').first()).toBeVisible();
  await expect(page.locator('gemeng-commune-card')).toHaveCount(0);

  // Keyboard only: the search field, the French name, Tab to the one link left, Enter.
  await chooser.getByRole('searchbox', { name: 'Eng Gemeng sichen' }).fill('Dudelange');
  await expect(chooser.locator('[part="communes"] a')).toHaveCount(1);
  await expect(chooser.getByRole('status')).toHaveText('1 Gemeng fonnt.');
  await page.keyboard.press('Tab');
  await expect(chooser.getByRole('link', { name: expected.name })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`${shellUrl()}/communes/dudelange`);
  const heading = card(page).getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(expected.name);
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(`${expected.name} – Gemeng`);

  // Back home: the commune chosen comes first, with its card.
  await page.getByRole('link', { name: 'Gemeng', exact: true }).click();
  await expect(page).toHaveURL(`${shellUrl()}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(chooser.locator('[part="suggestions"]').getByRole('link')).toHaveText([expected.name]);
  await expect(chooser.locator('gemeng-commune-card').getByRole('heading', { level: 2 })).toHaveText(expected.name);
  await expect(page).toHaveTitle('Är Gemeng online – Gemeng');
  expect(errors).toEqual([]);
});

test('a widget module that cannot be loaded shows a localised message and a retry that loads it', async ({ page }) => {
  // The portal's lifecycles module fails once (offline, a deployment in between), then loads.
  let blocked = true;
  await page.route(/\/widgets\/portal\/single-spa-[\w-]+\.js/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto(`${shellUrl()}/communes/dudelange?lang=fr`);
  const alert = page.locator('#gemeng-applications').getByRole('alert');
  await expect(alert).toContainText('Cette partie de la page n’a pas pu être chargée.');
  blocked = false;
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await expect(card(page).getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#gemeng-applications').getByRole('alert')).toHaveCount(0);
});

test('a signed-in citizen finds their commune of residence first on the home page, with its card', async ({
  page,
  request,
}) => {
  const person = await createPerson(oidcStack(), { residences: [demoCommuneId('esch-sur-alzette')] });
  const expected = await fetchCommune(request, 'esch-sur-alzette', 'fr');
  await page.goto(`${shellUrl()}/?lang=fr`);
  const chooser = page.locator('gemeng-commune-chooser');
  await expect(chooser.getByRole('searchbox', { name: 'Rechercher une commune' })).toBeVisible();
  await expect(chooser.locator('[part="suggestions"]')).toHaveCount(0);

  await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(person.email);
  await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
  await expect(page).toHaveURL(new RegExp(`^${shellUrl()}/(\\?lang=fr)?$`));

  // The graph's answer for this person (their token): their commune first, and its card.
  await expect(chooser.locator('#suggested-heading')).toHaveText('Votre commune de résidence');
  await expect(chooser.locator('[part="suggestions"]').getByRole('link')).toHaveText([expected.name]);
  await expect(chooser.locator('gemeng-commune-card').getByRole('heading', { level: 2 })).toHaveText(expected.name);
  await expect(chooser.getByRole('heading', { name: 'Choisir une autre commune' })).toBeVisible();
});
