/**
 * The demo people `npm start` prints (on its embedded database) sign in as printed: each with the email and
 * password from the portal's header, and those who work with two factors with the printed authenticator
 * secret on identity's pages, getting a token with their role. The list is the one `npm start` prints
 * (formatDemoPeople of DEMO_PEOPLE), seeded by the same function identity's seed calls.
 */
import { expect, test } from '@playwright/test';
import { decodeJwt } from 'jose';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { DEMO_PEOPLE, demoAuthenticator, formatDemoPeople } from '../../subgraphs/identity/src/demo/people.ts';
import { seedDemoPeople } from '../../subgraphs/identity/src/demo/seed-people.ts';
import { authorizationRequest, redeemCode } from '../support/oidc.ts';
import { IDENTITY_FR, signInToAccount, watchErrors } from './citizen.ts';
import { identityOrigin, oidcStack, shellUrl } from './env.ts';

test.use({ locale: 'fr-LU' });

test.beforeAll(async () => {
  const db = createDb(oidcStack().databaseUrls.identity);
  try {
    await seedDemoPeople(db);
  } finally {
    await db.$disconnect();
  }
});

const printed = formatDemoPeople();

for (const person of DEMO_PEOPLE) {
  test(`the ${person.label} signs in as printed`, async ({ page, browser }) => {
    test.setTimeout(90_000);
    expect(printed).toContain(person.email);
    expect(printed).toContain(`password ${person.password}`);

    // From the portal's header, with the printed password.
    const errors = watchErrors(page, shellUrl());
    const account = await signInToAccount(page, person.email, person.password);
    await expect(account.getByTestId('account-email')).toHaveText(person.email);
    await expect(account.getByTestId('account-name')).toHaveText(person.name);
    expect(errors).toEqual([]);
    if (!person.secondFactor) return;

    // Work that needs two factors: identity asks for the authenticator app, whose secret is printed (in a new
    // browser, so that the password is asked again too).
    const secret = demoAuthenticator(person.email).secret.base32;
    expect(printed).toContain(`authenticator app secret ${secret}`);
    const stack = oidcStack();
    const request = authorizationRequest(stack);
    const url = new URL(request.url);
    url.searchParams.set('acr_values', 'substantial');
    const context = await browser.newContext({ locale: 'fr-LU' });
    const fresh = await context.newPage();
    // The provider redirects to the portal's callback with the code, which this test redeems (the portal, which
    // did not start this sign-in, refuses it).
    const callbackRequest = fresh.waitForRequest((sent) => sent.url().startsWith(request.redirectUri));
    await fresh.goto(url.toString());
    await expect(fresh).toHaveURL(new RegExp(`^${identityOrigin()}/interaction/`));
    await fresh.getByLabel(IDENTITY_FR.email, { exact: true }).fill(person.email);
    await fresh.getByLabel(IDENTITY_FR.password, { exact: true }).fill(person.password);
    await fresh.getByRole('button', { name: IDENTITY_FR.signIn }).click();
    await fresh
      .getByLabel('Code de votre application d’authentification, ou un code de secours')
      .fill(demoAuthenticator(person.email).generate());
    await fresh.getByRole('button', { name: 'Confirmer' }).last().click();
    const callback = new URL((await callbackRequest).url());
    expect(callback.searchParams.get('code')).toBeTruthy();
    await context.close();

    const claims = decodeJwt((await redeemCode(stack, request, callback)).access_token);
    expect(claims.acr).toBe('substantial');
    if (person.operator) expect(claims.gemeng_operator).toBe(true);
    if (person.role) {
      expect(claims.gemeng_roles).toEqual([expect.objectContaining({ role: person.role.role })]);
    }
  });
}
