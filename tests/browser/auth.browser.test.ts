import { expect, test } from '@playwright/test';
import { confirmLogout, registerAndVerify, signInOnIdentity, watchErrors } from './citizen.ts';
import { newEmail, shellUrl } from './env.ts';

// The citizen's browser speaks French: the verification link in the mail carries no language of its own.
test.use({ locale: 'fr-LU' });

test('a citizen registers, confirms the address, signs in from the header, sees the account and signs out', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const name = 'Jeanne Schmit-Kieffer';
  const email = newEmail('jeanne');
  await registerAndVerify(page, request, name, email);

  // Back on the portal, somewhere other than its home page, in French.
  const errors = watchErrors(page, shellUrl());
  await page.goto(`${shellUrl()}/communes/esch-sur-alzette`);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const login = page.locator('gemeng-login');
  await login.getByRole('button', { name: 'Se connecter' }).click();

  // The identity pages, in the portal's language (ui_locales), then back where the person was.
  await signInOnIdentity(page, email);
  await expect(page).toHaveURL(`${shellUrl()}/communes/esch-sur-alzette`);
  await expect(login.locator('[part="name"]')).toHaveText(`Connecté en tant que ${name}`);
  await expect(login.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.locator('gemeng-commune-card').getByRole('heading', { level: 1 })).toBeVisible();

  // The account page is a route of the same page: the sign-in (in memory) is still there.
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await expect(page).toHaveURL(`${shellUrl()}/account`);
  const account = page.locator('gemeng-account');
  await expect(account.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible();
  await expect(account.getByTestId('account-name')).toHaveText(name);
  await expect(account.getByTestId('account-email')).toHaveText(email);
  await expect(account.getByTestId('account-verified')).toHaveText('Oui');
  await expect(account.getByTestId('account-language')).toHaveText('Français');
  await expect(page.locator('gemeng-commune-card')).toHaveCount(0);

  // Signing out ends the session at the provider too, and comes back to the account page, anonymous.
  await login.getByRole('button', { name: 'Se déconnecter' }).click();
  await confirmLogout(page);
  await expect(page).toHaveURL(`${shellUrl()}/account`);
  await expect(login.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(login.locator('[part="name"]')).toHaveCount(0);
  await expect(account).toContainText('Vous n’êtes pas connecté.');
  await expect(account.getByRole('link', { name: 'Créer un compte' })).toHaveAttribute(
    'href',
    /\/account\/register\?lang=fr$/,
  );

  // The provider session ended as well: signing in again asks for the password.
  await login.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
  expect(errors).toEqual([]);
});

test('a wrong sign-in answer on /auth/callback shows an alert and the home page', async ({ page }) => {
  await page.goto(`${shellUrl()}/auth/callback?code=forged&state=unknown&lang=en`);
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page).toHaveURL(`${shellUrl()}/`);
  await expect(page.locator('gemeng-login').getByRole('button')).toBeVisible();
});
