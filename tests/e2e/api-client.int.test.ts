/**
 * A third-party application: registered by the syndicate or by a developer for themselves, it gets an access token with the client credentials
 * grant from identity's OpenID Connect provider and queries the graph through the router.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createApiClient } from '../../subgraphs/identity/src/oidc/api-clients.ts';
import { graphql, signedInPerson } from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();
let client: { clientId: string; secret: string };

beforeAll(async () => {
  const db = createDb(stack.databaseUrls.identity);
  client = await createApiClient(db, 'Agenda app');
  await db.$disconnect();
});

async function clientCredentialsToken(): Promise<string> {
  const response = await fetch(`${stack.oidcIssuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'graph.read' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('a third-party application', () => {
  it('gets a token with its client credentials and queries the graph with it', async () => {
    const accessToken = await clientCredentialsToken();
    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        query: '{ commune(slug: "hesperange") { name(lang: lb) upcomingEvents(first: 1) { title } } }',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { commune: { name: string; upcomingEvents: unknown[] } } };
    expect(body.data.commune).toMatchObject({ name: 'Hesper' });
    expect(body.data.commune.upcomingEvents).toHaveLength(1);
  });
});

describe('a developer', () => {
  const CREATE = `mutation ($name: String!) { apiClientCreate(input: { name: $name }) {
    __typename ... on ApiClientCreatePayload { clientSecret apiClient { clientId } } ... on ValidationError { field message } } }`;
  const ROTATE = `mutation ($id: ID!) { apiClientRotateSecret(input: { clientId: $id }) {
    __typename ... on ApiClientRotateSecretPayload { clientSecret } } }`;
  const REVOKE = `mutation ($id: ID!) { apiClientRevoke(input: { clientId: $id }) {
    __typename ... on ApiClientRevokePayload { apiClient { clientId revokedAt } } } }`;
  type Created = { apiClientCreate: { __typename: string; clientSecret: string; apiClient: { clientId: string } } };

  it('registers their own applications (up to five active), sees them, and alone may change them', async () => {
    const developer = await signedInPerson(stack);
    const other = await signedInPerson(stack);
    const ids: string[] = [];
    for (const name of ['Agenda 1', 'Agenda 2', 'Agenda 3', 'Agenda 4', 'Agenda 5']) {
      const created = await graphql<Created>(stack, CREATE, { name }, developer.accessToken);
      expect(created.body.data?.apiClientCreate.__typename).toBe('ApiClientCreatePayload');
      ids.push(created.body.data?.apiClientCreate.apiClient.clientId ?? '');
    }
    const sixth = await graphql(stack, CREATE, { name: 'Agenda 6' }, developer.accessToken);
    expect(sixth.body.data).toEqual({
      apiClientCreate: {
        __typename: 'ValidationError',
        field: 'name',
        message: 'Vous avez déjà 5 applications actives : révoquez d’abord celle dont vous n’avez plus besoin.',
      },
    });

    // Another person can neither rotate nor revoke them, and does not see them.
    const [first = ''] = ids;
    expect((await graphql(stack, ROTATE, { id: first }, other.accessToken)).body.data).toEqual({
      apiClientRotateSecret: { __typename: 'NotFoundError' },
    });
    expect((await graphql(stack, REVOKE, { id: first }, other.accessToken)).body.data).toEqual({
      apiClientRevoke: { __typename: 'NotFoundError' },
    });
    const theirs = await graphql<{ me: { apiClients: unknown[] } }>(
      stack,
      '{ me { apiClients { clientId } } }',
      undefined,
      other.accessToken,
    );
    expect(theirs.body.data?.me.apiClients).toEqual([]);

    // The owner revokes one, which makes room for another, and rotates a secret that then works.
    const revoked = await graphql(stack, REVOKE, { id: first }, developer.accessToken);
    expect(revoked.body.data).toMatchObject({ apiClientRevoke: { __typename: 'ApiClientRevokePayload' } });
    const again = await graphql<Created>(stack, CREATE, { name: 'Agenda 6' }, developer.accessToken);
    expect(again.body.data?.apiClientCreate.__typename).toBe('ApiClientCreatePayload');
    const rotated = await graphql<{ apiClientRotateSecret: { clientSecret: string } }>(
      stack,
      ROTATE,
      { id: ids[1] },
      developer.accessToken,
    );
    client = { clientId: ids[1] ?? '', secret: rotated.body.data?.apiClientRotateSecret.clientSecret ?? '' };
    expect((await clientCredentialsToken()).length).toBeGreaterThan(100);

    const mine = await graphql<{ me: { apiClients: { clientId: string; revokedAt: string | null }[] } }>(
      stack,
      '{ me { apiClients { clientId revokedAt } } }',
      undefined,
      developer.accessToken,
    );
    expect(mine.body.data?.me.apiClients).toHaveLength(6);
    expect(mine.body.data?.me.apiClients.filter((c) => c.revokedAt === null)).toHaveLength(5);
    const log = await graphql<{ me: { securityLog: { kind: string }[] } }>(
      stack,
      '{ me { securityLog { kind } } }',
      undefined,
      developer.accessToken,
    );
    expect(log.body.data?.me.securityLog.filter((e) => e.kind === 'api-client-created')).toHaveLength(6);
  });
});
