import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import ACCOUNT_FR from '../../frontends/identity/src/messages/account/fr.json' with { type: 'json' };
import { identityOrigin, PASSWORD, shellUrl, waitForMail } from './env.ts';

/** French labels of identity's server-rendered pages (subgraphs/identity/src/web/texts.ts). */
export const IDENTITY_FR = {
  name: 'Nom',
  email: 'Adresse électronique',
  password: 'Mot de passe',
  passwordConfirmation: 'Répéter le mot de passe',
  create: 'Créer le compte',
  checkInbox: 'Consultez votre messagerie',
  verified: 'Adresse confirmée',
  confirmAddress: 'Confirmer l’adresse',
  signInTitle: 'Connexion',
  signIn: 'Se connecter',
} as const;

/**
 * A citizen registers on identity's pages in French, receives the verification mail at the local catcher and
 * opens its link, as a person would.
 */
export async function registerAndVerify(page: Page, request: APIRequestContext, name: string, email: string) {
  await page.goto(`${identityOrigin()}/account/register?lang=fr`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel(IDENTITY_FR.name, { exact: true }).fill(name);
  await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(email);
  await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(IDENTITY_FR.passwordConfirmation, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: IDENTITY_FR.create }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IDENTITY_FR.checkInbox);

  const mail = await waitForMail(request, email, /^Confirmez votre adresse/);
  expect(mail.text, 'nothing typed in the form goes to an unconfirmed address').not.toContain(name);
  const link = mail.text.match(/https?:\/\/\S+\/account\/verify\?token=[\w-]+\S*/)?.[0];
  expect(link, 'the mail carries a verification link').toBeDefined();
  // The link opens a page with a button: only pressing it confirms (mail scanners fetch links too).
  await page.goto(link!);
  await page.getByRole('button', { name: IDENTITY_FR.confirmAddress }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IDENTITY_FR.verified);
}

/** Fills identity's login page (the interaction) in French. */
export async function signInOnIdentity(page: Page, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IDENTITY_FR.signInTitle);
  await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(email);
  await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
}

/** The account's pages: the link of the account's navigation, and the page's heading (French). */
const ACCOUNT_PAGES_FR = {
  profile: { path: '/account', link: ACCOUNT_FR.profile, heading: ACCOUNT_FR.profile },
  security: { path: '/account/security', link: ACCOUNT_FR.security, heading: ACCOUNT_FR.security },
  data: { path: '/account/data', link: ACCOUNT_FR.dataHeading, heading: ACCOUNT_FR.dataHeading },
  developers: { path: '/account/developers', link: ACCOUNT_FR.navDevelopers, heading: ACCOUNT_FR.appsHeading },
} as const;
export type AccountPageName = keyof typeof ACCOUNT_PAGES_FR;

/** Follows the account's navigation to one of its pages (the portal changes the route, no reload). */
export async function openAccountPage(page: Page, account: Locator, name: AccountPageName): Promise<void> {
  const target = ACCOUNT_PAGES_FR[name];
  await account.getByRole('navigation').getByRole('link', { name: target.link, exact: true }).click();
  await expect(page).toHaveURL(`${shellUrl()}${target.path}`);
  await expect(account.getByRole('heading', { level: 1 })).toHaveText(target.heading);
}

/**
 * From the portal's header to identity's pages and back to the account page (`<gemeng-account>`, returned),
 * signed in with the password: the shared test password, or `password` (people made by `createPerson`); then to
 * the account's page `accountPage` through its navigation.
 */
export async function signInToAccount(
  page: Page,
  email: string,
  password?: string,
  accountPage: AccountPageName = 'profile',
): Promise<Locator> {
  await page.goto(`${shellUrl()}/account`);
  await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
  if (password) {
    await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
    await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(email);
    await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
  } else {
    await signInOnIdentity(page, email);
  }
  await expect(page).toHaveURL(`${shellUrl()}/account`);
  const account = page.locator('gemeng-account');
  await expect(account.getByRole('heading', { level: 1 })).toHaveText(ACCOUNT_FR.profile);
  await expect(account.getByTestId('account-email')).toHaveText(email, { ignoreCase: true });
  if (accountPage !== 'profile') await openAccountPage(page, account, accountPage);
  if (accountPage === 'security') {
    await expect(account.getByText(ACCOUNT_FR.levelLow, { exact: true })).toBeVisible();
  }
  return account;
}

/** oidc-provider's own logout confirmation page (English only, for now). */
export async function confirmLogout(page: Page) {
  // identity's sign-out confirmation, in the language the portal asked for (ui_locales)
  await page
    .getByRole('button', { name: /^(Yes, sign me out|Oui, me déconnecter|Ja, ausloggen|Jo, ausloggen)$/ })
    .click();
}

/** Console errors of pages on `origin` (a strict CSP breaks silently otherwise). */
export function watchErrors(page: Page, origin: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.location().url.startsWith(origin)) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
