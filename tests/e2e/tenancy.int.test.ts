/**
 * The tenancy matrix: who may read or change what, through the router, with real access tokens from identity's
 * OpenID Connect provider. Each operation lists the outcome for every kind of caller; an administrator or agent
 * of commune B must never read or change commune A's data, in any subgraph. Later subgraphs add their
 * operations to OPERATIONS (a commune's applications, events, invoices, …).
 */
import { demoCommuneId, ROUTER_SECRET_HEADER } from '@gemeng/subgraph-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createDb as createProceduresDb } from '../../subgraphs/procedures/src/db.ts';
import { createTestCommune } from '../support/communes.ts';
import {
  apiClientToken,
  createPerson,
  type GraphQLResult,
  graphql,
  type Person,
  signedInPerson,
} from '../support/oidc.ts';
import { enrolSecondFactor, signedInWithSecondFactor, signInThroughPages } from '../support/second-factor.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();

const A = demoCommuneId('dudelange');
const B = demoCommuneId('hesperange');
/** A commune of this file's own: who administers it is counted below, and other files share the demo communes. */
let C: string;

const CALLERS = [
  'anonymous',
  'citizen',
  'agent of A',
  'administrator of A',
  'administrator of B',
  'operator',
  'API client',
  // An administrator of A who has a second factor but signed in with the password alone.
  'administrator of A, password only',
] as const;
type CallerName = (typeof CALLERS)[number];

/** What a caller gets: the data, a GraphQL error by code, or a typed error (its __typename) in the payload. */
type Outcome =
  | 'data'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INSUFFICIENT_USER_AUTHENTICATION'
  | 'NOT_FOUND'
  | `typed ${string}`;

interface Operation {
  name: string;
  /** Runs the operation with the caller's token; `check` then sees the state it left. */
  run(token: string | undefined): Promise<{ result: GraphQLResult; check?: (outcome: Outcome) => Promise<void> }>;
  expected: Record<CallerName, Outcome>;
}

const tokens = {} as Record<CallerName, string | undefined>;

/** Everyone who is not an administrator of A (or an operator) is refused; anonymous callers are told to sign in. */
const administratorsOfA: Record<CallerName, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  citizen: 'FORBIDDEN',
  'agent of A': 'FORBIDDEN',
  'administrator of A': 'data',
  'administrator of B': 'FORBIDDEN',
  operator: 'data',
  'API client': 'FORBIDDEN',
  'administrator of A, password only': 'data',
};

/** Privileged acts in A (roles, code cards): as above, and a password alone gets the step-up challenge. */
const privilegedInA: Record<CallerName, Outcome> = {
  ...administratorsOfA,
  'administrator of A, password only': 'INSUFFICIENT_USER_AUTHENTICATION',
};

/** Issuing code cards in A: its agents too. */
const agentsOfA: Record<CallerName, Outcome> = { ...privilegedInA, 'agent of A': 'data' };

/**
 * A's back office: its own agents and administrators, signed in with two factors (applicants' personal data: a
 * password alone gets the step-up challenge); operators are refused, they see nothing personal of any commune.
 */
const officeOfA: Record<CallerName, Outcome> = {
  ...privilegedInA,
  'agent of A': 'data',
  operator: 'FORBIDDEN',
};

function outcomeOf(result: GraphQLResult, field: string): Outcome {
  const code = result.body.errors?.[0]?.extensions?.code;
  if (code) return code as Outcome;
  const value = result.body.data?.[field] as { __typename?: string } | undefined;
  if (value?.__typename?.endsWith('Error')) return `typed ${value.__typename}`;
  return 'data';
}

