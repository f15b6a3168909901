/**
 * GDPR through the router: a citizen downloads everything the platform holds about them (identity's export
 * and the part of every other subgraph, through federation), then erases the account; the other subgraphs
 * receive `identity.user-erased` through the transactional outbox and record it once.
 */
import { describe, expect, it } from 'vitest';
import { createDb as billingDb } from '../../subgraphs/billing/src/db.ts';
import { createDb as cultureDb } from '../../subgraphs/culture/src/db.ts';
import { createDb as identityDb } from '../../subgraphs/identity/src/db.ts';
import { createDb as proceduresDb } from '../../subgraphs/procedures/src/db.ts';
import { eventIdsOnStream } from '../support/nats-events.ts';
import { type GraphQLResult, graphql, signedInPerson, signIn } from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();

const EXPORT = `{
  personalDataExport
  me { id personalDataProcedures personalDataCulture personalDataBilling }
}`;

const ERASE = `mutation ($input: AccountEraseInput!) {
  accountErase(input: $input) {
    __typename
    ... on AccountErasePayload { erasedUserId }
    ... on ValidationError { field message }
  }
}`;

interface Section {
  subgraph: string;
  holds: string[];
  data: Record<string, unknown>;
}

describe('personal data', () => {
  it('a citizen downloads what identity and every other subgraph hold about them', async () => {
    const citizen = await signedInPerson(stack, { name: 'Anna Export' });
    // As a developer, the citizen registered an application: its registration is theirs, its secret never shows.
    const app = await graphql<{ apiClientCreate: { clientSecret: string; apiClient: { clientId: string } } }>(
      stack,
      'mutation { apiClientCreate(input: { name: "Anna’s agenda" }) { ... on ApiClientCreatePayload { clientSecret apiClient { clientId } } } }',
      undefined,
      citizen.accessToken,
    );
    const { clientSecret, apiClient } = app.body.data?.apiClientCreate ?? {
      clientSecret: '?',
      apiClient: { clientId: '?' },
    };
    const result = await graphql<{
      personalDataExport: Section;
      me: { id: string } & Record<string, Section>;
    }>(stack, EXPORT, undefined, citizen.accessToken);
    expect(result.body.errors).toBeUndefined();
    const identity = result.body.data?.personalDataExport;
    expect(identity?.subgraph).toBe('identity');
    expect(identity?.data.profile).toMatchObject({ id: citizen.id, email: citizen.email, name: 'Anna Export' });
    expect(identity?.holds).toEqual(expect.arrayContaining(['profile', 'roles', 'factors', 'securityLog']));
    expect(identity?.data.securityLog).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'login' })]));
    expect(identity?.data.apiClients).toEqual([
      {
        name: 'Anna’s agenda',
        clientId: apiClient.clientId,
        scopes: ['graph.read'],
        createdAt: expect.any(String),
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(identity)).not.toMatch(/argon2|passwordHash|secretHash/);
    expect(JSON.stringify(identity)).not.toContain(clientSecret);
    const me = result.body.data?.me;
    // procedures names what it can hold (this person has applied for nothing); the others hold nothing personal yet
    expect(me?.personalDataProcedures).toMatchObject({
      subgraph: 'procedures',
      holds: ['applications', 'messages', 'attachments'],
    });
    for (const [field, subgraph] of [
      ['personalDataCulture', 'culture'],
      ['personalDataBilling', 'billing'],
    ] as const) {
      expect(me?.[field]).toMatchObject({ subgraph, holds: [], data: {} });
    }
  });

  it('is only for the person: anonymous callers are told to sign in', async () => {
    const result = await graphql(stack, '{ personalDataExport }');
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe(`erasing the account (domain events on ${stack.eventBus === 'nats' ? 'NATS JetStream' : 'the local bus'})`, () => {
  it('asks for the password again', async () => {
    const citizen = await signedInPerson(stack);
    const wrong = await graphql<{ accountErase: { __typename: string; field: string } }>(
      stack,
      ERASE,
      { input: { password: 'not the password at all' } },
      citizen.accessToken,
    );
    expect(wrong.body.data?.accountErase).toMatchObject({ __typename: 'ValidationError', field: 'password' });
    const me = await graphql<{ me: { id: string } | null }>(stack, '{ me { id } }', undefined, citizen.accessToken);
    expect(me.body.data?.me?.id).toBe(citizen.id);
  });

  it('deletes the account, ends its sign-ins, and every other subgraph handles the event once', async () => {
    const citizen = await signedInPerson(stack);
    const before = identityDb(stack.databaseUrls.identity);
    const sessions = await before.oidcPayload
      .count({ where: { payload: { path: ['accountId'], equals: citizen.id } } })
      .finally(() => before.$disconnect());
    expect(sessions).toBeGreaterThan(0); // the sign-in left a session, a grant, a refresh token
    const erased = await graphql<{ accountErase: { __typename: string; erasedUserId: string } }>(
      stack,
      ERASE,
      { input: { password: citizen.password } },
      citizen.accessToken,
    );
    expect(erased.body.data?.accountErase).toEqual({ __typename: 'AccountErasePayload', erasedUserId: citizen.id });

    // The access token is a JWT that stays valid until it expires, but it reaches nothing any more: nothing at
    // all once the router's poll of the revocation list (20 s) saw the ended sessions, before that no person.
    const reachesNothing = (result: GraphQLResult, field: string) => {
      if (result.status === 401) expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      else expect(result.body.data?.[field]).toBeNull();
    };
    reachesNothing(await graphql(stack, '{ me { id } }', undefined, citizen.accessToken), 'me');
    reachesNothing(
      await graphql(stack, '{ personalDataExport }', undefined, citizen.accessToken),
      'personalDataExport',
    );
    await expect(signIn(stack, citizen.email, citizen.password)).rejects.toThrow(/sign-in of .* failed/);

    const identity = identityDb(stack.databaseUrls.identity);
    try {
      expect(await identity.user.count({ where: { id: citizen.id } })).toBe(0);
      expect(
        await identity.oidcPayload.count({ where: { payload: { path: ['accountId'], equals: citizen.id } } }),
      ).toBe(0);
      // the security log keeps its entries (art. 6(1)(e) with art. 32, one year), with the erased id
      const log = await identity.securityEvent.findMany({ where: { userId: citizen.id } });
      expect(log.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['login', 'account-erased']));
      const event = await identity.outboxEvent.findFirstOrThrow({
        where: { type: 'identity.user-erased', payload: { path: ['userId'], equals: citizen.id } },
      });

      const consumers = {
        procedures: proceduresDb(stack.databaseUrls.procedures),
        culture: cultureDb(stack.databaseUrls.culture),
        billing: billingDb(stack.databaseUrls.billing),
      };
      try {
        const deadline = Date.now() + 20_000;
        const processed = async () =>
          Promise.all(Object.values(consumers).map((db) => db.processedEvent.count({ where: { id: event.id } })));
        while (Date.now() < deadline && (await processed()).some((count) => count === 0)) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await processed()).toEqual([1, 1, 1]);
        // On NATS JetStream (the postgres project), the event went through identity's stream, once.
        if (stack.nats) {
          const ids = await eventIdsOnStream(stack.nats, 'identity');
          expect(ids.filter((id) => id === event.id)).toHaveLength(1);
        }
        const published = await identity.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
        expect(published.publishedAt).toBeInstanceOf(Date);
      } finally {
        await Promise.all(Object.values(consumers).map((db) => db.$disconnect()));
      }
    } finally {
      await identity.$disconnect();
    }
  });
});
