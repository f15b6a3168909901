/**
 * The rules a citizen meets: two factors for a substantial procedure (RFC 9470 step-up), a stale version is a
 * conflict, a move the table does not allow is refused, bad answers are named by path and leave nothing
 * half-written, references stay gapless under concurrent submissions, a fee writes exactly one event, and
 * reading many applications with their histories costs a constant number of SQL statements.
 */
import { fileURLToPath } from 'node:url';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../src/db.ts';
import {
  applicationsCommune,
  codeOf,
  headersOf,
  mutate,
  openDb,
  type TestCommune,
  VALID_ANSWERS,
} from './applications-fixtures.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let issuer: TestIssuer;
let procedures: TestSubgraph;
let db: Db;
let commune: TestCommune;
let citizen: Record<string, string>;
const year = new Date().getFullYear();

beforeAll(async () => {
  delete process.env.SMTP_URL; // no relay: these tests are about the data
  issuer = await startTestIssuer();
  procedures = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = openDb(procedures.databaseUrl);
  commune = await applicationsCommune(db, 'RUL');
  citizen = await headersOf(issuer, { sub: 'citizen-anna', name: 'Anna Schmit', email: 'anna@example.lu' });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await procedures?.stop();
  await issuer?.stop();
});

async function draft(headers = citizen, kind: 'simple' | 'fee' | 'strong' = 'simple') {
  const started = await mutate(
    procedures,
    'applicationStart',
    { communeId: commune.communeId, procedureCode: codeOf(commune, kind) },
    headers,
  );
  if (!started.application) throw new Error(JSON.stringify(started));
  return started.application;
}

