/**
 * "Sudo mode" in <gemeng-account>: a change of second factors needs one entered in the last 10 minutes. Within
 * that time the change goes through; 11 minutes later (the session's sign-in time rewound in identity's database,
 * see tests/support/sessions.ts) the widget asks for the second factor again in a popup, and once it is answered
 * the change the person asked for completes, without a second click. And the passkey form has its options
 * before the click, so that the browser's ceremony runs inside it (Safari allows it nowhere else).
 */
import { expect, type Page, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { createPerson } from '../support/oidc.ts';
import { ageSessions } from '../support/sessions.ts';
import { enrolmentCode } from '../support/totp.ts';
import { signInToAccount, watchErrors } from './citizen.ts';
import { oidcStack, routerUrl, shellUrl } from './env.ts';
import { ACCOUNT_FR, addVirtualAuthenticator, answerWithTotp, FORMS_FR, openStepUp } from './step-up.ts';

test.use({ locale: 'fr-LU' });

/** The notice of a change that needs a second factor entered in the last 10 minutes. */
const RECENT_NOTICE = FORMS_FR.stepUpRecent.replace('{minutes}', '10');

/** The GraphQL operations the page sends to the router, in order (by their operation name). */
function watchOperations(page: Page): string[] {
  const operations: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(routerUrl())) return;
    const query = String((request.postDataJSON() as { query?: unknown } | null)?.query ?? '');
    operations.push(/^(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous');
  });
  return operations;
}

test('a factor change after 11 minutes asks for the second factor again, then completes without a second click', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stack = oidcStack();
  const person = await createPerson(stack, { name: 'Jeanne Reuter' });
  const errors = watchErrors(page, shellUrl());
  await addVirtualAuthenticator(page);
  const operations = watchOperations(page);
  const account = await signInToAccount(page, person.email, person.password, 'security');

  // The first second factor needs only the password.
  await account.getByRole('button', { name: ACCOUNT_FR.totpSetUp }).click();
  const secret = ((await account.locator('[part="totp-secret"]').textContent()) ?? '').replace(/\s/g, '');
  const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  await account.getByLabel(ACCOUNT_FR.totpCode).fill(await enrolmentCode(app));
  await account.getByRole('button', { name: ACCOUNT_FR.totpConfirm }).click();
  await account.getByRole('button', { name: ACCOUNT_FR.recoveryDone }).click();
  await expect(account.getByText(ACCOUNT_FR.totpOn)).toBeVisible();

  // Adding a passkey now needs the app's code: asked in a popup, after which the passkey is added.
  await account.getByLabel(ACCOUNT_FR.passkeyNameLabel).fill('Portable de Jeanne');
  await account.getByRole('button', { name: ACCOUNT_FR.addPasskey }).click();
  const first = await openStepUp(page, account, RECENT_NOTICE);
  await answerWithTotp(first, app.generate());
  await expect(account.getByText('La clé d’accès « Portable de Jeanne » a été ajoutée.')).toBeVisible();
  await expect(account.getByText(ACCOUNT_FR.levelSubstantial, { exact: true })).toBeVisible();

  // 11 minutes later: the session is still two-factor, but its second factor is too old for a factor change.
  expect(await ageSessions(stack.databaseUrls.identity, person.id, 11)).toBeGreaterThan(0);
  const removalsBefore = operations.filter((name) => name === 'TotpRemove').length;
  await account.getByRole('button', { name: ACCOUNT_FR.totpRemove }).click();
  const second = await openStepUp(page, account, RECENT_NOTICE);
  // The next 30-second step: identity accepts each step of the app once.
  await answerWithTotp(second, app.generate({ timestamp: Date.now() + 30_000 }));

  // Done without clicking "remove" again: the widget sent the same mutation with the new token.
  await expect(account.getByText(ACCOUNT_FR.totpRemoved)).toBeVisible();
  await expect(account.getByText(ACCOUNT_FR.totpOff)).toBeVisible();
  expect(operations.filter((name) => name === 'TotpRemove').length - removalsBefore).toBe(2);
  const activity = account.getByRole('table', { name: ACCOUNT_FR.logHeading });
  await expect(activity.getByRole('cell', { name: ACCOUNT_FR.kindFactorRemoved })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the passkey options are fetched before the click, so that the browser creates the passkey inside it', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const stack = oidcStack();
  const person = await createPerson(stack, { name: 'Paul Kieffer' });
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  // Records, in the page, the GraphQL requests, the clicks and the calls of navigator.credentials.create.
  await page.addInitScript(() => {
    const events: string[] = [];
    (window as unknown as { gemengTestEvents: string[] }).gemengTestEvents = events;
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      let operation = String(input); // the provider's endpoints send forms, not GraphQL
      try {
        const query = String(JSON.parse(String(init?.body)).query ?? '');
        operation = /^(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? operation;
      } catch {}
      events.push(`fetch ${operation}`);
      return fetch(input, init);
    };
    const credentials = navigator.credentials;
    const create = credentials.create.bind(credentials);
    credentials.create = (options) => {
      events.push(`create ${navigator.userActivation.isActive ? 'with' : 'without'} user activation`);
      return create(options);
    };
    document.addEventListener('click', () => events.push('click'), true);
  });
  const account = await signInToAccount(page, person.email, person.password, 'security');
  const form = account.locator('[part="passkeys"] form');
  await expect(form).toHaveAttribute('data-options', 'ready');

  await account.getByLabel(ACCOUNT_FR.passkeyNameLabel).fill('Clé de Paul');
  await account.getByRole('button', { name: ACCOUNT_FR.addPasskey }).click();
  await expect(account.getByText('La clé d’accès « Clé de Paul » a été ajoutée.')).toBeVisible();

  const events = await page.evaluate(() => (window as unknown as { gemengTestEvents: string[] }).gemengTestEvents);
  const click = events.lastIndexOf('click');
  const create = events.findIndex((event) => event.startsWith('create'));
  expect(events.slice(0, click)).toContain('fetch PasskeyRegisterStart');
  // Between the click and the ceremony: no request at all, and the click's user activation still there.
  expect(events.slice(click, create + 1)).toEqual(['click', 'create with user activation']);
  expect(events.slice(create + 1)).toContain('fetch PasskeyRegisterFinish');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  // The next options were asked for at once; with a passkey now, signed in with the password alone, identity
  // wants the second factor first (the next click asks for it).
  await expect(form).toHaveAttribute('data-options', 'failed');
});
