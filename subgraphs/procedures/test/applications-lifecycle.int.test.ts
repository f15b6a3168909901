/**
 * A citizen's application from start to withdrawal, as the widget drives it: the draft is resumed rather than
 * duplicated, submission gives a reference and a receipt mail with its PDF in the applicant's language, each
 * status change mails them, messages go both ways (agents' notes never to the citizen), and nobody else learns
 * that the application exists.
 */
import { fileURLToPath } from 'node:url';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../../scripts/mail-catcher.ts';
import { closeApplicationMailer } from '../src/applications/mails.ts';
import type { Db } from '../src/db.ts';
import {
  applicationsCommune,
  codeOf,
  headersOf,
  mutate,
  openDb,
  type Person,
  type TestCommune,
  VALID_ANSWERS,
} from './applications-fixtures.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let issuer: TestIssuer;
let procedures: TestSubgraph;
let mail: MailCatcher;
let db: Db;
let commune: TestCommune;
let other: TestCommune;
let citizen: Record<string, string>;
let stranger: Record<string, string>;
let agent: Record<string, string>;
let foreignAgent: Record<string, string>;

const mady: Person = { sub: 'citizen-mady', name: 'Mady Muller', email: 'mady@example.lu', locale: 'fr' };

beforeAll(async () => {
  mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  process.env.SMTP_URL = mail.smtpUrl;
  process.env.GEMENG_PORTAL_ORIGINS = 'https://portal.example.lu';
  issuer = await startTestIssuer();
  procedures = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = openDb(procedures.databaseUrl);
  commune = await applicationsCommune(db, 'LCY');
  other = await applicationsCommune(db, 'LCZ');
  citizen = await headersOf(issuer, mady, 'en');
  stranger = await headersOf(issuer, { sub: 'citizen-jang', name: 'Jang Thill', email: 'jang@example.lu' });
  agent = await headersOf(issuer, {
    sub: 'agent-jos',
    name: 'Jos Weber',
    email: 'jos@example.lu',
    acr: 'substantial', // agents read and write applicants' data with two factors
    roles: [{ communeId: commune.communeId, role: 'agent' }],
  });
  foreignAgent = await headersOf(issuer, {
    sub: 'agent-paul',
    name: 'Paul Elsewhere',
    email: 'paul@example.lu',
    roles: [{ communeId: other.communeId, role: 'agent' }],
  });
}, 120_000);

afterAll(async () => {
  await closeApplicationMailer();
  await db?.$disconnect();
  await procedures?.stop();
  await issuer?.stop();
  await mail?.close();
});

const APPLICATION = `query ($id: ID!) {
  application(id: $id) {
    id state reference version applicantName overdue expectedDecisionOn draftExpiresAt formVersion
    procedure { code }
    history { actorName actorRole fromState toState reason }
    messages { body authorRole internal }
  }
}`;

type Detail = {
  application: {
    id: string;
    state: string;
    reference: string | null;
    version: number;
    history: {
      actorName: string;
      actorRole: string;
      fromState: string | null;
      toState: string;
      reason: string | null;
    }[];
    messages: { body: string; authorRole: string; internal: boolean }[];
  } | null;
};

