/**
 * The tenancy matrix: who may read or change what, through the router, with real access tokens from identity's
 * OpenID Connect provider. Each operation lists the outcome for every kind of caller; an administrator or agent
 * of commune B must never read or change commune A's data, in any subgraph. Identity's operations are here; each
 * later subgraph lists its own in tenancy-<subgraph>.ts (procedures: a commune's applications, …).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createTestCommune } from '../support/communes.ts';
import { apiClientToken, createPerson, graphql, signedInPerson } from '../support/oidc.ts';
import { enrolSecondFactor, signedInWithSecondFactor, signInThroughPages } from '../support/second-factor.ts';
import { sharedStack } from '../support/shared-stack.ts';
import {
  A,
  administratorsOfA,
  agentsOfA,
  B,
  CALLERS,
  type CallerName,
  inSequence,
  type Operation,
  outcomeOf,
  privilegedInA,
  roleOf,
} from './tenancy-matrix.ts';
import { PROCEDURES_OPERATIONS } from './tenancy-procedures.ts';

const stack = sharedStack();

/** A commune of the test's own, where B's administrator is an agent: roles elsewhere give nothing in A. */
let C: string;

const tokens = {} as Record<CallerName, string | undefined>;

const OPERATIONS: Operation[] = [
  {
    name: "read commune A's agents",
    async run(token) {
      const result = await graphql(
        stack,
        'query ($c: ID!) { communeAgents(communeId: $c) { userId email role } }',
        { c: A },
        token,
      );
      return {
        result,
        async check(outcome) {
          if (outcome === 'data') {
            expect(result.body.data?.communeAgents).toEqual(
              expect.arrayContaining([expect.objectContaining({ role: 'administrator' })]),
            );
          } else {
            expect(result.body.data ?? null).toBeNull(); // nothing of A leaks beside the error
          }
        },
      };
    },
    expected: administratorsOfA,
  },
  {
    name: 'grant a role in A',
    async run(token) {
      const target = await createPerson(stack);
      const result = await graphql(
        stack,
        `mutation ($input: CommuneRoleGrantInput!) {
          communeRoleGrant(input: $input) { __typename ... on CommuneRoleGrantPayload { agent { userId role } } }
        }`,
        { input: { communeId: A, email: target.email, role: 'agent' } },
        token,
      );
      return {
        result,
        async check(outcome) {
          expect(await roleOf(target.id, A)).toBe(outcome === 'data' ? 'agent' : null);
        },
      };
    },
    expected: privilegedInA,
  },
  {
    name: 'revoke a role in A',
    async run(token) {
      const target = await createPerson(stack, { roles: [{ communeId: A, role: 'agent' }] });
      const result = await graphql(
        stack,
        `mutation ($input: CommuneRoleRevokeInput!) {
          communeRoleRevoke(input: $input) { __typename ... on CommuneRoleRevokePayload { agent { userId } } }
        }`,
        { input: { communeId: A, userId: target.id } },
        token,
      );
      return {
        result,
        async check(outcome) {
          expect(await roleOf(target.id, A)).toBe(outcome === 'data' ? null : 'agent');
        },
      };
    },
    expected: privilegedInA,
  },
  {
    name: 'update their own profile',
    async run(token) {
      const result = await graphql(
        stack,
        `mutation ($input: ProfileUpdateInput!) {
          profileUpdate(input: $input) { __typename ... on ProfileUpdatePayload { user { name preferredLanguage } } }
        }`,
        { input: { name: '  Renamed Person ', preferredLanguage: 'lb' } },
        token,
      );
      return {
        result,
        async check(outcome) {
          if (outcome === 'data') {
            expect(result.body.data?.profileUpdate).toMatchObject({
              user: { name: 'Renamed Person', preferredLanguage: 'lb' },
            });
          }
        },
      };
    },
    expected: {
      anonymous: 'UNAUTHENTICATED',
      citizen: 'data',
      'agent of A': 'data',
      'administrator of A': 'data',
      'administrator of B': 'data',
      operator: 'data',
      'API client': 'FORBIDDEN',
      'administrator of A, password only': 'data',
    },
  },
  {
    name: 'register an API client',
    async run(token) {
      const result = await graphql(
        stack,
        `mutation ($input: ApiClientCreateInput!) {
          apiClientCreate(input: $input) { __typename ... on ApiClientCreatePayload { clientSecret apiClient { clientId } } }
        }`,
        { input: { name: 'Matrix app' } },
        token,
      );
      return { result };
    },
    // Any person may register applications as a developer (their own); an application may not. A person with a
    // second factor entered it in the last 10 minutes (a secret that reads the graph is a credential).
    expected: {
      anonymous: 'UNAUTHENTICATED',
      citizen: 'data',
      'agent of A': 'data',
      'administrator of A': 'data',
      'administrator of B': 'data',
      operator: 'data',
      'API client': 'FORBIDDEN',
      'administrator of A, password only': 'INSUFFICIENT_USER_AUTHENTICATION',
    },
  },
  {
    name: 'issue a code card in A to a resident of A',
    async run(token) {
      const resident = await createPerson(stack, { residences: [A] });
      const result = await graphql(stack, ISSUE_CARD, { input: { communeId: A, email: resident.email } }, token);
      return {
        result,
        async check(outcome) {
          expect(await activeCardCommune(resident.id)).toBe(outcome === 'data' ? A : null);
        },
      };
    },
    expected: agentsOfA,
  },
  {
    name: 'issue a code card in A to a resident of B',
    async run(token) {
      const resident = await createPerson(stack, { residences: [B] });
      const result = await graphql(stack, ISSUE_CARD, { input: { communeId: A, email: resident.email } }, token);
      return {
        result,
        async check() {
          expect(await activeCardCommune(resident.id)).toBeNull();
        },
      };
    },
    // Those who may issue cards in A are told the person does not live there; nobody makes a card.
    expected: {
      ...agentsOfA,
      'agent of A': 'typed NotResidentError',
      'administrator of A': 'typed NotResidentError',
      operator: 'typed NotResidentError',
    },
  },
  ...PROCEDURES_OPERATIONS,
];

