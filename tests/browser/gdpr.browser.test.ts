/**
 * The person's rights over their data (GDPR art. 15, 17 and 20) from <gemeng-account>'s "Your data" section: a
 * registered citizen downloads everything the platform holds about them as one JSON file, then deletes their
 * account with their password and an explicit confirmation; the page signs out and the address no longer signs in.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createPerson } from '../support/oidc.ts';
import { IDENTITY_FR, signInToAccount, watchErrors } from './citizen.ts';
import { identityOrigin, oidcIssuer, oidcStack, routerUrl, shellUrl } from './env.ts';

test.use({ locale: 'fr-LU' });

/** identity's login page after a wrong address or password (`invalidCredentials` in subgraphs/identity/src/web/texts.ts). */
const INVALID_CREDENTIALS = 'L’adresse ou le mot de passe est incorrect.';

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

interface Section {
  subgraph: string;
  holds: string[];
  exportedAt: string;
  data: Record<string, unknown>;
}

test('a citizen downloads their data, deletes their account, and can no longer sign in with it', async ({ page }) => {
  test.setTimeout(90_000);
  const stack = oidcStack();
  const person = await createPerson(stack, { name: 'Nathalie Schmit' });
  const errors = watchErrors(page, shellUrl());
  const account = await signInToAccount(page, person.email, person.password, 'data');

  const data = account.locator('[part~="data-section"]');
  await expect(account.getByRole('heading', { level: 1, name: 'Vos données', exact: true })).toBeVisible();
  await expect(data.getByRole('heading', { name: 'Supprimer votre compte' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // "Download my data": the part is busy while the graph answers (held back here to see it), then the file comes.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(routerUrl(), async (route) => {
    if (route.request().postData()?.includes('PersonalDataExport')) await held;
    await route.fallback();
  });
  const exportPart = account.locator('[part~="data-export"]');
  const downloading = page.waitForEvent('download');
  await account.getByRole('button', { name: 'Télécharger mes données' }).click();
  await expect(exportPart).toHaveAttribute('aria-busy', 'true');
  await expect(exportPart.getByRole('status')).toHaveText('Préparation de vos données…');
  release();
  const download = await downloading;
  await page.unrouteAll({ behavior: 'wait' });
  expect(download.suggestedFilename()).toMatch(/^gemeng-data-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(exportPart).toHaveAttribute('aria-busy', 'false');
  await expect(exportPart.getByRole('status')).toHaveText(
    `Votre navigateur télécharge vos données dans le fichier ${download.suggestedFilename()}.`,
  );
  const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    exportedAt: string;
    identity: Section;
    procedures: Section;
    culture: Section;
    billing: Section;
  };
  expect(Object.keys(file)).toEqual(['exportedAt', 'identity', 'procedures', 'culture', 'billing']);
  expect(Number.isNaN(Date.parse(file.exportedAt))).toBe(false);
  expect(file.identity.subgraph).toBe('identity');
  expect(file.identity.data.profile).toMatchObject({ id: person.id, email: person.email, name: person.name });
  expect(JSON.stringify(file)).not.toContain('passwordHash');
  for (const subgraph of ['procedures', 'culture', 'billing'] as const) {
    expect(file[subgraph]).toMatchObject({ subgraph, holds: expect.any(Array), data: expect.any(Object) });
  }

  // "Delete my account": a wrong password is an error next to the field, and nothing is erased.
  const erase = account.locator('[part~="account-erase"]');
  const password = erase.getByLabel('Mot de passe actuel');
  const understood = erase.getByRole('checkbox', { name: 'Je comprends que cette action est irréversible' });
  await expect(erase).toContainText('(le journal de sécurité) est conservée un an');
  await password.fill('Not my password at all 42');
  await understood.check();
  await erase.getByRole('button', { name: 'Supprimer mon compte' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/Le mot de passe n’est pas correct/);
  await expect(password).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  // The right password: the account is gone, the widget says so and the page is signed out, without leaving it
  // (the provider's session went with the account: there is no end-session round trip to make).
  const discovery = await (await fetch(`${oidcIssuer()}/.well-known/openid-configuration`)).json();
  const endSession = String((discovery as { end_session_endpoint: string }).end_session_endpoint);
  const visited: string[] = [];
  page.on('request', (request) => visited.push(request.url()));
  await password.fill(person.password);
  await understood.check();
  await erase.getByRole('button', { name: 'Supprimer mon compte' }).click();
  const notice = account.getByRole('status').filter({ hasText: 'Votre compte a été supprimé' });
  await expect(notice).toHaveText('Votre compte a été supprimé et votre session est fermée.');
  await expect(notice).toBeFocused();
  await expect(account.getByText('Vous n’êtes pas connecté.')).toBeVisible();
  await expect(page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(data).toHaveCount(0);
  await expect(page).toHaveURL(`${shellUrl()}/account/data`);
  expect(visited.filter((url) => url.startsWith(endSession))).toEqual([]);
  const db = createDb(stack.databaseUrls.identity);
  try {
    expect(await db.user.findUnique({ where: { id: person.id } })).toBeNull();
  } finally {
    await db.$disconnect();
  }

  // Signing in again with the address fails on identity's login page.
  await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IDENTITY_FR.signInTitle);
  await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(person.email);
  await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
  await expect(page.getByRole('alert')).toContainText(INVALID_CREDENTIALS);
  await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  expect(errors).toEqual([]);
});