describe('applications: a citizen’s lifecycle', () => {
  it('starts a draft, resumes it instead of duplicating it, saves, submits with a reference and a receipt mail', async () => {
    const started = await mutate(
      procedures,
      'applicationStart',
      { communeId: commune.communeId, procedureCode: codeOf(commune, 'simple') },
      citizen,
    );
    expect(started.__typename).toBe('ApplicationStartPayload');
    const draft = started.application;
    expect(draft).toMatchObject({ state: 'DRAFT', reference: null, version: 1, answers: { name: 'Mady Muller' } });
    expect(Date.parse(String(draft?.draftExpiresAt)) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const again = await mutate(
      procedures,
      'applicationStart',
      { communeId: commune.communeId, procedureCode: codeOf(commune, 'simple') },
      citizen,
    );
    expect(again.application?.id).toBe(draft?.id);

    const saved = await mutate(
      procedures,
      'applicationSave',
      { id: draft?.id, version: 1, answers: { name: 'Mady Muller', iban: 'LU28' } },
      citizen,
    );
    expect(saved.application).toMatchObject({ state: 'DRAFT', version: 2 });
    await mutate(procedures, 'applicationSave', { id: draft?.id, version: 2, answers: VALID_ANSWERS }, citizen);

    const submitted = await mutate(procedures, 'applicationSubmit', { id: draft?.id, version: 3 }, citizen);
    expect(submitted.__typename).toBe('ApplicationSubmitPayload');
    const year = new Date().getFullYear();
    expect(submitted.application).toMatchObject({ state: 'SUBMITTED', reference: `LCY-${year}-000001`, version: 4 });
    expect(submitted.application?.expectedDecisionOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(submitted.application?.draftExpiresAt).toBeNull();

    // The receipt, in the applicant's language (French), with the reference, the link and the PDF.
    const receipt = await mail.waitFor('mady@example.lu', (m) => m.subject.includes(`LCY-${year}-000001`), 10_000);
    expect(receipt.subject).toBe(`Demande reçue : Démarche de test c1-simple (LCY-${year}-000001)`);
    expect(receipt.text).toContain(`https://portal.example.lu/applications/${draft?.id}`);
    expect(receipt.headers['content-type']).toContain('multipart/mixed');

    const { body } = await procedures.query<Detail>(APPLICATION, { id: draft?.id }, citizen);
    expect(body.data?.application?.history).toEqual([
      { actorName: 'Mady Muller', actorRole: 'citizen', fromState: null, toState: 'DRAFT', reason: null },
      { actorName: 'Mady Muller', actorRole: 'citizen', fromState: 'DRAFT', toState: 'SUBMITTED', reason: null },
    ]);
  });

  it('lets the citizen and the commune’s agent write to each other, hides agents’ notes from the citizen, and hides the application from everyone else', async () => {
    const id = await submittedApplication();
    expect(
      (await mutate(procedures, 'applicationMessageSend', { id, body: 'Is a copy enough?' }, citizen)).__typename,
    ).toBe('ApplicationMessageSendPayload');
    const answer = await mutate(procedures, 'applicationMessageSend', { id, body: 'Yes, a copy.' }, agent);
    expect(answer).toMatchObject({ sent: { body: 'Yes, a copy.', authorRole: 'agent' } });
    await db.applicationMessage.create({
      data: { applicationId: id, authorName: 'Jos Weber', authorRole: 'agent', internal: true, body: 'Checked.' },
    });

    const mine = await procedures.query<Detail>(APPLICATION, { id }, citizen);
    expect(mine.body.data?.application?.messages.map((m) => m.body)).toEqual(['Is a copy enough?', 'Yes, a copy.']);
    const theirs = await procedures.query<Detail>(APPLICATION, { id }, agent);
    expect(theirs.body.data?.application?.messages.map((m) => m.body)).toEqual([
      'Is a copy enough?',
      'Yes, a copy.',
      'Checked.',
    ]);

    for (const outsider of [stranger, foreignAgent]) {
      const seen = await procedures.query<Detail>(APPLICATION, { id }, outsider);
      expect(seen.body.data?.application ?? null).toBeNull();
      expect(seen.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await mutate(procedures, 'applicationMessageSend', { id, body: 'Hello' }, outsider)).__typename).toBe(
        'NotFoundError',
      );
      expect((await mutate(procedures, 'applicationWithdraw', { id, version: 3 }, outsider)).__typename).toBe(
        'NotFoundError',
      );
    }
  });

  it('withdraws a submitted application with a status mail in the applicant’s language, and lists it among mine', async () => {
    const id = await submittedApplication();
    const withdrawn = await mutate(
      procedures,
      'applicationWithdraw',
      { id, version: 3, reason: 'Plus nécessaire' },
      citizen,
    );
    expect(withdrawn.application).toMatchObject({ state: 'WITHDRAWN', version: 4 });
    const status = await mail.waitFor('mady@example.lu', (m) => m.subject.includes('retirée'), 10_000);
    expect(status.text).toContain('Motif indiqué : Plus nécessaire');

    const { body } = await procedures.query<{ myApplications: { id: string; state: string }[] }>(
      '{ myApplications { id state } }',
      {},
      citizen,
    );
    expect(body.data?.myApplications[0]).toEqual({ id, state: 'WITHDRAWN' });
    const strangers = await procedures.query<{ myApplications: unknown[] }>('{ myApplications { id } }', {}, stranger);
    expect(strangers.body.data?.myApplications).toEqual([]);
  });

  it('deletes a draft with everything in it, for its applicant only', async () => {
    const started = await mutate(
      procedures,
      'applicationStart',
      { communeId: commune.communeId, procedureCode: codeOf(commune, 'fee') },
      citizen,
    );
    const id = started.application?.id;
    expect((await mutate(procedures, 'applicationDraftDelete', { id }, stranger)).__typename).toBe('NotFoundError');
    expect(await mutate(procedures, 'applicationDraftDelete', { id }, citizen)).toEqual({
      __typename: 'ApplicationDraftDeletePayload',
      deletedId: id,
    });
    expect(await db.application.findUnique({ where: { id } })).toBeNull();
  });
});

/** A fresh submitted application of Mady's (version 3: started, saved, submitted). */
async function submittedApplication(): Promise<string> {
  const started = await mutate(
    procedures,
    'applicationStart',
    { communeId: commune.communeId, procedureCode: codeOf(commune, 'simple') },
    citizen,
  );
  const id = started.application?.id ?? '';
  await mutate(procedures, 'applicationSave', { id, version: 1, answers: VALID_ANSWERS }, citizen);
  const submitted = await mutate(procedures, 'applicationSubmit', { id, version: 2 }, citizen);
  expect(submitted.application?.state).toBe('SUBMITTED');
  return id;
}
