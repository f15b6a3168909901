/**
 * What agents do with an application: each act moves it only along the transition table, with the version the
 * agent saw (a stale one is a typed conflict, never an overwrite), only in the agent's own commune (another's is
 * "not found"), and internal notes never reach the applicant.
 */
import { fileURLToPath } from 'node:url';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../src/db.ts';
import { bearer, insertApplications, type OfficeCommune, officeCommune, openDb } from './office-fixtures.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let issuer: TestIssuer;
let procedures: TestSubgraph;
let db: Db;
let mine: OfficeCommune;
let theirs: OfficeCommune;
let agent: Record<string, string>;
let colleague: Record<string, string>;
let foreignAgent: Record<string, string>;
let applicant: Record<string, string>;

beforeAll(async () => {
  issuer = await startTestIssuer();
  procedures = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = openDb(procedures.databaseUrl);
  mine = await officeCommune(db, 'OFM');
  theirs = await officeCommune(db, 'OFT');
  const role = (commune: OfficeCommune) => [{ communeId: commune.communeId, role: 'agent' as const }];
  agent = await bearer(issuer, { sub: 'agent-jos', name: 'Jos Weber', roles: role(mine) });
  colleague = await bearer(issuer, { sub: 'agent-lea', name: 'Léa Hoffmann', roles: role(mine) });
  foreignAgent = await bearer(issuer, { sub: 'agent-paul', name: 'Paul Elsewhere', roles: role(theirs) });
  applicant = await bearer(issuer, { sub: 'citizen-mady', name: 'Mady Muller' });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await procedures?.stop();
  await issuer?.stop();
});

const submitted = async (commune = mine, state: 'SUBMITTED' | 'DRAFT' | 'APPROVED' = 'SUBMITTED') =>
  (await insertApplications(db, commune, [{ state, applicantId: 'citizen-mady', applicantName: 'Mady Muller' }]))[0] ??
  '';

type Result = { __typename: string; message?: string; application?: Record<string, unknown>; [key: string]: unknown };

async function act(name: string, input: Record<string, unknown>, headers = agent): Promise<Result> {
  const type = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const { body } = await procedures.query<Record<string, Result>>(
    `mutation ($input: ${type}Input!) {
      ${name}(input: $input) {
        __typename
        ... on Error { message }
        ... on ValidationError { field }
        ${name === 'applicationNoteAdd' ? '' : '... on ApplicationConflictError { currentVersion }'}
        ${name === 'applicationNoteAdd' || name === 'applicationAssign' ? '' : '... on ApplicationTransitionError { from to }'}
        ... on ${type}Payload { application { id state version assignee { id name } } }
      }
    }`,
    { input },
    headers,
  );
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data?.[name] as Result;
}

describe('office: state changes along the table, with the version seen', () => {
  it('starts the review (taking the application), asks for information, and the applicant sees the request', async () => {
    const id = await submitted();
    const started = await act('applicationReviewStart', { id, version: 1 });
    expect(started.application).toMatchObject({
      state: 'IN_REVIEW',
      version: 2,
      assignee: { id: 'agent-jos', name: 'Jos Weber' },
    });
    const asked = await act('applicationInfoRequest', { id, version: 2, message: 'Please add your passport.' });
    expect(asked.application).toMatchObject({ state: 'NEEDS_INFO', version: 3 });

    const history = await db.applicationHistory.findMany({ where: { applicationId: id }, orderBy: { at: 'asc' } });
    expect(
      history.map(({ actorName, actorRole, fromState, toState }) => ({ actorName, actorRole, fromState, toState })),
    ).toEqual([
      { actorName: 'Jos Weber', actorRole: 'agent', fromState: 'SUBMITTED', toState: 'IN_REVIEW' },
      { actorName: 'Jos Weber', actorRole: 'agent', fromState: 'IN_REVIEW', toState: 'NEEDS_INFO' },
    ]);
    const messages = await db.applicationMessage.findMany({ where: { applicationId: id } });
    expect(messages).toMatchObject([{ body: 'Please add your passport.', internal: false, authorRole: 'agent' }]);
  });

  it('refuses a stale version with the current one, and changes nothing', async () => {
    const id = await submitted();
    await act('applicationReviewStart', { id, version: 1 }, colleague);
    const stale = await act('applicationApprove', { id, version: 1, reason: 'All good.' });
    expect(stale).toMatchObject({ __typename: 'ApplicationConflictError', currentVersion: 2 });
    expect(stale.message).toMatch(/reload/i);
    expect(await db.application.findUnique({ where: { id } })).toMatchObject({ state: 'IN_REVIEW', version: 2 });
  });

  it('refuses a move the table does not allow, in the agent’s language', async () => {
    const id = await submitted();
    const closed = await act('applicationClose', { id, version: 1 });
    expect(closed).toMatchObject({ __typename: 'ApplicationTransitionError', from: 'SUBMITTED', to: 'CLOSED' });
    const approved = await submitted(mine, 'APPROVED');
    const again = await act(
      'applicationReviewStart',
      { id: approved, version: 1 },
      { ...agent, 'accept-language': 'de' },
    );
    expect(again).toMatchObject({ __typename: 'ApplicationTransitionError', from: 'APPROVED', to: 'IN_REVIEW' });
    expect(await db.application.findUnique({ where: { id } })).toMatchObject({ state: 'SUBMITTED', version: 1 });
  });

  it('rejects only with a reason, approves and closes with an optional one', async () => {
    const id = await submitted();
    const bare = await act(
      'applicationReject',
      { id, version: 1, reason: '  ' },
      { ...agent, 'accept-language': 'lb' },
    );
    expect(bare).toMatchObject({ __typename: 'ValidationError', field: 'reason' });
    expect(bare.message).toContain('Grond');
    const rejected = await act('applicationReject', { id, version: 1, reason: 'You do not live in the commune.' });
    expect(rejected.application).toMatchObject({ state: 'REJECTED', version: 2 });
    const closed = await act('applicationClose', { id, version: 2 });
    expect(closed.application).toMatchObject({ state: 'CLOSED', version: 3 });
    const history = await db.applicationHistory.findMany({ where: { applicationId: id }, orderBy: { at: 'asc' } });
    expect(history.map((entry) => entry.reason)).toEqual(['You do not live in the commune.', null]);

    const other = await submitted();
    expect((await act('applicationApprove', { id: other, version: 1 })).application).toMatchObject({
      state: 'APPROVED',
    });
  });
});

