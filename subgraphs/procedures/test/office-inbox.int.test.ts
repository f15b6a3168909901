/**
 * The agents' inbox (`officeApplications`): only the commune's own agents read it, drafts never appear, the
 * filters and the accent-insensitive search find what agents look for, and keyset pages walk hundreds of rows
 * without a gap or a duplicate, in the same number of SQL statements whatever the page.
 */
import { fileURLToPath } from 'node:url';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../src/db.ts';
import {
  bearer,
  dayFromToday,
  insertApplications,
  type OfficeCommune,
  officeCommune,
  openDb,
} from './office-fixtures.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let issuer: TestIssuer;
let procedures: TestSubgraph;
let db: Db;
/** Many rows (pagination); a few rows (filters and search); another commune (tenancy). */
let big: OfficeCommune;
let small: OfficeCommune;
let other: OfficeCommune;
let agentOf: (commune: OfficeCommune) => Promise<Record<string, string>>;
const expectedOrder: string[] = [];
const filterIds: Record<string, string> = {};

beforeAll(async () => {
  issuer = await startTestIssuer();
  procedures = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = openDb(procedures.databaseUrl);
  big = await officeCommune(db, 'OFB');
  small = await officeCommune(db, 'OFS');
  other = await officeCommune(db, 'OFX');
  agentOf = (commune) =>
    bearer(issuer, { sub: 'agent-1', name: 'Jos Weber', roles: [{ communeId: commune.communeId, role: 'agent' }] });

  // 300 submitted applications, three per instant: the id breaks the ties.
  const specs = Array.from({ length: 300 }, (_, index) => ({
    number: 1000 + index,
    submittedAt: new Date(Date.UTC(2026, 1, 1) + Math.floor(index / 3) * 3_600_000),
    state: (['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'] as const)[index % 3],
  }));
  const ids = await insertApplications(db, big, specs);
  const rows = ids.map((id, index) => ({ id, at: specs[index]?.submittedAt.getTime() ?? 0 }));
  rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  expectedOrder.push(...rows.map((row) => row.id));
  await insertApplications(db, big, [{ state: 'DRAFT', number: 999 }]);

  const named = [
    ['zoe', { applicantName: 'Zoé Müller-Hënsel', state: 'SUBMITTED', dueOn: dayFromToday(-3) }],
    ['jerome', { applicantName: 'Jérôme Da Costa', state: 'IN_REVIEW', assigneeId: 'agent-1', dueOn: dayFromToday(5) }],
    ['anne', { applicantName: 'Anne Muller', state: 'NEEDS_INFO', assigneeId: 'agent-2', dueOn: dayFromToday(-1) }],
    ['approved', { applicantName: 'Paul Schmit', state: 'APPROVED', dueOn: dayFromToday(-10), other: true }],
    ['percent', { applicantName: '100% Fake', state: 'SUBMITTED', other: true, number: 42 }],
    ['draft', { applicantName: 'Zoé Draft', state: 'DRAFT' }],
  ] as const;
  for (const [key, spec] of named) {
    const [id] = await insertApplications(db, small, [spec]);
    filterIds[key] = id ?? '';
  }
  await insertApplications(db, other, [{ applicantName: 'Zoé Elsewhere' }]);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await procedures?.stop();
  await issuer?.stop();
});

const INBOX = `query ($c: ID!, $f: OfficeFilter, $first: Int, $after: String) {
  officeApplications(communeId: $c, filter: $f, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id reference state applicantName overdue assignee { id name } procedure { code title } } }
  }
}`;

interface Inbox {
  officeApplications: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; state: string; applicantName: string } }[];
  };
}

async function inbox(commune: OfficeCommune, variables: Record<string, unknown>, headers?: Record<string, string>) {
  return procedures.query<Inbox>(INBOX, { c: commune.communeId, ...variables }, headers ?? (await agentOf(commune)));
}

async function idsFor(filter: Record<string, unknown>): Promise<string[]> {
  const { body } = await inbox(small, { f: filter, first: 50 });
  expect(body.errors).toBeUndefined();
  return (body.data?.officeApplications.edges ?? []).map((edge) => edge.node.id);
}

const keys = (...names: string[]) => names.map((name) => filterIds[name]);

