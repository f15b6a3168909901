/**
 * Recent authentication ("sudo mode", OpenID Connect max_age) through the router: access tokens carry the
 * session they belong to (`sid`), the sessions list marks "this browser", and once a person has a second factor
 * the sensitive acts need it entered in the last 10 minutes in that very session, judged by identity from the
 * stored session (so an ended session stops them at once, and `ageSessions` honestly means "11 minutes later").
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { graphql } from '../support/oidc.ts';
import { signedInWithSecondFactor, signInThroughPages } from '../support/second-factor.ts';
import { ageSessions } from '../support/sessions.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();

const SESSIONS = '{ me { sessions { id current acr } } }';
type Sessions = { me: { sessions: { id: string; current: boolean; acr: string }[] } };

const STEP_UP = { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial', max_age: 600 };

/** The sensitive acts, each as one request (the payload's typename, or the error). */
const SENSITIVE = (password: string) => ({
  totpEnrolStart: 'mutation { totpEnrolStart { secret } }',
  totpRemove: 'mutation { totpRemove { __typename } }',
  passkeyRegisterStart: 'mutation { passkeyRegisterStart { options } }',
  passkeyRemove: 'mutation { passkeyRemove(input: { id: "none" }) { __typename } }',
  emailChange: `mutation { emailChange(input: { newEmail: "elsewhere@example.lu", password: "${password}" }) { __typename } }`,
  sessionRevoke: 'mutation { sessionRevoke(input: { id: "none" }) { __typename } }',
  apiClientCreate: 'mutation { apiClientCreate(input: { name: "My app" }) { __typename } }',
  apiClientRotateSecret: 'mutation { apiClientRotateSecret(input: { clientId: "none" }) { __typename } }',
  accountErase: `mutation { accountErase(input: { password: "${password}" }) { __typename } }`,
});

describe('the session of an access token', () => {
  it('is named by `sid`, the same after a step-up in the same browser, and marked "this browser" in the list', async () => {
    const person = await signedInWithSecondFactor(stack);
    const other = await signInThroughPages(stack, person, { recoveryCode: person.recoveryCodes[0] ?? '' });
    const sid = decodeJwt(person.accessToken).sid;
    expect(sid).toEqual(expect.any(String));
    expect(decodeJwt(other.access_token).sid).not.toBe(sid);
    expect(decodeJwt(person.accessToken).auth_time).toEqual(expect.any(Number));

    const mine = await graphql<Sessions>(stack, SESSIONS, undefined, person.accessToken);
    const theirs = await graphql<Sessions>(stack, SESSIONS, undefined, other.access_token);
    const current = (result: typeof mine) => result.body.data?.me.sessions.filter((s) => s.current) ?? [];
    expect(mine.body.data?.me.sessions).toHaveLength(2);
    expect(current(mine)).toHaveLength(1);
    expect(current(theirs)).toHaveLength(1);
    expect(current(mine)[0]?.id).not.toBe(current(theirs)[0]?.id);

    // One factor first, then the second one in the same browser: one session, one sid.
    const browserPerson = await signedInWithSecondFactor(stack);
    const low = await signInThroughPages(stack, browserPerson);
    expect(decodeJwt(low.access_token).acr).toBe('low');
    const high = await signInThroughPages(stack, browserPerson, {
      browser: low.browser,
      recoveryCode: browserPerson.recoveryCodes[0] ?? '',
    });
    expect(decodeJwt(high.access_token)).toMatchObject({ acr: 'substantial', sid: decodeJwt(low.access_token).sid });
  });
});

describe('sensitive acts', () => {
  it('pass with a second factor entered just now, and are refused with max_age=600 eleven minutes later', async () => {
    const person = await signedInWithSecondFactor(stack);
    // Just signed in with two factors: creating API credentials works.
    const created = await graphql(stack, SENSITIVE(person.password).apiClientCreate, undefined, person.accessToken);
    expect(created.body.data).toEqual({ apiClientCreate: { __typename: 'ApiClientCreatePayload' } });

    expect(await ageSessions(stack.databaseUrls.identity, person.id, 11)).toBe(1);
    for (const [name, mutation] of Object.entries(SENSITIVE(person.password))) {
      const refused = await graphql(stack, mutation, undefined, person.accessToken);
      expect(refused.body.errors?.[0]?.extensions, name).toMatchObject(STEP_UP);
      expect(refused.body.errors?.[0]?.message, name).toContain('10 minutes');
    }
    // The account is untouched: still there, still with its authenticator app.
    const me = await graphql<{ me: { totpEnabled: boolean } }>(stack, '{ me { totpEnabled } }', {}, person.accessToken);
    expect(me.body.data?.me.totpEnabled).toBe(true);

    // A new two-factor sign-in is recent again.
    const again = await signInThroughPages(stack, person, { recoveryCode: person.recoveryCodes[1] ?? '' });
    const options = await graphql(stack, SENSITIVE(person.password).passkeyRegisterStart, {}, again.access_token);
    expect(options.body.errors).toBeUndefined();
  });

  it('stop at once for a session that was ended, although its access token has not expired', async () => {
    const person = await signedInWithSecondFactor(stack);
    const other = await signInThroughPages(stack, person, { recoveryCode: person.recoveryCodes[0] ?? '' });
    const listed = await graphql<Sessions>(stack, SESSIONS, undefined, other.access_token);
    const first = listed.body.data?.me.sessions.find((s) => !s.current)?.id;
    const ended = await graphql(
      stack,
      'mutation ($id: ID!) { sessionRevoke(input: { id: $id }) { __typename } }',
      { id: first },
      other.access_token,
    );
    expect(ended.body.data).toEqual({ sessionRevoke: { __typename: 'SessionRevokePayload' } });
    const refused = await graphql(stack, 'mutation { totpEnrolStart { secret } }', undefined, person.accessToken);
    expect(refused.body.data?.totpEnrolStart ?? null).toBeNull();
    // Refused by identity (the ended session's second factor no longer counts), or already by the router, whose
    // revocation poll (every 20 s on the shared platform) may have listed the ended session in between.
    const extensions = refused.body.errors?.[0]?.extensions as { code?: string } | undefined;
    if (extensions?.code === 'UNAUTHENTICATED') expect(refused.status).toBe(401);
    else expect(extensions).toMatchObject(STEP_UP);
  });

  it('are refused to a one-factor session of a person who has a second factor', async () => {
    const person = await signedInWithSecondFactor(stack);
    const low = await signInThroughPages(stack, person);
    const refused = await graphql(stack, SENSITIVE(person.password).apiClientCreate, undefined, low.access_token);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject(STEP_UP);
  });
});
