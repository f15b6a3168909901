/**
 * Recent authentication and the session's bounds, with openid-client 6 as the relying party: `max_age` (0, and
 * exceeded), the "sudo mode" re-authentication that asks a signed-in person only for the second factor, refresh
 * tokens that die with the 8-hour session, and the portal client following the communes' website origins
 * without a restart.
 */
import { randomBytes } from 'node:crypto';
import type * as oidc from 'openid-client';
import * as client from 'openid-client';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../subgraphs/identity/src/db.ts';
import { createBrowser, createPerson, GRAPH_AUDIENCE, graphql, portalRedirectUri } from '../support/oidc.ts';
import {
  answer,
  authorization,
  discover,
  redeem,
  refusal,
  signInWithPassword,
  start,
} from '../support/relying-party.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();
let config: oidc.Configuration;
let db: Db;

beforeAll(async () => {
  config = await discover(stack);
  db = createDb(stack.databaseUrls.identity);
});
afterAll(async () => {
  await db?.$disconnect();
});

const now = () => Math.floor(Date.now() / 1000);
const browserFor = () => createBrowser(new URL(stack.oidcIssuer).origin);
const passwordField = 'type="password"';

/** Moves the person's sessions back in time, as if `seconds` had passed since they authenticated. */
async function ageSession(userId: string, seconds: number) {
  await db.$executeRaw`UPDATE oidc_payload SET expires_at = expires_at - make_interval(secs => ${seconds}::double precision),
      payload = payload || jsonb_build_object('loginTs', (payload->>'loginTs')::int - ${seconds}::int,
        'iat', (payload->>'iat')::int - ${seconds}::int, 'exp', (payload->>'exp')::int - ${seconds}::int)
    WHERE model = 'Session' AND account_id = ${userId}`;
}

async function session(userId: string) {
  const row = await db.oidcPayload.findFirstOrThrow({ where: { model: 'Session', accountId: userId } });
  return { ...(row.payload as { loginTs: number; acr: string; amr: string[] }), expiresAt: row.expiresAt };
}

/** A person with a confirmed authenticator app; `code(n)` is the code n time steps from now (each step once). */
async function personWithTotp() {
  const person = await createPerson(stack);
  const secret = new Secret({ size: 20 });
  await db.totpFactor.create({ data: { userId: person.id, secret: secret.base32, confirmedAt: new Date() } });
  const totp = new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
  return { ...person, code: (step: number) => totp.generate({ timestamp: Date.now() + step * 30_000 }) };
}

describe('max_age', () => {
  it('max_age=0 asks a signed-in person to authenticate again, and with prompt=none is login_required', async () => {
    const person = await createPerson(stack);
    const browser = browserFor();
    await signInWithPassword(config, browser, await authorization(config, portalRedirectUri(stack)), person);

    const silent = await authorization(config, portalRedirectUri(stack), { max_age: '0', prompt: 'none' });
    const refused = await start(browser, silent);
    expect(await refusal(redeem(config, silent, refused.callback as URL))).toBe('login_required');

    const fresh = await authorization(config, portalRedirectUri(stack), { max_age: '0' });
    const step = await start(browser, fresh);
    expect(step.html).toContain(passwordField);
    const callback = await answer(browser, fresh, step.interaction ?? '', 'login', {
      email: person.email,
      password: person.password,
    });
    const tokens = await redeem(config, fresh, callback);
    expect(Number(tokens.claims()?.auth_time)).toBeGreaterThanOrEqual(now() - 5);
  });

  it('with a stale auth_time, the person authenticates again instead of getting a code openid-client refuses', async () => {
    const person = await createPerson(stack);
    const browser = browserFor();
    await signInWithPassword(config, browser, await authorization(config, portalRedirectUri(stack)), person);
    await ageSession(person.id, 700);

    const request = await authorization(config, portalRedirectUri(stack), { max_age: '600' });
    const step = await start(browser, request);
    expect(step.callback).toBeUndefined(); // no silent code with auth_time 700 s ago
    expect(step.html).toContain(passwordField);
    const callback = await answer(browser, request, step.interaction ?? '', 'login', {
      email: person.email,
      password: person.password,
    });
    // openid-client checks auth_time + max_age >= now (it refuses a stale one): this passes.
    const tokens = await redeem(config, request, callback);
    expect(tokens.claims()).toMatchObject({ sub: person.id, acr: 'low', amr: ['pwd'] });
  });

  it('asks a two-factor session past max_age with acr_values=substantial for the second factor only ("sudo mode")', async () => {
    const person = await personWithTotp();
    const browser = browserFor();
    const first = await authorization(config, portalRedirectUri(stack), { acr_values: 'substantial' });
    const login = await start(browser, first);
    await browser.browse(`${login.interaction}/login`, { email: person.email, password: person.password });
    const signedIn = await redeem(
      config,
      first,
      await answer(browser, first, login.interaction ?? '', 'second-factor', { method: 'totp', code: person.code(0) }),
    );
    expect(signedIn.claims()).toMatchObject({ acr: 'substantial', amr: ['pwd', 'otp', 'mfa'] });
    await ageSession(person.id, 11 * 60);

    const sudo = await authorization(config, portalRedirectUri(stack), { acr_values: 'substantial', max_age: '600' });
    const step = await start(browser, sudo);
    expect(step.html).not.toContain(passwordField);
    expect(step.html).toContain('name="method" value="totp"');
    const tokens = await redeem(
      config,
      sudo,
      await answer(browser, sudo, step.interaction ?? '', 'second-factor', { method: 'totp', code: person.code(1) }),
    );
    // acr in the ID token, auth_time the moment of the second factor, and the session's sign-in time renewed.
    const claims = tokens.claims();
    expect(claims).toMatchObject({ sub: person.id, acr: 'substantial', amr: ['pwd', 'otp', 'mfa'] });
    expect(Number(claims?.auth_time)).toBeGreaterThanOrEqual(now() - 5);
    expect(await session(person.id)).toMatchObject({ acr: 'substantial', loginTs: claims?.auth_time });
  });
});

