/**
 * The second factors in the browser: a citizen sets up an authenticator app from <gemeng-account>, steps up
 * with it, adds a passkey (Chromium's virtual authenticator) and later steps up with the passkey; another
 * citizen gets a code card from an agent of the commune and steps up with two of its printed cells.
 */
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { type CDPSession, expect, type Locator, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { createPerson, graphql, signedInPerson } from '../support/oidc.ts';
import { confirmLogout, IDENTITY_FR, registerAndVerify, signInToAccount, watchErrors } from './citizen.ts';
import { codesOfCard } from './code-card.ts';
import { identityOrigin, newEmail, oidcStack, shellUrl } from './env.ts';

test.use({ locale: 'fr-LU' });

/** A platform authenticator with user verification (fingerprint, face or PIN), as on a phone or a laptop. */
async function addVirtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** The widget asks for a second factor: identity's second-factor page opens, without the password. */
async function stepUp(page: Page, account: Locator) {
  await expect(account.getByRole('alert').filter({ hasText: 'confirmez votre identité' })).toBeVisible();
  await account.getByRole('button', { name: 'Confirmer avec un second facteur' }).click();
  await expect(page).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deuxième étape');
  await expect(page.getByLabel(IDENTITY_FR.password, { exact: true })).toHaveCount(0);
}

async function backWithTwoFactors(page: Page, account: Locator) {
  await expect(page).toHaveURL(`${shellUrl()}/account`);
  await expect(account.getByText('Connecté avec deux facteurs', { exact: true })).toBeVisible();
}

test('a citizen sets up an authenticator app, adds a passkey with it, and later steps up with the passkey', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const email = newEmail('lea');
  await registerAndVerify(page, request, 'Léa Weber', email);
  const errors = watchErrors(page, shellUrl());
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  let account = await signInToAccount(page, email);
  await expect(account.getByRole('heading', { name: 'Sécurité' })).toBeVisible();

  // The first second factor needs only the password: there is nothing stronger yet.
  await account.getByRole('button', { name: 'Configurer une application d’authentification' }).click();
  await expect(account.getByRole('img', { name: 'Code QR pour l’application d’authentification' })).toBeVisible();
  const secret = ((await account.locator('[part="totp-secret"]').textContent()) ?? '').replace(/\s/g, '');
  const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  await account.getByLabel('Code de l’application').fill(app.generate({ timestamp: Date.now() - 30_000 }));
  await account.getByRole('button', { name: 'Confirmer le code' }).click();
  await expect(account.locator('[part="recovery-codes"] li')).toHaveCount(10);
  await account.getByRole('button', { name: 'J’ai conservé mes codes' }).click();
  await expect(account.getByText('Une application d’authentification est configurée pour votre compte.')).toBeVisible();

  // A passkey now needs a two-factor sign-in: the widget steps up, identity asks for the app's code only.
  await account.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
  await stepUp(page, account);
  await page.getByLabel('Code de votre application d’authentification, ou un code de secours').fill(app.generate());
  await page.getByRole('button', { name: 'Confirmer' }).last().click();
  account = page.locator('gemeng-account');
  await backWithTwoFactors(page, account);

  await account.getByLabel('Nom de la clé d’accès').fill('Portable de Léa');
  await account.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
  await expect(account.getByText('La clé d’accès « Portable de Léa » a été ajoutée.')).toBeVisible();
  const passkeys = account.getByRole('table', { name: 'Clés d’accès' });
  await expect(passkeys.getByRole('row')).toHaveCount(2); // header and the new passkey
  // The authenticator holds a discoverable credential for the relying party (identity's host), not the page's.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]).toMatchObject({ rpId: new URL(identityOrigin()).hostname, isResidentCredential: true });

  // Signed out and in again with the password: removing the app needs the second factor, given by the passkey.
  await page.locator('gemeng-login').getByRole('button', { name: 'Se déconnecter' }).click();
  await confirmLogout(page);
  account = await signInToAccount(page, email);
  await account.getByRole('button', { name: 'Supprimer l’application d’authentification' }).click();
  await stepUp(page, account);
  await page.getByRole('button', { name: 'Confirmer avec une clé d’accès' }).click();
  account = page.locator('gemeng-account');
  await backWithTwoFactors(page, account);
  await account.getByRole('button', { name: 'Supprimer l’application d’authentification' }).click();
  await expect(account.getByText('L’application d’authentification a été supprimée.')).toBeVisible();

  // Everything is in the account's activity, which nobody can edit.
  const activity = account.getByRole('table', { name: 'Activité du compte' });
  await expect(activity.getByRole('cell', { name: 'Second facteur ajouté' })).toHaveCount(2);
  await expect(activity.getByRole('cell', { name: 'Second facteur supprimé' })).toHaveCount(1);
  await expect(
    account.getByRole('table', { name: 'Sessions' }).getByRole('cell', { name: 'Deux facteurs' }),
  ).not.toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an agent issues a code card; its holder steps up with two printed cells, which are then used up', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const stack = oidcStack();
  const dudelange = demoCommuneId('dudelange');
  const citizen = await createPerson(stack, { name: 'Marc Hoffmann' });
  const agent = await signedInPerson(stack, { roles: [{ communeId: dudelange, role: 'agent' }] });
  const issued = await graphql<{ codeCardIssue: { serial: string; pdfBase64: string } }>(
    stack,
    'mutation ($input: CodeCardIssueInput!) { codeCardIssue(input: $input) { serial pdfBase64 } }',
    { input: { communeId: dudelange, email: citizen.email } },
    agent.accessToken,
  );
  const card = issued.body.data?.codeCardIssue;
  if (!card) throw new Error(`the agent could not issue a card: ${JSON.stringify(issued.body)}`);
  const codes = codesOfCard(Buffer.from(card.pdfBase64, 'base64'));
  expect(codes).toHaveLength(50);

  let account = await signInToAccount(page, citizen.email, citizen.password);
  await expect(account.getByText(card.serial)).toBeVisible();
  await expect(account.getByText('50 sur 50')).toBeVisible();

  // With a card, adding an authenticator app needs it: two cells of the printed card.
  await account.getByRole('button', { name: 'Configurer une application d’authentification' }).click();
  await stepUp(page, account);
  const prompt = (await page.getByText(/Saisissez les codes des cases/).textContent()) ?? '';
  const [a = '', b = ''] = prompt.match(/cases ([A-J][1-5]) et ([A-J][1-5])/)?.slice(1) ?? [];
  expect(prompt).toContain(`n° ${card.serial}`);
  const cell = (name: string) => codes[(name.charCodeAt(0) - 65) * 5 + Number(name.slice(1)) - 1] ?? '';
  await page.getByLabel(`Case ${a}`).fill(cell(a));
  await page.getByLabel(`Case ${b}`).fill(cell(b));
  await page.getByRole('button', { name: 'Confirmer' }).first().click();
  account = page.locator('gemeng-account');
  await backWithTwoFactors(page, account);
  await expect(account.getByText('48 sur 50')).toBeVisible();
  await account.getByRole('button', { name: 'Configurer une application d’authentification' }).click();
  await expect(account.getByRole('img', { name: 'Code QR pour l’application d’authentification' })).toBeVisible();
});