describe('applications: the rules', () => {
  it('asks a one-factor caller to step up for a substantial procedure, and lets a two-factor one start', async () => {
    const start = `mutation ($input: ApplicationStartInput!) { applicationStart(input: $input) { __typename } }`;
    const input = { communeId: commune.communeId, procedureCode: codeOf(commune, 'strong') };
    const low = await procedures.query(start, { input }, citizen);
    expect(low.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INSUFFICIENT_USER_AUTHENTICATION',
      acr_values: 'substantial',
    });
    const strong = await headersOf(issuer, {
      sub: 'citizen-anna',
      name: 'Anna Schmit',
      email: 'anna@example.lu',
      acr: 'substantial',
    });
    expect((await procedures.query(start, { input }, strong)).body.data).toEqual({
      applicationStart: { __typename: 'ApplicationStartPayload' },
    });
    const anonymous = await procedures.query(start, { input });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('asks for the second factor again at every act on a substantial application, not only at its start', async () => {
    const strong = await headersOf(issuer, {
      sub: 'citizen-cleo',
      name: 'Cleo',
      email: 'cleo@example.lu',
      acr: 'substantial',
    });
    const application = await draft(strong, 'strong');
    const low = await headersOf(issuer, { sub: 'citizen-cleo', name: 'Cleo', email: 'cleo@example.lu' });
    const { id, version } = application;
    for (const [mutation, input] of [
      ['applicationSave', { id, version, answers: {} }],
      ['applicationSubmit', { id, version }],
      ['applicationWithdraw', { id, version }],
    ] as const) {
      const type = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Input`;
      const { body } = await procedures.query(
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { __typename } }`,
        { input },
        low,
      );
      expect(body.errors?.[0]?.extensions, mutation).toMatchObject({
        code: 'INSUFFICIENT_USER_AUTHENTICATION',
        acr_values: 'substantial',
      });
    }
    expect(await db.application.findUnique({ where: { id } })).toMatchObject({ state: 'DRAFT', version });
  });

  it('answers a stale version with a conflict and an illegal move with a transition error, in the caller’s language', async () => {
    const application = await draft(
      await headersOf(issuer, { sub: 'citizen-ben', name: 'Ben', email: 'ben@example.lu' }),
    );
    const ben = await headersOf(issuer, { sub: 'citizen-ben', name: 'Ben', email: 'ben@example.lu' }, 'de');
    await mutate(procedures, 'applicationSave', { id: application.id, version: 1, answers: VALID_ANSWERS }, ben);
    const stale = await mutate(procedures, 'applicationSave', { id: application.id, version: 1, answers: {} }, ben);
    expect(stale).toMatchObject({ __typename: 'ApplicationConflictError', currentVersion: 2 });
    expect(stale.message).toContain('Version 2');

    const withdrawDraft = await mutate(procedures, 'applicationWithdraw', { id: application.id, version: 2 }, ben);
    expect(withdrawDraft).toMatchObject({ __typename: 'ApplicationTransitionError', from: 'DRAFT', to: 'WITHDRAWN' });
    expect(withdrawDraft.message).toContain('„Entwurf (nicht eingereicht)“');

    await mutate(procedures, 'applicationSubmit', { id: application.id, version: 2 }, ben);
    const twice = await mutate(procedures, 'applicationSubmit', { id: application.id, version: 3 }, ben);
    expect(twice).toMatchObject({ __typename: 'ApplicationTransitionError', from: 'SUBMITTED', to: 'SUBMITTED' });
    const deleteSubmitted = await mutate(procedures, 'applicationDraftDelete', { id: application.id }, ben);
    expect(deleteSubmitted.__typename).toBe('ValidationError');
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).version).toBe(3);
  });

  it('names each bad answer by its path and writes nothing: wrong type, missing conditional answer, bad IBAN and national id', async () => {
    const application = await draft();
    const before = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    const counter = () =>
      db.referenceCounter.findUnique({ where: { communeId_year: { communeId: commune.communeId, year } } });
    const counterBefore = await counter();

    const wrongType = await mutate(
      procedures,
      'applicationSave',
      { id: application.id, version: before.version, answers: { ...VALID_ANSWERS, count: 'two' } },
      citizen,
    );
    expect(wrongType.__typename).toBe('ValidationError');
    expect(wrongType.problems?.map((p) => p.field)).toEqual(['answers.count']);
    const notObject = await mutate(
      procedures,
      'applicationSave',
      { id: application.id, version: before.version, answers: ['a'] },
      citizen,
    );
    expect(notObject).toMatchObject({ __typename: 'ValidationError', field: 'answers' });

    const bad = { name: 'Anna Schmit', hasDog: true, iban: 'LU28 0019 4006 4475 0001', nationalId: '1983121512345' };
    const saved = await mutate(
      procedures,
      'applicationSave',
      { id: application.id, version: before.version, answers: bad },
      citizen,
    );
    expect(saved.__typename).toBe('ApplicationSavePayload'); // a draft keeps what was typed
    const submitted = await mutate(
      procedures,
      'applicationSubmit',
      { id: application.id, version: before.version + 1 },
      citizen,
    );
    expect(submitted.__typename).toBe('ValidationError');
    expect(submitted.problems?.map((p) => p.field)).toEqual(['answers.chip', 'answers.iban', 'answers.nationalId']);
    expect(submitted.problems?.every((p) => p.message.length > 10)).toBe(true);

    const after = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ state: 'DRAFT', reference: null, version: before.version + 1, submittedAt: null });
    expect(await db.applicationHistory.count({ where: { applicationId: application.id } })).toBe(1);
    expect(await counter()).toEqual(counterBefore);
  });

  it('gives 20 concurrent submissions the next 20 references without a gap, a refused one taking none', async () => {
    const people = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        headersOf(issuer, { sub: `citizen-c${i}`, name: `Person ${i}`, email: `p${i}@example.lu` }),
      ),
    );
    const drafts = await Promise.all(people.map((headers) => draft(headers)));
    await Promise.all(
      drafts.map((application, i) =>
        mutate(
          procedures,
          'applicationSave',
          { id: application.id, version: 1, answers: i === 20 ? { name: 'No IBAN' } : VALID_ANSWERS },
          people[i] ?? {},
        ),
      ),
    );
    const counter = await db.referenceCounter.findUnique({
      where: { communeId_year: { communeId: commune.communeId, year } },
    });
    const before = counter?.last ?? 0;
    const results = await Promise.all(
      drafts.map((application, i) =>
        mutate(procedures, 'applicationSubmit', { id: application.id, version: 2 }, people[i] ?? {}),
      ),
    );
    expect(results.filter((r) => r.__typename === 'ValidationError')).toHaveLength(1);
    const references = results.flatMap((r) => (r.application?.reference ? [r.application.reference] : [])).sort();
    expect(references).toEqual(
      Array.from({ length: 20 }, (_, i) => `RUL-${year}-${String(before + i + 1).padStart(6, '0')}`),
    );
  });

  it('writes one procedures.fee-due event with a submission that has a fee, and none without', async () => {
    const fee = await draft(citizen, 'fee');
    await mutate(procedures, 'applicationSave', { id: fee.id, version: 1, answers: VALID_ANSWERS }, citizen);
    const submitted = await mutate(procedures, 'applicationSubmit', { id: fee.id, version: 2 }, citizen);
    const events = await db.outboxEvent.findMany({ where: { type: 'procedures.fee-due' } });
    const mine = events.filter((event) => (event.payload as { applicationId: string }).applicationId === fee.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.payload).toMatchObject({
      reference: submitted.application?.reference,
      amountCents: 1500,
      currency: 'EUR',
      payerId: 'citizen-anna',
      procedureCode: codeOf(commune, 'fee'),
    });
    const free = events.filter(
      (event) => (event.payload as { procedureCode: string }).procedureCode !== codeOf(commune, 'fee'),
    );
    expect(free).toEqual([]);
  });

  it('reads my applications with their histories and messages in a constant number of SQL statements', async () => {
    const query = `{ myApplications { id reference history { toState } messages { body } procedure { code } formVersion } }`;
    const count = async (headers: Record<string, string>) => {
      const { body, headers: answer } = await procedures.query<{ myApplications: unknown[] }>(query, {}, headers);
      return { rows: body.data?.myApplications.length, statements: answer.get('x-gemeng-sql-statements') };
    };
    const few = await headersOf(issuer, { sub: 'citizen-few', name: 'Few', email: 'few@example.lu' });
    const many = await headersOf(issuer, { sub: 'citizen-many', name: 'Many', email: 'many@example.lu' });
    await draft(few);
    for (const kind of ['simple', 'fee'] as const) await draft(many, kind);
    const one = await count(few);
    const two = await count(many);
    expect([one.rows, two.rows]).toEqual([1, 2]);
    expect(two.statements).toBe(one.statements);
  });
});