describe('refresh tokens and the session', () => {
  /** A third-party sign-in asking for offline access (prompt=consent, as OpenID Connect Core §11 wants). */
  async function offlineSignIn() {
    const person = await createPerson(stack);
    const browser = browserFor();
    const request = await authorization(config, portalRedirectUri(stack), {
      scope: 'openid offline_access',
      prompt: 'consent',
    });
    const tokens = await signInWithPassword(config, browser, request, person);
    return { person, browser, tokens };
  }

  it('live no longer than the 8-hour session, and die when it runs out', async () => {
    const { person, browser, tokens: offline } = await offlineSignIn();
    await ageSession(person.id, 2 * 3600);
    // Signing in again silently later in the session: the session and the new refresh token end 8 h after login.
    const later = await authorization(config, portalRedirectUri(stack), { scope: 'openid offline_access' });
    const tokens = await redeem(config, later, (await start(browser, later)).callback as URL);
    const end = (await session(person.id)).loginTs + 8 * 3600;
    // An opaque refresh token is stored under its own value.
    const issued = await db.oidcPayload.findUniqueOrThrow({
      where: { model_id: { model: 'RefreshToken', id: tokens.refresh_token ?? '' } },
    });
    // Not the library's 14 days: what is left of the session (6 hours).
    expect((issued.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) / 1000).toBeGreaterThan(end - 60);
    expect((issued.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) / 1000).toBeLessThanOrEqual(end + 5);
    // The session itself ends 8 hours after the sign-in, not 8 hours after this visit.
    const sessionEnd = ((await session(person.id)).expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) / 1000;
    expect(sessionEnd).toBeLessThanOrEqual(end + 5);

    // The session runs out: its refresh tokens, offline_access included, are refused.
    await db.oidcPayload.updateMany({
      where: { model: 'Session', accountId: person.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await refusal(client.refreshTokenGrant(config, offline.refresh_token ?? ''))).toBe('invalid_grant');
    expect(await refusal(client.refreshTokenGrant(config, tokens.refresh_token ?? ''))).toBe('invalid_grant');
  });

  it('are refused with invalid_grant once the person ends the session from their account', async () => {
    const { tokens, person } = await offlineSignIn();
    await ageSession(person.id, 60); // the offline session is the older one
    const graph = await signInWithPassword(
      config,
      browserFor(),
      await authorization(config, portalRedirectUri(stack), { resource: GRAPH_AUDIENCE, scope: 'openid graph.read' }),
      person,
    );
    const list = await graphql<{ me: { sessions: { id: string; signedInAt: string }[] } }>(
      stack,
      '{ me { sessions { id signedInAt } } }',
      undefined,
      graph.access_token,
    );
    const [offline] = (list.body.data?.me.sessions ?? []).sort((a, b) => a.signedInAt.localeCompare(b.signedInAt));
    const ended = await graphql<{ sessionRevoke: { __typename: string } }>(
      stack,
      'mutation ($input: SessionRevokeInput!) { sessionRevoke(input: $input) { __typename } }',
      { input: { id: offline?.id } },
      graph.access_token,
    );
    expect(ended.body.data?.sessionRevoke.__typename).toBe('SessionRevokePayload');
    expect(await refusal(client.refreshTokenGrant(config, tokens.refresh_token ?? ''))).toBe('invalid_grant');
  });
});

describe('the portal client', () => {
  it('accepts the website of a commune added to the database without a restart, and drops it once inactive', async () => {
    const origin = `https://${randomBytes(4).toString('hex')}.commune.example`;
    const redirectUri = `${origin}/auth/callback`;
    const accepted = async () =>
      (await browserFor().browse((await authorization(config, redirectUri)).url.href)).status === 303;
    /** The provider reads the communes anew within a second. */
    const eventually = async (expected: boolean) => {
      const deadline = Date.now() + 5000;
      while ((await accepted()) !== expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      return accepted();
    };
    expect(await accepted()).toBe(false);
    const slug = `test-${randomBytes(3).toString('hex')}`;
    const names = { nameLb: slug, nameFr: slug, nameDe: slug, nameEn: slug };
    await db.commune.create({ data: { slug, ...names, population: 1000, websiteOrigins: [origin] } });
    expect(await eventually(true)).toBe(true);
    // The browser on that website may call the token endpoint (CORS follows the same list).
    const cors = await fetch(`${stack.oidcIssuer}/token`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'gemeng-portal' }),
    });
    expect(cors.headers.get('access-control-allow-origin')).toBe(origin);

    await db.commune.update({ where: { slug }, data: { active: false } });
    expect(await eventually(false)).toBe(false);
  });
});
