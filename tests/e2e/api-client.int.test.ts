/**
 * A third-party application: registered by the syndicate, it gets an access token with the client credentials
 * grant from identity's OpenID Connect provider and queries the graph through the router.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createApiClient } from '../../subgraphs/identity/src/oidc/api-clients.ts';
import { startStack } from '../support/stack.ts';

let stack: Awaited<ReturnType<typeof startStack>>;
let client: { clientId: string; secret: string };

beforeAll(async () => {
  stack = await startStack({ target: inject('postgresTarget'), postgresUrl: inject('postgresUrl'), shell: false });
  const db = createDb(stack.databaseUrls.identity);
  client = await createApiClient(db, 'Agenda app');
  await db.$disconnect();
});
afterAll(() => stack?.stop());

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
