import { expect, type Page, test } from '@playwright/test';
import { euros, fetchCommune, LABELS, type Lang, NOT_FOUND, number, shellUrl, squash } from './env.ts';

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

test('the home page shows Dudelange with data from all four subgraphs', async ({ page, request }) => {
  const errors = watchErrors(page);
  const expected = await fetchCommune(request, 'dudelange', 'fr');
  await page.goto(`${shellUrl()}/?lang=fr`);

  // identity: name and population
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText(expected.name);
  await expect(card(page).locator('[part="population"]')).toContainText(number('fr', expected.population));
  await expect(card(page).locator('[part="card"]')).toHaveAttribute('aria-busy', 'false');

  // procedures
  expect(expected.procedures.length).toBeGreaterThan(0);
  const procedures = card(page).getByRole('list', { name: LABELS.fr.procedures });
  await expect(procedures.getByRole('listitem')).toHaveCount(expected.procedures.length);
  await expect(procedures).toContainText(expected.procedures[0]!.code);
  await expect(procedures).toContainText(expected.procedures[0]!.title);

  // culture: upcoming events, dated in Luxembourg time
  expect(expected.upcomingEvents.length).toBeGreaterThan(0);
  const events = card(page).getByRole('list', { name: LABELS.fr.events });
  await expect(events).toContainText(expected.upcomingEvents[0]!.title);
  await expect(events.locator('time').first()).toHaveAttribute('datetime', expected.upcomingEvents[0]!.startsAt);

  // billing: the yearly fee in euros, French style
  expect(expected.subscription).not.toBeNull();
  const fee = squash(await card(page).getByTestId('yearly-fee').textContent());
  expect(fee).toBe(euros('fr', expected.subscription!.yearlyFeeCents));
  expect(fee).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} €$/);

  expect(errors).toEqual([]);
});

test('the language switcher changes the labels and the localised data', async ({ page, request }) => {
  await page.goto(`${shellUrl()}/?lang=fr`);
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
    await expect(card(page).getByText(LABELS[lang].yearlyFee)).toBeVisible();
    await expect(card(page).locator('[part="population"]')).toContainText(LABELS[lang].inhabitants);
    // Chromium has no Luxembourgish number data: lb must fall back to de-LU (21.543), not to en-US (21,543).
    expect(squash(await card(page).locator('[part="population"]').textContent())).toContain(
      number(lang, expected.population),
    );
    // The server localises names and titles from accept-language: the page must show this language's.
    await expect(card(page).getByRole('heading', { level: 2 })).toHaveText(expected.name);
    await expect(card(page).locator('[part="procedures"]')).toContainText(expected.procedures[0]!.title);
    await expect(card(page).locator('[part="card"]')).toHaveAttribute('aria-busy', 'false');
  }

  // The choice survives a reload.
  await page.goto(shellUrl());
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

for (const lang of ['fr', 'de'] as const) {
  test(`an unknown commune shows the ${lang} not-found alert`, async ({ page }) => {
    await page.goto(`${shellUrl()}/communes/no-such-commune?lang=${lang}`);
    const alert = card(page).getByRole('alert');
    await expect(alert).toContainText(NOT_FOUND[lang]);
    await expect(alert).toContainText('no-such-commune');
    await expect(card(page).getByRole('button')).toHaveCount(0);
    await expect(card(page).locator('[part="card"]')).toHaveAttribute('aria-busy', 'false');
  });
}
