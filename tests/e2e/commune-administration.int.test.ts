/**
 * Commune administration and the person's own settings through the router: expected failures come back as typed
 * errors in the request language, and identity answers its reads in few SQL statements.
 */
import { ROUTER_SECRET_HEADER } from '@gemeng/subgraph-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createTestCommune } from '../support/communes.ts';
import { createPerson, graphql, type Person, signedInPerson } from '../support/oidc.ts';
import { signedInWithSecondFactor } from '../support/second-factor.ts';
import { sharedStack } from '../support/shared-stack.ts';
import { A, B, inSequence, roleOf } from './tenancy-matrix.ts';

const stack = sharedStack();

/** A commune of the test's own. */
let C: string;

const people = {} as Record<
  'administrator of C' | 'agent of C' | 'administrator of B' | 'citizen' | 'operator',
  Person & { accessToken: string }
>;

beforeAll(async () => {
  C = (await createTestCommune(stack, 'Administration C')).id;
  // One after the other: on a busy machine, sign-ins at once can starve the database connections.
  const [citizen, operator, adminC, agentC, adminB] = await inSequence([
    () => signedInPerson(stack),
    () => signedInWithSecondFactor(stack, { operator: true }),
    () => signedInWithSecondFactor(stack, { name: 'Anne Admin', roles: [{ communeId: C, role: 'administrator' }] }),
    () => signedInWithSecondFactor(stack, { name: 'Bob Agent', roles: [{ communeId: C, role: 'agent' }] }),
    // An administrator of B who is also an agent of C
    () =>
      signedInWithSecondFactor(stack, {
        roles: [
          { communeId: B, role: 'administrator' },
          { communeId: C, role: 'agent' },
        ],
      }),
  ]);
  Object.assign(people, {
    citizen,
    operator,
    'administrator of C': adminC,
    'agent of C': agentC,
    'administrator of B': adminB,
  });
}, 120_000);

