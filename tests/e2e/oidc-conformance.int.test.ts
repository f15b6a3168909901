/**
 * OpenID Connect conformance, driven by the certified relying-party library openid-client 6 as a third-party
 * developer would: discovery, Authorization Code + PKCE through the real sign-in pages, userinfo, refresh,
 * revocation, RP-initiated logout, client credentials with each authentication method discovery advertises —
 * and the spec's errors for what must be refused.
 */
import { createRemoteJWKSet, decodeJwt, generateKeyPair, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createApiClient } from '../../subgraphs/identity/src/oidc/api-clients.ts';
import { createBrowser, createPerson, GRAPH_AUDIENCE, graphql, portalRedirectUri } from '../support/oidc.ts';
import {
  authorization,
  clientOf,
  discover,
  redeem,
  refusal,
  signInWithPassword,
  start,
} from '../support/relying-party.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();
let config: oidc.Configuration;

beforeAll(async () => {
  config = await discover(stack);
});

const browserFor = () => createBrowser(new URL(stack.oidcIssuer).origin);

describe('a relying party with openid-client: Authorization Code + PKCE', () => {
  it('signs in through the pages, reads userinfo, refreshes, revokes and logs out', async () => {
    const person = await createPerson(stack, { name: 'Léonie Schmit' });
    const browser = browserFor();
    const auth = await authorization(config, portalRedirectUri(stack));
    const tokens = await signInWithPassword(config, browser, auth, person);

    // The ID token says who, how and when (OpenID Connect Core §2, RFC 8176).
    const claims = tokens.claims();
    expect(claims).toMatchObject({ sub: person.id, acr: 'low', amr: ['pwd'] });
    expect(Math.abs(Number(claims?.auth_time) - Date.now() / 1000)).toBeLessThan(60);

    // Without a resource indicator the access token is for userinfo, which answers (it refused every token).
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, person.id);
    expect(userinfo).toMatchObject({ sub: person.id, email: person.email, email_verified: true, name: person.name });

    // Refresh (rotated): a new ID token for the same person with the same sign-in time; the old one is spent.
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.claims()).toMatchObject({ sub: person.id, auth_time: claims?.auth_time });
    expect(await oidc.fetchUserInfo(config, refreshed.access_token, person.id)).toMatchObject({ sub: person.id });

    // Revocation: the refresh token stops working.
    await oidc.tokenRevocation(config, refreshed.refresh_token ?? '', { token_type_hint: 'refresh_token' });
    expect(await refusal(oidc.refreshTokenGrant(config, refreshed.refresh_token ?? ''))).toBe('invalid_grant');

    // RP-initiated logout ends the session: a silent sign-in then needs a login.
    const logout = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: `${new URL(auth.redirectUri).origin}/`,
    });
    const confirm = await browser.browse(logout.href);
    const action = confirm.html.match(/id="op.logoutForm" method="post" action="([^"]+)"/)?.[1] ?? '';
    const xsrf = confirm.html.match(/name="xsrf" value="([^"]+)"/)?.[1] ?? '';
    const done = await browser.browse(action, { xsrf, logout: 'yes' });
    expect(done.location).toBe(`${new URL(auth.redirectUri).origin}/`);
    const silent = await authorization(config, auth.redirectUri, { prompt: 'none' });
    const answer = await start(browser, silent);
    expect(await refusal(redeem(config, silent, answer.callback as URL))).toBe('login_required');
  });

  it('still gives the portal and the widgets a JWT for the graph when they ask for its resource', async () => {
    const person = await createPerson(stack);
    const auth = await authorization(config, portalRedirectUri(stack), {
      scope: 'openid profile email offline_access graph.read',
      resource: GRAPH_AUDIENCE,
      acr_values: 'low',
    });
    const tokens = await signInWithPassword(config, browserFor(), auth, person);
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${stack.oidcIssuer}/jwks`)), {
      issuer: stack.oidcIssuer,
      audience: GRAPH_AUDIENCE,
      typ: 'at+jwt',
    });
    expect(payload).toMatchObject({ sub: person.id, acr: 'low', scope: 'graph.read' });
    expect(tokens.claims()).toMatchObject({ sub: person.id, acr: 'low', amr: ['pwd'], email: person.email });
    const me = await graphql<{ me: { email: string } }>(stack, '{ me { email } }', undefined, tokens.access_token);
    expect(me.body.data?.me.email).toBe(person.email);
    // …and its refresh gives a graph JWT again.
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ aud: GRAPH_AUDIENCE, sub: person.id });
  });
});

describe('a third-party application: client credentials', () => {
  async function registered() {
    const db = createDb(stack.databaseUrls.identity);
    return createApiClient(db, 'Agenda culturel du Sud').finally(() => db.$disconnect());
  }

  it('works with every client authentication method discovery advertises, and only those', async () => {
    const advertised = config.serverMetadata().token_endpoint_auth_methods_supported ?? [];
    // client_secret_jwt needs the secret in clear and private_key_jwt registered keys: neither is offered.
    expect([...advertised].sort()).toEqual(['client_secret_basic', 'client_secret_post', 'none']);
    const app = await registered();
    const jwks = createRemoteJWKSet(new URL(`${stack.oidcIssuer}/jwks`));
    for (const method of advertised.filter((m) => m !== 'none')) {
      const auth =
        method === 'client_secret_post' ? oidc.ClientSecretPost(app.secret) : oidc.ClientSecretBasic(app.secret);
      if (method !== 'client_secret_post' && method !== 'client_secret_basic') throw new Error(`untested ${method}`);
      const tokens = await oidc.clientCredentialsGrant(clientOf(config, app.clientId, auth), { scope: 'graph.read' });
      const { payload } = await jwtVerify(tokens.access_token, jwks, {
        issuer: stack.oidcIssuer,
        audience: GRAPH_AUDIENCE,
      });
      expect(payload, method).toMatchObject({ client_id: app.clientId, scope: 'graph.read' });
    }
  });

  it('refuses a wrong secret, an unknown client and client assertions with invalid_client', async () => {
    const app = await registered();
    const grant = (clientId: string, auth: oidc.ClientAuth) =>
      refusal(oidc.clientCredentialsGrant(clientOf(config, clientId, auth), { scope: 'graph.read' }));
    expect(await grant(app.clientId, oidc.ClientSecretBasic('not-the-secret'))).toBe('invalid_client');
    expect(await grant(app.clientId, oidc.ClientSecretPost('not-the-secret'))).toBe('invalid_client');
    expect(await grant('gemeng-unknown', oidc.ClientSecretPost(app.secret))).toBe('invalid_client');
    // An assertion signed with a key that is not the application's (none is registered), or with its secret.
    const { privateKey } = await generateKeyPair('ES256');
    expect(await grant(app.clientId, oidc.PrivateKeyJwt(privateKey))).toBe('invalid_client');
    expect(await grant(app.clientId, oidc.ClientSecretJwt(app.secret))).toBe('invalid_client');
  });
});
