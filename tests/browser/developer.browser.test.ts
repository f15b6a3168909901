/**
 * A developer's applications from <gemeng-account>'s "Applications (for developers)" section: a signed-in person
 * registers an application and reads its client id and secret once; the application (here the test, on the Node
 * side) gets an access token with the client credentials grant and queries the graph through the router; once the
 * person revokes it in the widget, the same credentials get no token any more.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { createPerson } from '../support/oidc.ts';
import { signInToAccount, watchErrors } from './citizen.ts';
import { oidcIssuer, oidcStack, routerUrl, shellUrl } from './env.ts';

test.use({ locale: 'fr-LU' });

const APP_NAME = 'Agenda de Dudelange';

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

/** The application's token request: client credentials, HTTP Basic (RFC 6749 §2.3.1), scope graph.read. */
function clientCredentialsGrant(clientId: string, clientSecret: string): Promise<Response> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  return fetch(`${oidcIssuer()}/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'graph.read' }),
  });
}

test('a developer registers an application, which reads the graph with its credentials until it is revoked', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const person = await createPerson(oidcStack(), { name: 'Luc Hoffmann' });
  const errors = watchErrors(page, shellUrl());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shellUrl() });
  const account = await signInToAccount(page, person.email, person.password, 'developers');

  // A page of its own, reached only through its link: the page's heading, then its parts one level deeper.
  await expect(account.getByRole('heading', { level: 1 })).toHaveText('Applications (pour les développeurs)');
  await expect(account.getByRole('heading', { level: 2 })).toHaveText([
    'Vos applications',
    'Enregistrer une application',
  ]);
  const section = account.locator('[part~="apps-section"]');
  await expect(section.getByTestId('token-endpoint')).toHaveText(`${oidcIssuer()}/token`);
  await expect(section).toContainText('graph.read');
  await expect(section).toContainText('Vous n’avez encore enregistré aucune application.');

  // Register: a name too short is refused at the field; a good one gives the credentials, once.
  const name = section.getByLabel('Nom de l’application');
  const register = section.getByRole('button', { name: 'Enregistrer', exact: true });
  await name.fill('Ag');
  await register.click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Donnez à l’application un nom de 3 à 100 caractères\./);
  await expect(name).toBeFocused();
  await name.fill(APP_NAME);
  await register.click();

  const box = section.locator('[part="client-secret"]');
  const boxHeading = box.getByRole('heading', { name: `Identifiants de « ${APP_NAME} »` });
  await expect(boxHeading).toBeFocused();
  await expect(box).toContainText('Le secret n’est affiché que maintenant.');
  await expect(box).toContainText('Ne le mettez jamais dans un navigateur, une application mobile ou un dépôt public.');
  await expect(section.getByRole('status').filter({ hasText: 'a été enregistrée' })).toHaveText(
    `L’application « ${APP_NAME} » a été enregistrée.`,
  );
  const clientId = ((await box.getByTestId('issued-client-id').textContent()) ?? '').trim();
  const clientSecret = ((await box.getByTestId('issued-client-secret').textContent()) ?? '').trim();
  expect(clientId).toMatch(/^gemeng-[\w-]+$/);
  expect(clientSecret).toMatch(/^[\w-]{40,}$/);

  // Listed as active, with its buttons named after it.
  const table = section.getByRole('table', { name: 'Vos applications' });
  const row = table.getByRole('row').filter({ hasText: APP_NAME });
  await expect(row.getByRole('cell', { name: clientId })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Active', exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: `Renouveler le secret: ${APP_NAME}` })).toBeVisible();

  // "Copier" puts the secret on the clipboard.
  await box.getByRole('button', { name: 'Copier: Secret client' }).click();
  await expect(box.getByRole('status')).toHaveText('Le secret a été copié.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientSecret);

  expect(await axeViolations(page)).toEqual([]);

  // The application's side: a token with the client credentials grant, then the graph through the router.
  const granted = await clientCredentialsGrant(clientId, clientSecret);
  expect(granted.status).toBe(200);
  const token = (await granted.json()) as { access_token: string; token_type: string };
  expect(token.token_type).toMatch(/^bearer$/i);
  const answer = await fetch(routerUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
    body: JSON.stringify({ query: '{ communes { slug } }' }),
  });
  expect(answer.status).toBe(200);
  const body = (await answer.json()) as { data?: { communes: { slug: string }[] }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data?.communes.map((commune) => commune.slug)).toContain('dudelange');

  // Stored: the secret leaves the page for good.
  await box.getByRole('button', { name: 'J’ai conservé le secret' }).click();
  await expect(box).toHaveCount(0);
  await expect(section.getByRole('heading', { name: 'Vos applications' })).toBeFocused();
  await expect(account).not.toContainText(clientSecret);

  // Revoke, after a confirmation.
  await row.getByRole('button', { name: `Révoquer: ${APP_NAME}` }).click();
  const confirm = section.getByRole('group', { name: `Révoquer « ${APP_NAME} » ?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByText(`Révoquer « ${APP_NAME} » ?`)).toBeFocused();
  await confirm.getByRole('button', { name: `Oui, révoquer: ${APP_NAME}` }).click();
  const revoked = section.getByRole('status').filter({ hasText: 'a été révoquée' });
  await expect(revoked).toHaveText(`L’application « ${APP_NAME} » a été révoquée.`);
  await expect(revoked).toBeFocused();
  await expect(confirm).toHaveCount(0);
  await expect(row.getByRole('cell', { name: /^Révoquée le / })).toBeVisible();
  await expect(row.getByRole('button')).toHaveCount(0);

  // The same request of the application is now refused.
  const refused = await clientCredentialsGrant(clientId, clientSecret);
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error?: string }).error).toBe('invalid_client');

  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
