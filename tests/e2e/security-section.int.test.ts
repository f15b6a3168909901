/**
 * The security section of a person's account over the graph: sign-in sessions (listed, ended one by one), the
 * rule that once a person has a second factor, changing factors or sessions needs a two-factor sign-in, and the
 * checks on passkey registration (the ceremony itself runs in Chromium: tests/browser/security.browser.test.ts).
 */
import { decodeJwt } from 'jose';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  authorizationRequest,
  createBrowser,
  createPerson,
  followToCallback,
  graphql,
  type Person,
  redeemCode,
  signedInPerson,
} from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';
import { enrolmentCode } from '../support/totp.ts';

const stack = sharedStack();

/** Signs in through the pages with a browser of its own (a session of its own); TOTP when given. */
async function signInWith(person: Person, totp?: TOTP) {
  const browser = createBrowser(new URL(stack.oidcIssuer).origin);
  const request = authorizationRequest(stack);
  const url = new URL(request.url);
  url.searchParams.set('scope', 'openid profile email offline_access graph.read');
  url.searchParams.set('prompt', 'consent');
  if (totp) url.searchParams.set('acr_values', 'substantial');
  const start = await browser.browse(url.toString());
  let step = await browser.browse(`${start.location}/login`, { email: person.email, password: person.password });
  if (totp) step = await browser.browse(`${start.location}/second-factor`, { method: 'totp', code: totp.generate() });
  return redeemCode(stack, request, await followToCallback(browser, request, step));
}

