/**
 * Access tokens stop working at the router within a poll of identity's revocation list, not only when they
 * expire 10 minutes later: those of an ended sign-in session (sessionRevoke, erasure) and those of a revoked API
 * client. The poll runs every 2 seconds here (GEMENG_REVOCATION_POLL_SECONDS; 20 by default): in a router of this
 * file's own, in front of the shared platform's subgraphs.
 */
import { ROUTER_SECRET_HEADER } from '@gemeng/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchRouter } from '../../scripts/stack.ts';
import { createPerson, graphql, type Tokens } from '../support/oidc.ts';
import { signInThroughPages } from '../support/second-factor.ts';
import { sharedStack } from '../support/shared-stack.ts';

const shared = sharedStack();
/** The shared platform, seen through this file's router (which polls the revocation list every 2 seconds). */
let stack: typeof shared;
let router: Awaited<ReturnType<typeof launchRouter>>;

beforeAll(async () => {
  router = await launchRouter({
    port: await freePort(),
    routerSecret: shared.routerSecret,
    subgraphUrls: shared.subgraphUrls,
    corsOrigins: [],
    logDir: shared.logDir,
    logName: `router-revocation-${process.pid}`,
    env: { GEMENG_OIDC_ISSUER: shared.oidcIssuer, GEMENG_REVOCATION_POLL_SECONDS: '2' },
  });
  stack = { ...shared, routerUrl: router.url };
});
afterAll(() => router?.stop());

const ME = '{ me { id } }';
const REFUSED = {
  status: 401,
  body: {
    errors: [{ message: 'The access token is not valid: sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
  },
};

/** The router's answer to the token, asked again until it is 401 or `ms` have passed. */
async function answerWithin(token: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    const result = await graphql(stack, ME, undefined, token);
    if (result.status === 401 || Date.now() > until) return result;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the router refuses, within a poll of the revocation list', () => {
  it('the access tokens of an ended session, and only those', async () => {
    const person = await createPerson(stack);
    const first: Tokens = await signInThroughPages(stack, person);
    const second: Tokens = await signInThroughPages(stack, person);
    expect((await graphql(stack, ME, undefined, first.access_token)).status).toBe(200);

    const sessions = await graphql<{ me: { sessions: { id: string; current: boolean }[] } }>(
      stack,
      '{ me { sessions { id current } } }',
      undefined,
      second.access_token,
    );
    const other = sessions.body.data?.me.sessions.find((session) => !session.current);
    const ended = await graphql(
      stack,
      'mutation ($id: ID!) { sessionRevoke(input: { id: $id }) { __typename } }',
      { id: other?.id },
      second.access_token,
    );
    expect(ended.body.data).toEqual({ sessionRevoke: { __typename: 'SessionRevokePayload' } });

    expect(await answerWithin(first.access_token, 8000)).toEqual(REFUSED);
    const still = await graphql<{ me: { id: string } }>(stack, ME, undefined, second.access_token);
    expect(still.body.data?.me.id).toBe(person.id);
  });

  it('the access tokens of an erased account', async () => {
    const person = await createPerson(stack);
    const tokens = await signInThroughPages(stack, person);
    const erased = await graphql(
      stack,
      'mutation ($p: String!) { accountErase(input: { password: $p }) { __typename } }',
      { p: person.password },
      tokens.access_token,
    );
    expect(erased.body.data).toEqual({ accountErase: { __typename: 'AccountErasePayload' } });
    expect(await answerWithin(tokens.access_token, 8000)).toEqual(REFUSED);
  });

  it('the access tokens of a revoked API client', async () => {
    const developer = await createPerson(stack);
    const { access_token: developerToken } = await signInThroughPages(stack, developer);
    const created = await graphql<{ apiClientCreate: { clientSecret: string; apiClient: { clientId: string } } }>(
      stack,
      'mutation { apiClientCreate(input: { name: "Agenda app" }) { ... on ApiClientCreatePayload { clientSecret apiClient { clientId } } } }',
      undefined,
      developerToken,
    );
    const { clientSecret, apiClient } = created.body.data?.apiClientCreate ?? {
      clientSecret: '',
      apiClient: { clientId: '' },
    };
    const response = await fetch(`${stack.oidcIssuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${apiClient.clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'graph.read' }),
    });
    const { access_token: appToken } = (await response.json()) as Tokens;
    const communes = '{ communes { id } }';
    expect((await graphql(stack, communes, undefined, appToken)).status).toBe(200);

    const revoked = await graphql(
      stack,
      'mutation ($id: ID!) { apiClientRevoke(input: { clientId: $id }) { __typename } }',
      { id: apiClient.clientId },
      developerToken,
    );
    expect(revoked.body.data).toEqual({ apiClientRevoke: { __typename: 'ApiClientRevokePayload' } });
    expect(await answerWithin(appToken, 8000)).toEqual(REFUSED);
    // The developer's own token is not the application's.
    expect((await graphql(stack, communes, undefined, developerToken)).status).toBe(200);
  });
});

describe("identity's revocation list", () => {
  it('is served to the router alone', async () => {
    const url = new URL('/internal/revocations', stack.subgraphUrls.identity);
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { [ROUTER_SECRET_HEADER]: 'x'.repeat(43) } })).status).toBe(403);
    const listed = await fetch(url, { headers: { [ROUTER_SECRET_HEADER]: stack.routerSecret } });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toMatchObject({ now: expect.any(String), sids: expect.any(Array) });
    url.searchParams.set('since', 'yesterday');
    expect((await fetch(url, { headers: { [ROUTER_SECRET_HEADER]: stack.routerSecret } })).status).toBe(400);
  });
});
