/**
 * What happens to applications without anyone asking: a draft about to expire gets one reminder mail (saying it
 * was not submitted), an expired draft is deleted; and for the person's rights, the export holds their
 * applications, messages and documents' metadata, and erasure deletes drafts and pseudonymises what the commune
 * keeps.
 */
import { fileURLToPath } from 'node:url';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../../scripts/mail-catcher.ts';
import { ERASED_NAME, eraseApplicant } from '../src/applications/erasure.ts';
import { closeApplicationMailer } from '../src/applications/mails.ts';
import type { Db } from '../src/db.ts';
import { deleteExpiredDrafts, remindDrafts } from '../src/maintenance.ts';
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
let mail: MailCatcher;
let db: Db;
let commune: TestCommune;
const DAY = 86_400_000;

beforeAll(async () => {
  mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  process.env.SMTP_URL = mail.smtpUrl;
  issuer = await startTestIssuer();
  procedures = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = openDb(procedures.databaseUrl);
  commune = await applicationsCommune(db, 'HKP');
}, 120_000);

afterAll(async () => {
  await closeApplicationMailer();
  await db?.$disconnect();
  await procedures?.stop();
  await issuer?.stop();
  await mail?.close();
});

async function start(headers: Record<string, string>, kind: 'simple' | 'fee' = 'simple') {
  const result = await mutate(
    procedures,
    'applicationStart',
    { communeId: commune.communeId, procedureCode: codeOf(commune, kind) },
    headers,
  );
  return result.application?.id ?? '';
}

describe('applications: housekeeping and personal data', () => {
  it('reminds once, 7 days before a draft expires, in the applicant’s language, then deletes it when it expires', async () => {
    const lea = await headersOf(issuer, { sub: 'citizen-lea', name: 'Léa', email: 'lea@example.lu', locale: 'lb' });
    const id = await start(lea);
    const expiresAt = (await db.application.findUniqueOrThrow({ where: { id } })).draftExpiresAt ?? new Date();

    expect(await db.$transaction((tx) => remindDrafts(tx, new Date(expiresAt.getTime() - 8 * DAY)))).toBe(0);
    const inReminderWindow = new Date(expiresAt.getTime() - 6 * DAY);
    expect(await db.$transaction((tx) => remindDrafts(tx, inReminderWindow))).toBe(1);
    expect(await db.$transaction((tx) => remindDrafts(tx, inReminderWindow))).toBe(0);
    const reminder = await mail.waitFor('lea@example.lu', (m) => m.subject.startsWith('Nach net ofginn'), 10_000);
    expect(reminder.text).toContain('D’Gemeng huet se net kritt');

    expect(await db.$transaction((tx) => deleteExpiredDrafts(tx, new Date(expiresAt.getTime() - DAY)))).toBe(0);
    expect(await db.$transaction((tx) => deleteExpiredDrafts(tx, new Date(expiresAt.getTime() + 1000)))).toBe(1);
    expect(await db.application.findUnique({ where: { id } })).toBeNull();
  });

  it('exports the person’s applications, messages and documents’ metadata, to them alone', async () => {
    const tom = await headersOf(issuer, { sub: 'citizen-tom', name: 'Tom Reuter', email: 'tom@example.lu' });
    const id = await start(tom);
    await mutate(procedures, 'applicationSave', { id, version: 1, answers: VALID_ANSWERS }, tom);
    await mutate(procedures, 'applicationSubmit', { id, version: 2 }, tom);
    await mutate(procedures, 'applicationMessageSend', { id, body: 'Thanks' }, tom);
    await db.attachment.create({
      data: {
        applicationId: id,
        kind: 'photo',
        fileName: 'photo.png',
        mediaType: 'image/png',
        size: 10,
        sha256: 'a'.repeat(64),
        storageKey: `applications/${id}/x`,
      },
    });
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { personalDataProcedures } } }`;
    const { body } = await procedures.query<{
      _entities: { personalDataProcedures: string | Record<string, unknown> }[];
    }>(query, { r: [{ __typename: 'User', id: 'citizen-tom' }] }, tom);
    const exported = JSON.stringify(body.data?._entities[0]?.personalDataProcedures);
    expect(exported).toContain(id);
    expect(exported).toContain('Thanks');
    expect(exported).toContain('photo.png');
    const other = await headersOf(issuer, { sub: 'citizen-eve', name: 'Eve', email: 'eve@example.lu' });
    const refused = await procedures.query(query, { r: [{ __typename: 'User', id: 'citizen-tom' }] }, other);
    expect(JSON.stringify(refused.body)).not.toContain(id);
  });

  it('erases a person: drafts deleted, submitted applications withdrawn and pseudonymised, kept for the commune', async () => {
    const max = await headersOf(issuer, { sub: 'citizen-max', name: 'Max Weis', email: 'max@example.lu' });
    const draftId = await start(max, 'fee');
    const submittedId = await start(max);
    await mutate(procedures, 'applicationSave', { id: submittedId, version: 1, answers: VALID_ANSWERS }, max);
    await mutate(procedures, 'applicationSubmit', { id: submittedId, version: 2 }, max);
    await mutate(procedures, 'applicationMessageSend', { id: submittedId, body: 'Hello' }, max);

    await db.$transaction((tx) => eraseApplicant(tx, 'citizen-max'));

    expect(await db.application.findUnique({ where: { id: draftId } })).toBeNull();
    const kept = await db.application.findUniqueOrThrow({ where: { id: submittedId } });
    expect(kept).toMatchObject({ state: 'WITHDRAWN', applicantName: ERASED_NAME, applicantEmail: null });
    expect(kept.applicantId).toMatch(/^erased:/);
    expect(kept.reference).toMatch(/^HKP-/);
    const history = await db.applicationHistory.findMany({ where: { applicationId: submittedId } });
    expect(history.map((row) => row.actorName)).not.toContain('Max Weis');
    expect(history.at(-1)).toMatchObject({ actorRole: 'system', toState: 'WITHDRAWN' });
    const messages = await db.applicationMessage.findMany({ where: { applicationId: submittedId } });
    expect(messages.map((row) => [row.authorId, row.authorName])).toEqual([[null, ERASED_NAME]]);
    expect(await db.application.count({ where: { applicantId: 'citizen-max' } })).toBe(0);
  });
});
