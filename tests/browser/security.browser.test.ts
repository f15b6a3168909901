/**
 * The second factors in the browser: a citizen sets up an authenticator app from <gemeng-account>, steps up
 * with it, adds a passkey (Chromium's virtual authenticator) and later steps up with the passkey; another
 * citizen gets a code card from an agent of the commune and steps up with two of its printed cells. Each step-up
 * runs in a popup, after which the change the person asked for completes by itself.
 */
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { expect, type Locator, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { createPerson, graphql } from '../support/oidc.ts';
import { signedInWithSecondFactor } from '../support/second-factor.ts';
import { enrolmentCode } from '../support/totp.ts';
import { confirmLogout, registerAndVerify, signInToAccount, watchErrors } from './citizen.ts';
import { codesOfCard } from './code-card.ts';
import { identityOrigin, newEmail, oidcStack, shellUrl } from './env.ts';
import {
  ACCOUNT_FR,
  addVirtualAuthenticator,
  answerWithTotp,
  openStepUp,
  SECOND_FACTOR_FR,
  sameAuthenticatorIn,
} from './step-up.ts';

test.use({ locale: 'fr-LU' });

/** The step-up notice: a second factor entered in the last 10 minutes. */
const NOTICE = 'confirmez votre identité';

async function signedInWithTwoFactors(account: Locator) {
  await expect(account.getByText('Connecté en deux étapes', { exact: true })).toBeVisible();
}

test('a citizen sets up an authenticator app, adds a passkey with it, and later steps up with the passkey', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const email = newEmail('lea');
  await registerAndVerify(page, request, 'Léa Weber', email);
  const errors = watchErrors(page, shellUrl());
  const authenticator = await addVirtualAuthenticator(page);
  const { cdp, authenticatorId } = authenticator;
  let account = await signInToAccount(page, email, undefined, 'security');
  await expect(account.getByRole('heading', { level: 1, name: 'Sécurité' })).toBeVisible();

  // The first second factor needs only the password: there is nothing stronger yet.
  await account.getByRole('button', { name: 'Configurer une application d’authentification' }).click();
  await expect(account.getByRole('img', { name: ACCOUNT_FR.totpQrLabel })).toBeVisible();
  const secret = ((await account.locator('[part="totp-secret"]').textContent()) ?? '').replace(/\s/g, '');
  const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  await account.getByLabel('Code de l’application').fill(await enrolmentCode(app));
  await account.getByRole('button', { name: 'Confirmer le code' }).click();
  await expect(account.locator('[part="recovery-codes"] li')).toHaveCount(10);
  await account.getByRole('button', { name: 'J’ai conservé mes codes' }).click();
  await expect(account.getByText('Une application d’authentification est configurée pour votre compte.')).toBeVisible();

  // A passkey now needs a two-factor sign-in: the widget steps up in a popup, identity asks for the app's code
  // only, and the passkey the browser made is then registered without another click.
  await account.getByLabel('Nom de la clé d’accès').fill('Portable de Léa');
  await account.getByRole('button', { name: 'Ajouter une clé d’accès' }).click();
  await answerWithTotp(await openStepUp(page, account, NOTICE), app.generate());
  await expect(account.getByText('La clé d’accès « Portable de Léa » a été ajoutée.')).toBeVisible();
  await signedInWithTwoFactors(account);
  const passkeys = account.getByRole('table', { name: 'Clés d’accès' });
  await expect(passkeys.getByRole('row')).toHaveCount(2); // header and the new passkey
  // The authenticator holds a discoverable credential for the relying party (identity's host), not the page's.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]).toMatchObject({ rpId: new URL(identityOrigin()).hostname, isResidentCredential: true });

  // Signed out and in again with the password: removing the app needs the second factor, given by the passkey.
  await page.locator('gemeng-login').getByRole('button', { name: 'Se déconnecter' }).click();
  await confirmLogout(page);
  account = await signInToAccount(page, email, undefined, 'security');
  await account.getByRole('button', { name: 'Supprimer l’application d’authentification' }).click();
  const popup = await openStepUp(page, account, NOTICE);
  await sameAuthenticatorIn(popup, authenticator); // the same laptop, in the popup's tab
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: SECOND_FACTOR_FR.passkey }).click();
  await closed;
  await expect(account.getByText('L’application d’authentification a été supprimée.')).toBeVisible();
  await signedInWithTwoFactors(account);

  // Everything is in the account's activity, which nobody can edit.
  const activity = account.getByRole('table', { name: 'Activité du compte' });
  await expect(activity.getByRole('cell', { name: 'Moyen de deuxième étape ajouté' })).toHaveCount(2);
  await expect(activity.getByRole('cell', { name: 'Moyen de deuxième étape supprimé' })).toHaveCount(1);
  await expect(
    account.getByRole('table', { name: 'Sessions' }).getByRole('cell', { name: 'Deux étapes' }),
  ).not.toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an agent issues a code card; its holder steps up with two printed cells, which are then used up', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const stack = oidcStack();
  const dudelange = demoCommuneId('dudelange');
  // Cards go to residents of the commune, from agents signed in with two factors.
  const citizen = await createPerson(stack, { name: 'Marc Hoffmann', residences: [dudelange] });
  const agent = await signedInWithSecondFactor(stack, { roles: [{ communeId: dudelange, role: 'agent' }] });
  const issued = await graphql<{ codeCardIssue: { serial: string; pdfBase64: string } }>(
    stack,
    'mutation ($input: CodeCardIssueInput!) { codeCardIssue(input: $input) { ... on CodeCardIssuePayload { serial pdfBase64 } } }',
    { input: { communeId: dudelange, email: citizen.email } },
    agent.accessToken,
  );
  const card = issued.body.data?.codeCardIssue;
  if (!card) throw new Error(`the agent could not issue a card: ${JSON.stringify(issued.body)}`);
  const codes = codesOfCard(Buffer.from(card.pdfBase64, 'base64'));
  expect(codes).toHaveLength(50);

  const account = await signInToAccount(page, citizen.email, citizen.password, 'security');
  await expect(account.getByText(card.serial)).toBeVisible();
  await expect(account.getByText('50 sur 50')).toBeVisible();

  // With a card, adding an authenticator app needs it: two cells of the printed card, in the popup; then the
  // set-up goes on by itself.
  await account.getByRole('button', { name: 'Configurer une application d’authentification' }).click();
  const popup = await openStepUp(page, account, NOTICE);
  const prompt = (await popup.getByText(/Saisissez les codes des cases/).textContent()) ?? '';
  const [a = '', b = ''] = prompt.match(/cases ([A-J][1-5]) et ([A-J][1-5])/)?.slice(1) ?? [];
  expect(prompt).toContain(`n° ${card.serial}`);
  const cell = (name: string) => codes[(name.charCodeAt(0) - 65) * 5 + Number(name.slice(1)) - 1] ?? '';
  await popup.getByLabel(`Case ${a}`).fill(cell(a));
  await popup.getByLabel(`Case ${b}`).fill(cell(b));
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Confirmer' }).first().click();
  await closed;
  await expect(account.getByRole('img', { name: ACCOUNT_FR.totpQrLabel })).toBeVisible();
  await signedInWithTwoFactors(account);
  await expect(account.getByText('48 sur 50')).toBeVisible();
});