describe('office inbox: who reads it', () => {
  it('answers the commune’s agents and administrators, and refuses everyone else whatever they hold elsewhere', async () => {
    const admin = await bearer(issuer, {
      sub: 'admin-1',
      roles: [{ communeId: small.communeId, role: 'administrator' }],
    });
    expect((await inbox(small, { first: 5 }, admin)).body.data?.officeApplications.totalCount).toBe(5);

    const refused = {
      anonymous: {},
      citizen: await bearer(issuer, { sub: 'citizen-1' }),
      'agent of another commune': await agentOf(other),
      operator: await bearer(issuer, { sub: 'operator-1', operator: true }),
    };
    for (const [who, headers] of Object.entries(refused)) {
      const { body } = await inbox(small, { first: 5 }, headers);
      expect(body.data ?? null, who).toBeNull();
      expect(body.errors?.[0]?.extensions?.code, who).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});

describe('office inbox: filters and search', () => {
  it('never shows drafts, even when asked for them', async () => {
    expect(await idsFor({})).toEqual(keys('zoe', 'jerome', 'anne', 'approved', 'percent'));
    expect(await idsFor({ states: ['DRAFT'] })).toEqual([]);
    expect(await idsFor({ states: ['DRAFT', 'APPROVED'] })).toEqual(keys('approved'));
  });

  it('filters by state, procedure, assignee and lateness', async () => {
    expect(await idsFor({ states: ['SUBMITTED', 'NEEDS_INFO'] })).toEqual(keys('zoe', 'anne', 'percent'));
    expect(await idsFor({ procedureCode: 'office-other' })).toEqual(keys('approved', 'percent'));
    expect(await idsFor({ procedureCode: 'no-such-procedure' })).toEqual([]);
    expect(await idsFor({ assigneeId: 'agent-1' })).toEqual(keys('jerome'));
    expect(await idsFor({ unassigned: true })).toEqual(keys('zoe', 'approved', 'percent'));
    expect(await idsFor({ unassigned: false })).toEqual(keys('jerome', 'anne'));
    // Overdue: not decided and past the expected date; an approved application is never late.
    expect(await idsFor({ overdue: true })).toEqual(keys('zoe', 'anne'));
    expect(await idsFor({ overdue: false })).toEqual(keys('jerome', 'approved', 'percent'));
    expect(await idsFor({ overdue: true, unassigned: true, states: ['SUBMITTED'] })).toEqual(keys('zoe'));
  });

  it('searches the applicant’s name without regard to accents or case, and the reference', async () => {
    expect(await idsFor({ search: 'muller' })).toEqual(keys('zoe', 'anne'));
    expect(await idsFor({ search: 'MÜLLER' })).toEqual(keys('zoe', 'anne'));
    expect(await idsFor({ search: 'hensel' })).toEqual(keys('zoe'));
    expect(await idsFor({ search: '  jerome ' })).toEqual(keys('jerome'));
    expect(await idsFor({ search: 'ofs-2026-000042' })).toEqual(keys('percent'));
    // LIKE's wildcards are taken literally.
    expect(await idsFor({ search: '%' })).toEqual(keys('percent'));
    expect(await idsFor({ search: '_' })).toEqual([]);
    expect(await idsFor({ search: 'elsewhere' })).toEqual([]); // another commune's applicant
  });

  it('refuses a page size out of bounds and a cursor that is not one of ours, in the reader’s language', async () => {
    const headers = { ...(await agentOf(small)), 'accept-language': 'fr' };
    const tooMany = await inbox(small, { first: 500 }, headers);
    expect(tooMany.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('1 à 100'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const forged = await inbox(small, { first: 5, after: 'bm90IGEgY3Vyc29y' }, headers);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('office inbox: keyset pagination', () => {
  it('walks 300 applications oldest first, without gap or duplicate, each page in the same SQL statements', async () => {
    const seen: string[] = [];
    const statements = new Set<string | null>();
    let after: string | null = null;
    let pages = 0;
    do {
      const { body, headers } = await inbox(big, { first: 40, after });
      expect(body.errors).toBeUndefined();
      const page = body.data?.officeApplications;
      expect(page?.totalCount).toBe(300);
      seen.push(...(page?.edges ?? []).map((edge) => edge.node.id));
      statements.add(headers.get('x-gemeng-sql-statements'));
      after = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 20);
    expect(pages).toBe(8);
    expect(seen).toEqual(expectedOrder);
    expect(statements.size).toBe(1);
  });

  it('costs the same SQL statements for 1 row as for 100', async () => {
    const one = await inbox(big, { first: 1 });
    const hundred = await inbox(big, { first: 100, f: { search: 'applicant' } });
    expect(hundred.body.data?.officeApplications.edges).toHaveLength(100);
    expect(hundred.headers.get('x-gemeng-sql-statements')).toBe(one.headers.get('x-gemeng-sql-statements'));
    expect(Number(one.headers.get('x-gemeng-sql-statements'))).toBeLessThanOrEqual(6);
  });
});