describe('commune administration: expected failures come back as typed errors', () => {
  const grant = (token: string, input: Record<string, unknown>, lang = 'en') =>
    graphql<{ communeRoleGrant: Record<string, unknown> }>(
      stack,
      `mutation ($input: CommuneRoleGrantInput!) {
        communeRoleGrant(input: $input) {
          __typename
          ... on Error { message }
          ... on NoVerifiedAccountError { email }
          ... on CommuneRoleGrantPayload { agent { userId name email role grantedAt } }
        }
      }`,
      { input },
      token,
      { 'accept-language': lang },
    );
  const revoke = (token: string, input: Record<string, unknown>) =>
    graphql<{ communeRoleRevoke: Record<string, unknown> }>(
      stack,
      `mutation ($input: CommuneRoleRevokeInput!) {
        communeRoleRevoke(input: $input) { __typename ... on Error { message } ... on CommuneRoleRevokePayload { agent { userId role } } }
      }`,
      { input },
      token,
    );

  it('grants roles only to accounts with a confirmed address', async () => {
    const unverified = await createPerson(stack, { emailVerified: false });
    const admin = people['administrator of C'].accessToken;
    for (const email of [unverified.email, 'nobody.at.all@example.lu']) {
      const { body } = await grant(admin, { communeId: C, email, role: 'agent' }, 'de');
      expect(body.data?.communeRoleGrant).toMatchObject({ __typename: 'NoVerifiedAccountError', email });
      expect(body.data?.communeRoleGrant.message).toContain('Die Person muss zuerst ein Gemeng-Konto anlegen');
    }
    expect(await roleOf(unverified.id, C)).toBeNull();
  });

  it('grants, lists and revokes, with an entry in the security log for each change', async () => {
    const admin = people['administrator of C'];
    const target = await createPerson(stack, { name: 'Carla Clerk' });
    // Addresses are compared as registration stores them: trimmed, in lower case.
    const email = ` ${target.email.toUpperCase()} `;
    const granted = await grant(admin.accessToken, { communeId: C, email, role: 'agent' });
    expect(granted.body.data?.communeRoleGrant).toMatchObject({
      __typename: 'CommuneRoleGrantPayload',
      agent: { userId: target.id, name: 'Carla Clerk', email: target.email, role: 'agent' },
    });

    const list = await graphql<{ communeAgents: { name: string; role: string }[] }>(
      stack,
      'query ($c: ID!) { communeAgents(communeId: $c) { name role } }',
      { c: C },
      admin.accessToken,
    );
    expect(list.body.data?.communeAgents[0]).toEqual({ name: 'Anne Admin', role: 'administrator' });
    expect(list.body.data?.communeAgents).toEqual(
      expect.arrayContaining([
        { name: 'Bob Agent', role: 'agent' },
        { name: 'Carla Clerk', role: 'agent' },
      ]),
    );

    const revoked = await revoke(admin.accessToken, { communeId: C, userId: target.id });
    expect(revoked.body.data?.communeRoleRevoke).toMatchObject({ agent: { userId: target.id, role: 'agent' } });
    const again = await revoke(admin.accessToken, { communeId: C, userId: target.id });
    expect(again.body.data?.communeRoleRevoke).toMatchObject({ __typename: 'NotFoundError' });

    const db = createDb(stack.databaseUrls.identity);
    const events = await db.securityEvent
      .findMany({ where: { userId: target.id }, orderBy: { id: 'asc' } })
      .finally(() => db.$disconnect());
    expect(events.map(({ kind, actorId, details }) => ({ kind, actorId, details }))).toEqual([
      { kind: 'role-granted', actorId: admin.id, details: { communeId: C, role: 'agent' } },
      { kind: 'role-revoked', actorId: admin.id, details: { communeId: C, role: 'agent' } },
    ]);
  });

  it('never removes the last administrator of a commune, by revoking or by demoting', async () => {
    const admin = people['administrator of C'];
    const revoked = await revoke(admin.accessToken, { communeId: C, userId: admin.id });
    expect(revoked.body.data?.communeRoleRevoke).toMatchObject({ __typename: 'LastAdministratorError' });
    const demoted = await grant(admin.accessToken, { communeId: C, email: admin.email, role: 'agent' }, 'fr');
    expect(demoted.body.data?.communeRoleGrant).toMatchObject({
      __typename: 'LastAdministratorError',
      message: expect.stringContaining('dernier administrateur'),
    });
    expect(await roleOf(admin.id, C)).toBe('administrator');
  });

  it('an agent of C who administers B cannot promote themselves in C', async () => {
    const { body } = await grant(people['administrator of B'].accessToken, {
      communeId: C,
      email: 'x@example.lu',
      role: 'administrator',
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('profile and API clients: typed errors in the request language', () => {
  it('refuses an empty name with a ValidationError in the language asked for', async () => {
    for (const [lang, words] of [
      ['lb', 'tëscht 1 an 100 Zeeche'],
      ['fr', 'de 1 à 100 caractères'],
      ['de', '1 bis 100 Zeichen'],
      ['en', '1 to 100 characters'],
    ] as const) {
      const { body } = await graphql(
        stack,
        `mutation { profileUpdate(input: { name: "   " }) { __typename ... on ValidationError { field message } } }`,
        {},
        people.citizen.accessToken,
        { 'accept-language': lang },
      );
      expect(body.data?.profileUpdate).toEqual({
        __typename: 'ValidationError',
        field: 'name',
        message: expect.stringContaining(words),
      });
    }
  });

  it('lets an operator register, list, rotate and revoke an API client; the secret is shown only in payloads', async () => {
    const operator = people.operator.accessToken;
    const created = await graphql<{ apiClientCreate: { clientSecret: string; apiClient: { clientId: string } } }>(
      stack,
      'mutation { apiClientCreate(input: { name: "Agenda app" }) { ... on ApiClientCreatePayload { clientSecret apiClient { clientId name } } } }',
      {},
      operator,
    );
    const { clientId } = created.body.data?.apiClientCreate.apiClient ?? { clientId: '' };
    const firstSecret = created.body.data?.apiClientCreate.clientSecret ?? '';
    expect(firstSecret.length).toBeGreaterThanOrEqual(40);

    const tokenWith = (secret: string) =>
      fetch(`${stack.oidcIssuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'graph.read' }),
      }).then((response) => response.status);
    expect(await tokenWith(firstSecret)).toBe(200);

    const rotated = await graphql<{ apiClientRotateSecret: { clientSecret: string } }>(
      stack,
      'mutation ($id: ID!) { apiClientRotateSecret(input: { clientId: $id }) { ... on ApiClientRotateSecretPayload { clientSecret } } }',
      { id: clientId },
      operator,
    );
    const secondSecret = rotated.body.data?.apiClientRotateSecret.clientSecret ?? '';
    expect(secondSecret).not.toBe(firstSecret);
    expect(await tokenWith(firstSecret)).toBe(401);
    expect(await tokenWith(secondSecret)).toBe(200);

    const list = await graphql<{ apiClients: { clientId: string; revokedAt: string | null }[] }>(
      stack,
      '{ apiClients { clientId name revokedAt } }',
      {},
      operator,
    );
    expect(list.body.data?.apiClients).toContainEqual({ clientId, name: 'Agenda app', revokedAt: null });

    const revoke =
      'mutation ($id: ID!) { apiClientRevoke(input: { clientId: $id }) { __typename ... on ApiClientRevokePayload { apiClient { revokedAt } } } }';
    const revoked = await graphql<{ apiClientRevoke: { apiClient: { revokedAt: string } } }>(
      stack,
      revoke,
      { id: clientId },
      operator,
    );
    expect(revoked.body.data?.apiClientRevoke.apiClient.revokedAt).toMatch(/^\d{4}-/);
    expect(await tokenWith(secondSecret)).toBe(401);
    const twice = await graphql(stack, revoke, { id: clientId }, operator);
    expect(twice.body.data?.apiClientRevoke).toEqual({ __typename: 'NotFoundError' });

    const short = await graphql(
      stack,
      'mutation { apiClientCreate(input: { name: "x" }) { __typename ... on ValidationError { field } } }',
      {},
      operator,
    );
    expect(short.body.data?.apiClientCreate).toEqual({ __typename: 'ValidationError', field: 'name' });
  });
});

describe('identity answers these reads in at most two SQL statements', () => {
  it.each([
    ['communeAgents', `{ communeAgents(communeId: "${A}") { userId name email role grantedAt } }`],
    ['apiClients', '{ apiClients { clientId name scopes createdAt revokedAt } }'],
  ])('%s', async (_name, query) => {
    const response = await fetch(stack.subgraphUrls.identity, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ROUTER_SECRET_HEADER]: stack.routerSecret,
        authorization: `Bearer ${people.operator.accessToken}`,
      },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(Number(response.headers.get('x-gemeng-sql-statements'))).toBeLessThanOrEqual(2);
  });
});
