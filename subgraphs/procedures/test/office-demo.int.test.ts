/**
 * The demo applications the demo agent finds at the first start: Dudelange's, from the demo citizen, in the
 * states an inbox has (one overdue, one waiting for information with its request), answers of the right types
 * for their forms, and seeding again changes nothing.
 */
import { fileURLToPath } from 'node:url';
import { type FormDefinition, validateAnswers } from '@gemeng/forms';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemoApplications } from '../prisma/seed-applications.ts';
import type { Db } from '../src/db.ts';
import { inboxPage } from '../src/office/inbox.ts';
import { openDb } from './office-fixtures.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let procedures: TestSubgraph;
let db: Db;

beforeAll(async () => {
  procedures = await startTestSubgraph(dir, inject('postgresUrl'));
  db = openDb(procedures.databaseUrl);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await procedures?.stop();
});

describe('demo applications', () => {
  it('gives Dudelange’s inbox four applications of the demo citizen, once however often it is seeded', async () => {
    await seedDemoApplications(db);
    await seedDemoApplications(db);
    const page = await inboxPage(db, demoCommuneId('dudelange'), { first: 25 });
    const rows = page.edges.map((edge) => edge.node);
    expect(rows.map((row) => row.state)).toEqual(['SUBMITTED', 'NEEDS_INFO', 'IN_REVIEW', 'SUBMITTED']);
    expect(new Set(rows.map((row) => row.applicantName))).toEqual(new Set(['Mady Muller']));
    expect(rows.map((row) => row.reference)).toEqual(rows.map(() => expect.stringMatching(/^DUD-\d{4}-\d{6}$/)));
    expect(await page.totalCount()).toBe(4);
    const overdue = await inboxPage(db, demoCommuneId('dudelange'), { first: 25, filter: { overdue: true } });
    expect(overdue.edges.map((edge) => edge.node.id)).toEqual([rows[0]?.id]);

    const waiting = rows[1];
    const messages = await db.applicationMessage.findMany({ where: { applicationId: waiting?.id } });
    expect(messages).toMatchObject([{ internal: false, authorName: 'Jos Weber' }]);
    expect(await db.applicationHistory.count({ where: { applicationId: waiting?.id } })).toBe(3);
    expect(waiting?.version).toBe(3);

    for (const row of rows) {
      const form = await db.formVersion.findUniqueOrThrow({ where: { id: row.formVersionId } });
      const answers = row.answers as Record<string, unknown>;
      expect(
        validateAnswers(form.definition as unknown as FormDefinition, answers, { lang: 'en', mode: 'draft' }),
      ).toEqual([]);
    }
  });
});