async function roleOf(userId: string, communeId: string): Promise<string | null> {
  const db = createDb(stack.databaseUrls.identity);
  try {
    const row = await db.communeRole.findUnique({ where: { userId_communeId: { userId, communeId } } });
    return row?.role ?? null;
  } finally {
    await db.$disconnect();
  }
}

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
  {
    name: "read commune A's back-office inbox",
    async run(token) {
      const result = await graphql(
        stack,
        'query ($c: ID!) { officeApplications(communeId: $c, first: 5) { totalCount edges { node { id } } } }',
        { c: A },
        token,
      );
      return {
        result,
        async check(outcome) {
          if (outcome !== 'data') expect(result.body.data ?? null).toBeNull();
        },
      };
    },
    expected: officeOfA,
  },
  {
    name: 'read an application made in A',
    async run(token) {
      const id = await applicationInA();
      const result = await graphql(
        stack,
        'query ($id: ID!) { application(id: $id) { id applicantName messages { body } } }',
        { id },
        token,
      );
      return {
        result,
        async check(outcome) {
          if (outcome !== 'data') expect(result.body.data?.application ?? null).toBeNull();
        },
      };
    },
    // Another citizen, another commune's agent and operators are told it does not exist.
    expected: {
      ...officeOfA,
      citizen: 'NOT_FOUND',
      'administrator of B': 'NOT_FOUND',
      operator: 'NOT_FOUND',
    },
  },
  {
    name: 'approve an application made in A',
    async run(token) {
      const id = await applicationInA();
      const result = await graphql(
        stack,
        `mutation ($input: ApplicationApproveInput!) {
          applicationApprove(input: $input) { __typename ... on ApplicationApprovePayload { application { state } } }
        }`,
        { input: { id, version: 1 } },
        token,
      );
      return {
        result,
        async check(outcome) {
          expect(await applicationStateOf(id)).toBe(outcome === 'data' ? 'APPROVED' : 'SUBMITTED');
        },
      };
    },
    // An agent of another commune is told it does not exist (never "forbidden", which would confirm it does).
    expected: { ...officeOfA, 'administrator of B': 'typed NotFoundError' },
  },
  {
    name: 'add an internal note to an application made in A',
    async run(token) {
      const id = await applicationInA();
      const result = await graphql(
        stack,
        `mutation ($input: ApplicationNoteAddInput!) {
          applicationNoteAdd(input: $input) { __typename ... on ApplicationNoteAddPayload { note { internal } } }
        }`,
        { input: { id, body: 'Matrix note' } },
        token,
      );
      return {
        result,
        async check(outcome) {
          expect(await notesOn(id)).toBe(outcome === 'data' ? 1 : 0);
        },
      };
    },
    expected: { ...officeOfA, 'administrator of B': 'typed NotFoundError' },
  },
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

/** A submitted application in A, made directly in procedures' database (the citizen's side has its own tests). */
async function applicationInA(): Promise<string> {
  const db = createProceduresDb(stack.databaseUrls.procedures);
  try {
    const procedure = await db.communeProcedure.findFirstOrThrow({
      where: { communeId: A, enabled: true },
      include: { template: { include: { formVersions: { orderBy: { version: 'desc' }, take: 1 } } } },
    });
    const number = Math.floor(Math.random() * 1e9);
    const application = await db.application.create({
      data: {
        communeId: A,
        communeProcedureId: procedure.id,
        formVersionId: procedure.template.formVersions[0]?.id ?? '',
        applicantId: `tenancy-citizen-${number}`,
        applicantName: 'Tenancy Matrix',
        state: 'SUBMITTED',
        reference: `TNC-${number}`,
        submittedAt: new Date(),
      },
    });
    return application.id;
  } finally {
    await db.$disconnect();
  }
}

async function applicationStateOf(id: string): Promise<string | undefined> {
  const db = createProceduresDb(stack.databaseUrls.procedures);
  try {
    return (await db.application.findUnique({ where: { id } }))?.state;
  } finally {
    await db.$disconnect();
  }
}

async function notesOn(id: string): Promise<number> {
  const db = createProceduresDb(stack.databaseUrls.procedures);
  try {
    return await db.applicationMessage.count({ where: { applicationId: id, internal: true } });
  } finally {
    await db.$disconnect();
  }
}

const people = {} as Record<'administrator of C' | 'agent of C', Person & { accessToken: string }>;

beforeAll(async () => {
  C = (await createTestCommune(stack, 'Tenancy C')).id;
  // People with a role signed in with two factors (privileged acts need it), except the password-only one.
  const passwordOnly = await createPerson(stack, { roles: [{ communeId: A, role: 'administrator' }] });
  await enrolSecondFactor(stack, passwordOnly.id);
  // One after the other: on a busy machine, nine sign-ins at once can starve the database connections.
  const [citizen, agentA, adminA, adminB, operator, client, adminC, agentC, adminAPasswordOnly] = await inSequence([
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
    () => signedInWithSecondFactor(stack, { name: 'Anne Admin', roles: [{ communeId: C, role: 'administrator' }] }),
    () => signedInWithSecondFactor(stack, { name: 'Bob Agent', roles: [{ communeId: C, role: 'agent' }] }),
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
  Object.assign(people, { 'administrator of C': adminC, 'agent of C': agentC });
}, 240_000); // nine sign-ins one after the other, on a busy machine

/** Runs the steps one after the other; their results in order, typed like Promise.all's. */
async function inSequence<const T extends readonly (() => Promise<unknown>)[]>(
  steps: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

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
    const { body } = await grant(tokens['administrator of B'] ?? '', {
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
        tokens.citizen,
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
    const operator = tokens.operator;
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
        authorization: `Bearer ${tokens.operator}`,
      },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(Number(response.headers.get('x-gemeng-sql-statements'))).toBeLessThanOrEqual(2);
  });
});
