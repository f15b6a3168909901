import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { expect, type Page, test } from '@playwright/test';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { issueCodeCard } from '../../subgraphs/identity/src/factors/code-card.ts';
import { startTotpEnrolment } from '../../subgraphs/identity/src/factors/totp.ts';
import { authorizationRequest, createPerson } from '../support/oidc.ts';
import { IDENTITY_FR } from './citizen.ts';
import { identityOrigin, oidcStack, shellUrl } from './env.ts';

async function axe(page: Page) {
  return await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
}

/** Prints violations readably when the assertion fails. */
function summary(violations: Awaited<ReturnType<typeof axe>>['violations']) {
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

for (const lang of ['lb', 'fr', 'de', 'en'] as const) {
  test(`the home page has no axe violations (${lang})`, async ({ page }) => {
    await page.goto(`${shellUrl()}/?lang=${lang}`);
    await expect(page.locator('gemeng-commune-chooser [part="communes"] a').first()).toBeVisible();
    expect(summary((await axe(page)).violations)).toEqual([]);
    // The commune page: the card is the page's main content.
    await page.goto(`${shellUrl()}/communes/dudelange?lang=${lang}`);
    await expect(page.locator('gemeng-commune-card [part="card"]')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('gemeng-commune-card').getByRole('heading', { level: 1 })).toBeVisible();
    const { violations } = await axe(page);
    expect(summary(violations)).toEqual([]);
  });
}

test('the not-found state has no axe violations', async ({ page }) => {
  await page.goto(`${shellUrl()}/communes/no-such-commune?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  const { violations } = await axe(page);
  expect(summary(violations)).toEqual([]);
});

test('the language switcher and the card are keyboard reachable with a visible focus', async ({ page }) => {
  await page.goto(`${shellUrl()}/communes/dudelange?lang=en`);
  await expect(page.locator('gemeng-commune-card').getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const active = globalThis.document.activeElement;
    return active ? getComputedStyle(active).outlineStyle : 'none';
  });
  expect(outline).not.toBe('none');
});

test.describe('identity pages', () => {
  test('the registration page has no axe violations, empty and with errors (fr)', async ({ page }) => {
    await page.goto(`${identityOrigin()}/account/register?lang=fr`);
    expect(summary((await axe(page)).violations)).toEqual([]);
    await page.getByRole('button', { name: IDENTITY_FR.create }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    // GOV.UK's pattern: the title says so first, the summary has the focus, its links lead to the fields.
    await expect(page).toHaveTitle(/^Erreur : /);
    await expect(page.getByRole('alert')).toBeFocused();
    await page.getByRole('alert').getByRole('link', { name: 'Saisissez votre adresse e-mail.' }).click();
    await expect(page.getByLabel(IDENTITY_FR.email, { exact: true })).toBeFocused();
    expect(summary((await axe(page)).violations)).toEqual([]);
  });

  test('the login page has no axe violations, empty and after a wrong password (fr)', async ({ page }) => {
    await page.goto(`${shellUrl()}/?lang=fr`);
    await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(IDENTITY_FR.signInTitle);
    expect(summary((await axe(page)).violations)).toEqual([]);
    await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill('nobody@example.lu');
    await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    expect(summary((await axe(page)).violations)).toEqual([]);
  });
});

test('the account page, signed out, has no axe violations', async ({ page }) => {
  await page.goto(`${shellUrl()}/account?lang=de`);
  await expect(page.locator('gemeng-account')).toContainText('Sie sind nicht eingeloggt.');
  expect(summary((await axe(page)).violations)).toEqual([]);
});

test('identity forms post from a real browser (not refused as another origin)', async ({ page }) => {
  await page.goto(`${identityOrigin()}/account/register?lang=fr`);
  await page.getByRole('button', { name: IDENTITY_FR.create }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Créer un compte Gemeng');
  await expect(page.getByRole('alert')).toBeVisible();
});

test('the second-factor page (passkey, code card, app) and the signed-in account page have no axe violations', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // A person with every second factor, written as the town hall and the account page would.
  const stack = oidcStack();
  const person = await createPerson(stack);
  const db = createDb(stack.databaseUrls.identity);
  try {
    await issueCodeCard(db, { userId: person.id, communeId: demoCommuneId('dudelange'), issuedBy: person.id });
    await startTotpEnrolment(db, person.id, person.email);
    await db.totpFactor.update({ where: { userId: person.id }, data: { confirmedAt: new Date() } });
    await db.passkey.create({
      data: {
        id: randomBytes(16).toString('base64url'),
        userId: person.id,
        publicKey: randomBytes(77),
        counter: 0n,
        name: 'Laptop',
      },
    });
  } finally {
    await db.$disconnect();
  }
  const request = authorizationRequest(stack, { lang: 'fr' });
  const url = new URL(request.url);
  url.searchParams.set('acr_values', 'substantial');
  await page.goto(url.toString());
  await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(person.email);
  await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deuxième étape');
  await expect(page.getByRole('button', { name: 'Confirmer avec une clé d’accès' })).toBeVisible();
  expect(summary((await axe(page)).violations)).toEqual([]);

  // The signed-in account's profile page, then its security page through the account's navigation.
  await page.goto(`${shellUrl()}/account?lang=fr`);
  await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(person.email);
  await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
  const account = page.locator('gemeng-account');
  await expect(account.getByTestId('account-email')).toHaveText(person.email);
  expect(summary((await axe(page)).violations)).toEqual([]);
  await account.getByRole('navigation').getByRole('link', { name: 'Sécurité', exact: true }).click();
  await expect(account.getByRole('table', { name: 'Activité du compte' })).toBeVisible();
  expect(summary((await axe(page)).violations)).toEqual([]);
});