async function refresh(refreshToken: string) {
  return fetch(`${stack.oidcIssuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'gemeng-portal' }),
  });
}

const SESSIONS = '{ me { sessions { id signedInAt expiresAt acr applications } securityLog { kind } } }';
type Sessions = {
  me: { sessions: { id: string; acr: string; applications: string[] }[]; securityLog: { kind: string }[] };
};

const REVOKE = `mutation ($input: SessionRevokeInput!) { sessionRevoke(input: $input) {
  __typename ... on SessionRevokePayload { revokedId } ... on Error { message } } }`;

describe('sign-in sessions', () => {
  it('are listed per browser, and ending one stops its refresh token but not the other', async () => {
    const person = await createPerson(stack);
    const first = await signInWith(person);
    const second = await signInWith(person);
    expect(first.refresh_token).toBeTruthy();

    const listed = await graphql<Sessions>(stack, SESSIONS, undefined, second.access_token);
    const sessions = listed.body.data?.me.sessions ?? [];
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.acr === 'low' && s.applications.includes('Gemeng'))).toBe(true);
    // The id is not the session cookie.
    expect(sessions[0]?.id).toMatch(/^[\w-]{22}$/);

    // Both began within the same second: which browser's session is ended does not matter, that only it is.
    const firstSession = sessions[1]?.id ?? '';
    const revoked = await graphql(stack, REVOKE, { input: { id: firstSession } }, second.access_token);
    expect(revoked.body.data).toEqual({
      sessionRevoke: { __typename: 'SessionRevokePayload', revokedId: firstSession },
    });

    const statuses = [
      (await refresh(first.refresh_token ?? '')).status,
      (await refresh(second.refresh_token ?? '')).status,
    ];
    expect(statuses.sort()).toEqual([200, 400]);
    const after = await graphql<Sessions>(stack, SESSIONS, undefined, second.access_token);
    expect(after.body.data?.me.sessions.map((s) => s.id)).not.toContain(firstSession);
    expect(after.body.data?.me.securityLog.map((e) => e.kind)).toContain('session-revoked');

    const again = await graphql(stack, REVOKE, { input: { id: firstSession } }, second.access_token);
    expect(again.body.data).toEqual({
      sessionRevoke: { __typename: 'NotFoundError', message: 'Cette session a déjà expiré ou été fermée.' },
    });
  });

  it('cannot be ended by another person', async () => {
    const owner = await createPerson(stack);
    const ownerTokens = await signInWith(owner);
    const [session] =
      (await graphql<Sessions>(stack, SESSIONS, undefined, ownerTokens.access_token)).body.data?.me.sessions ?? [];
    const other = await signedInPerson(stack);
    const attempt = await graphql(stack, REVOKE, { input: { id: session?.id } }, other.accessToken);
    expect(attempt.body.data).toMatchObject({ sessionRevoke: { __typename: 'NotFoundError' } });
    expect((await refresh(ownerTokens.refresh_token ?? '')).status).toBe(200);
  });
});

describe('changing second factors', () => {
  it('needs a two-factor sign-in once the person has one', async () => {
    const person = await createPerson(stack);
    const low = await signInWith(person);
    const start = await graphql<{ totpEnrolStart: { secret: string } }>(
      stack,
      'mutation { totpEnrolStart { secret } }',
      undefined,
      low.access_token,
    );
    const totp = new TOTP({ secret: Secret.fromBase32(start.body.data?.totpEnrolStart.secret ?? ''), period: 30 });
    const CONFIRM = `mutation ($input: TotpEnrolConfirmInput!) { totpEnrolConfirm(input: $input) {
      __typename ... on TotpEnrolConfirmPayload { recoveryCodes } ... on ValidationError { field message } } }`;
    const wrong = await graphql(stack, CONFIRM, { input: { code: '000000' } }, low.access_token);
    expect(wrong.body.data).toMatchObject({ totpEnrolConfirm: { __typename: 'ValidationError', field: 'code' } });
    // The first factor is added with one factor: there is nothing stronger yet.
    const confirmed = await graphql<{ totpEnrolConfirm: { recoveryCodes: string[] } }>(
      stack,
      CONFIRM,
      { input: { code: await enrolmentCode(totp) } },
      low.access_token,
    );
    expect(confirmed.body.data?.totpEnrolConfirm.recoveryCodes).toHaveLength(10);

    // Now a stolen password is not enough to add another factor, remove one, or end sessions.
    for (const mutation of [
      'mutation { totpEnrolStart { secret } }',
      'mutation { passkeyRegisterStart { options } }',
      'mutation { totpRemove { __typename } }',
      // …nor move the account to another mailbox, nor erase it.
      `mutation { emailChange(input: { newEmail: "thief@example.lu", password: "${person.password}" }) { __typename } }`,
      `mutation { accountErase(input: { password: "${person.password}" }) { __typename } }`,
    ]) {
      const refused = await graphql(stack, mutation, undefined, low.access_token);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'INSUFFICIENT_USER_AUTHENTICATION',
        acr_values: 'substantial',
      });
    }

    const high = await signInWith(person, totp);
    expect(decodeJwt(high.access_token).acr).toBe('substantial');
    const options = await graphql<{ passkeyRegisterStart: { options: Record<string, unknown> } }>(
      stack,
      'mutation { passkeyRegisterStart { options } }',
      undefined,
      high.access_token,
    );
    expect(options.body.data?.passkeyRegisterStart.options).toMatchObject({
      rp: { id: 'localhost', name: 'Gemeng' },
      user: { name: person.email },
      authenticatorSelection: { userVerification: 'required' },
    });
    const removed = await graphql(
      stack,
      'mutation { totpRemove { __typename ... on TotpRemovePayload { removed } } }',
      undefined,
      high.access_token,
    );
    expect(removed.body.data).toEqual({ totpRemove: { __typename: 'TotpRemovePayload', removed: true } });
    const me = await graphql<{ me: { totpEnabled: boolean; securityLog: { kind: string }[] } }>(
      stack,
      '{ me { totpEnabled securityLog { kind } } }',
      undefined,
      high.access_token,
    );
    expect(me.body.data?.me.totpEnabled).toBe(false);
    expect(me.body.data?.me.securityLog.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['factor-added', 'factor-removed']),
    );
  });

  it('refuses a passkey answer that is not one, and a name that is empty, saying which', async () => {
    const person = await signedInPerson(stack);
    const FINISH = `mutation ($input: PasskeyRegisterFinishInput!) { passkeyRegisterFinish(input: $input) {
      __typename ... on ValidationError { field message } } }`;
    await graphql(stack, 'mutation { passkeyRegisterStart { options } }', undefined, person.accessToken);
    const forged = await graphql(
      stack,
      FINISH,
      { input: { name: 'Laptop', response: { id: 'x', response: { clientDataJSON: 'e30' } } } },
      person.accessToken,
    );
    expect(forged.body.data).toEqual({
      passkeyRegisterFinish: {
        __typename: 'ValidationError',
        field: 'response',
        message: 'Cette demande a expiré. Veuillez recommencer.',
      },
    });
    const unnamed = await graphql(stack, FINISH, { input: { name: '  ', response: {} } }, person.accessToken);
    expect(unnamed.body.data).toMatchObject({
      passkeyRegisterFinish: { __typename: 'ValidationError', field: 'name' },
    });
  });
});

describe('the sign-in session cookie', () => {
  it('is HttpOnly and SameSite, and gets a new id at every sign-in (no session fixation)', async () => {
    const person = await createPerson(stack);
    const browser = createBrowser(new URL(stack.oidcIssuer).origin);
    const low = authorizationRequest(stack);
    const start = await browser.browse(low.url);
    const login = await browser.browse(`${start.location}/login`, { email: person.email, password: person.password });
    const lowTokens = await redeemCode(stack, low, await followToCallback(browser, low, login));
    expect(browser.setCookies.get('_session')).toMatch(/; httponly/i);
    expect(browser.setCookies.get('_session')).toMatch(/; samesite=lax/i);
    const firstId = browser.cookies.get('_session');
    expect(firstId).toBeTruthy();

    // The person adds an authenticator app, then signs in again in the same browser with it (a step-up).
    const enrolment = await graphql<{ totpEnrolStart: { secret: string } }>(
      stack,
      'mutation { totpEnrolStart { secret } }',
      undefined,
      lowTokens.access_token,
    );
    const totp = new TOTP({ secret: Secret.fromBase32(enrolment.body.data?.totpEnrolStart.secret ?? ''), period: 30 });
    await graphql(
      stack,
      'mutation ($input: TotpEnrolConfirmInput!) { totpEnrolConfirm(input: $input) { __typename } }',
      { input: { code: await enrolmentCode(totp) } },
      lowTokens.access_token,
    );
    const high = authorizationRequest(stack);
    const url = new URL(high.url);
    url.searchParams.set('acr_values', 'substantial');
    const interaction = (await browser.browse(url.toString())).location ?? '';
    const done = await browser.browse(`${interaction}/second-factor`, { method: 'totp', code: totp.generate() });
    const tokens = await redeemCode(stack, high, await followToCallback(browser, high, done));
    expect(decodeJwt(tokens.access_token).acr).toBe('substantial');
    expect(browser.cookies.get('_session')).toBeTruthy();
    expect(browser.cookies.get('_session')).not.toBe(firstId);
  });
});