const ISSUE_CARD = `mutation ($input: CodeCardIssueInput!) {
  codeCardIssue(input: $input) { __typename ... on CodeCardIssuePayload { serial } }
}`;

async function activeCardCommune(userId: string): Promise<string | null> {
  const db = createDb(stack.databaseUrls.identity);
  try {
    const card = await db.codeCard.findFirst({ where: { userId, revokedAt: null } });
    return card?.communeId ?? null;
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  C = (await createTestCommune(stack, 'Tenancy C')).id;
  // People with a role signed in with two factors (privileged acts need it), except the password-only one.
  const passwordOnly = await createPerson(stack, { roles: [{ communeId: A, role: 'administrator' }] });
  await enrolSecondFactor(stack, passwordOnly.id);
  // One after the other: on a busy machine, nine sign-ins at once can starve the database connections.
  const [citizen, agentA, adminA, adminB, operator, client, adminAPasswordOnly] = await inSequence([
    () => signedInPerson(stack),
    () => signedInWithSecondFactor(stack, { roles: [{ communeId: A, role: 'agent' }] }),
    () => signedInWithSecondFactor(stack, { roles: [{ communeId: A, role: 'administrator' }] }),
    // An administrator of B who is also an agent of C: roles elsewhere give nothing in A.
    () =>
      signedInWithSecondFactor(stack, {
        roles: [
          { communeId: B, role: 'administrator' },
          { communeId: C, role: 'agent' },
        ],
      }),
    () => signedInWithSecondFactor(stack, { operator: true }),
    () => apiClientToken(stack),
    () => signInThroughPages(stack, passwordOnly),
  ]);
  Object.assign(tokens, {
    anonymous: undefined,
    citizen: citizen.accessToken,
    'agent of A': agentA.accessToken,
    'administrator of A': adminA.accessToken,
    'administrator of B': adminB.accessToken,
    operator: operator.accessToken,
    'API client': client.accessToken,
    'administrator of A, password only': adminAPasswordOnly.access_token,
  });
}, 240_000); // seven sign-ins one after the other, on a busy machine

describe('tenancy: who may do what, through the router', () => {
  const cases = OPERATIONS.flatMap((operation) =>
    CALLERS.map((caller) => ({ operation, caller, expected: operation.expected[caller] })),
  );
  it.each(cases)('$operation.name as $caller: $expected', async ({ operation, caller, expected }) => {
    const { result, check } = await operation.run(tokens[caller]);
    expect(result.status).toBe(200);
    const field = Object.keys(result.body.data ?? {})[0] ?? '';
    expect(outcomeOf(result, field), JSON.stringify(result.body)).toBe(expected);
    await check?.(expected);
  });
});