describe('office: assignment', () => {
  it('assigns to me by default, to nobody with null, and only to colleagues known in this office', async () => {
    const id = await submitted();
    const toMe = await act('applicationAssign', { id, version: 1 }, colleague);
    expect(toMe.application).toMatchObject({ version: 2, assignee: { id: 'agent-lea', name: 'Léa Hoffmann' } });
    const nobody = await act('applicationAssign', { id, version: 2, assigneeId: null });
    expect(nobody.application).toMatchObject({ version: 3, assignee: null });
    const toLea = await act('applicationAssign', { id, version: 3, assigneeId: 'agent-lea' });
    expect(toLea.application).toMatchObject({ assignee: { id: 'agent-lea', name: 'Léa Hoffmann' } });
    const stranger = await act('applicationAssign', { id, version: 4, assigneeId: 'agent-paul' });
    expect(stranger).toMatchObject({ __typename: 'ValidationError', field: 'assigneeId' });
    const stale = await act('applicationAssign', { id, version: 2 });
    expect(stale).toMatchObject({ __typename: 'ApplicationConflictError', currentVersion: 4 });
  });
});

describe('office: tenancy', () => {
  it('answers "not found" for another commune’s application, a draft, or no application at all', async () => {
    const elsewhere = await submitted(theirs);
    const draft = await submitted(mine, 'DRAFT');
    for (const id of [elsewhere, draft, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await act('applicationApprove', { id, version: 1 })).toMatchObject({ __typename: 'NotFoundError' });
      expect(await act('applicationNoteAdd', { id, body: 'x' })).toMatchObject({ __typename: 'NotFoundError' });
    }
    expect(await db.application.findUnique({ where: { id: elsewhere } })).toMatchObject({
      state: 'SUBMITTED',
      version: 1,
    });
    expect(await db.applicationMessage.count({ where: { applicationId: { in: [elsewhere, draft] } } })).toBe(0);
  });

  it('refuses people without any role in a commune, before looking at the id', async () => {
    const id = await submitted();
    for (const headers of [applicant, await bearer(issuer, { sub: 'operator', operator: true })]) {
      const { body } = await procedures.query(
        'mutation ($id: ID!) { applicationApprove(input: { id: $id, version: 1 }) { __typename } }',
        { id },
        headers,
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const { body } = await procedures.query(
      'mutation ($id: ID!) { applicationApprove(input: { id: $id, version: 1 }) { __typename } }',
      { id },
      { 'accept-language': 'en' },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await db.application.findUnique({ where: { id } })).toMatchObject({ state: 'SUBMITTED' });
  });

  it('asks an agent signed in with a password alone for the second factor, to read or to decide', async () => {
    const id = await submitted();
    const roles = [{ communeId: mine.communeId, role: 'agent' as const }];
    const passwordOnly = await bearer(issuer, { sub: 'agent-jos', name: 'Jos Weber', roles, acr: 'low' });
    for (const query of [
      'mutation ($id: ID!) { applicationApprove(input: { id: $id, version: 1 }) { __typename } }',
      'query ($id: ID!) { application(id: $id) { id answers } }',
    ]) {
      const { body } = await procedures.query(query, { id }, passwordOnly);
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'INSUFFICIENT_USER_AUTHENTICATION',
        acr_values: 'substantial',
      });
    }
    expect(await db.application.findUnique({ where: { id } })).toMatchObject({ state: 'SUBMITTED', version: 1 });
  });
});

describe('office: internal notes', () => {
  const READ = `query ($id: ID!) { application(id: $id) { id messages { body internal authorName authorRole } } }`;

  it('shows notes to the commune’s agents and never to the applicant', async () => {
    const id = await submitted();
    await act('applicationInfoRequest', { id, version: 1, message: 'Which floor do you live on?' });
    const { body: added } = await procedures.query<{ applicationNoteAdd: Record<string, unknown> }>(
      `mutation ($id: ID!) { applicationNoteAdd(input: { id: $id, body: "Neighbour complained before." }) {
        __typename ... on ApplicationNoteAddPayload { note { body internal authorName } application { version } } } }`,
      { id },
      agent,
    );
    expect(added.data?.applicationNoteAdd).toMatchObject({
      note: { body: 'Neighbour complained before.', internal: true, authorName: 'Jos Weber' },
      application: { version: 2 },
    });
    type Read = { application: { messages: { body: string; internal: boolean }[] } | null };
    const asAgent = await procedures.query<Read>(READ, { id }, colleague);
    expect(asAgent.body.data?.application?.messages.map((m) => [m.body, m.internal])).toEqual([
      ['Which floor do you live on?', false],
      ['Neighbour complained before.', true],
    ]);
    const asApplicant = await procedures.query<Read>(READ, { id }, applicant);
    expect(asApplicant.body.data?.application?.messages.map((m) => [m.body, m.internal])).toEqual([
      ['Which floor do you live on?', false],
    ]);
    const asForeignAgent = await procedures.query<Read>(READ, { id }, foreignAgent);
    expect(asForeignAgent.body.data?.application ?? null).toBeNull();
  });
});
