/**
 * Keeping the catalogue: operators write templates (a changed form is a new version), a commune's administrators
 * enable and adapt procedures for their commune only; bad input gets every problem, localised, and writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../src/db.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let issuer: TestIssuer;
let procedures: TestSubgraph;
let db: Db;

beforeAll(async () => {
  issuer = await startTestIssuer();
  procedures = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = createDb(procedures.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await procedures?.stop();
  await issuer?.stop();
});

const DUDELANGE = demoCommuneId('dudelange');
const ESCH = demoCommuneId('esch-sur-alzette');

async function as(claims: Record<string, unknown>, lang = 'en') {
  const token = await issuer.mint({ sub: 'person-1', client_id: 'portal', ...claims });
  return { authorization: `Bearer ${token}`, 'accept-language': lang };
}
const operator = () => as({ gemeng_operator: true });
const administratorOf = (communeId: string, lang = 'en') =>
  as({ gemeng_roles: [{ communeId, role: 'administrator' }] }, lang);

const texts = (en: string) => ({ lb: `${en} (lb)`, fr: `${en} (fr)`, de: `${en} (de)`, en });
const field = (key: string) => ({ key, type: 'text', label: texts(key), required: true });
const template = (overrides: Record<string, unknown> = {}) => ({
  code: 'green-waste-bin',
  category: 'waste',
  title: texts('Green waste bin'),
  summary: texts('A bin for garden waste, emptied every two weeks.'),
  needs: texts('Your address.'),
  next: texts('The bin is delivered within two weeks.'),
  assurance: 'LOW',
  feeCents: 3000,
  processingDays: 10,
  minutesSaved: 20,
  channel: 'ONLINE',
  isDefault: false,
  attachments: [],
  form: { version: 1, fields: [field('street')] },
  ...overrides,
});

const UPSERT = `mutation ($input: ProcedureTemplateUpsertInput!) { procedureTemplateUpsert(input: $input) {
  __typename
  ... on ProcedureTemplateUpsertPayload { template { code formVersion isDefault title(lang: fr) } }
  ... on ValidationError { field message problems { field message } }
} }`;
const SET = `mutation ($input: CommuneProcedureSetInput!) { communeProcedureSet(input: $input) {
  __typename
  ... on CommuneProcedureSetPayload { procedure { code feeCents processingDays note } }
  ... on ValidationError { field message }
  ... on NotFoundError { message }
} }`;

type Result = { __typename: string; [key: string]: unknown };
async function upsert(input: unknown, headers: Record<string, string>) {
  return procedures.query<{ procedureTemplateUpsert: Result }>(UPSERT, { input }, headers);
}
async function set(input: unknown, headers: Record<string, string>) {
  return procedures.query<{ communeProcedureSet: Result }>(SET, { input }, headers);
}

describe('procedures: operators keep the templates', () => {
  it('creates a template, and a changed form becomes a new version while the old one stays', async () => {
    const created = await upsert(template(), await operator());
    expect(created.body.data?.procedureTemplateUpsert).toEqual({
      __typename: 'ProcedureTemplateUpsertPayload',
      template: { code: 'green-waste-bin', formVersion: 1, isDefault: false, title: 'Green waste bin (fr)' },
    });
    const same = await upsert(template({ feeCents: 3500 }), await operator());
    expect(same.body.data?.procedureTemplateUpsert).toMatchObject({ template: { formVersion: 1 } });
    const changed = await upsert(
      template({ form: { version: 1, fields: [field('street'), field('size')] } }),
      await operator(),
    );
    expect(changed.body.data?.procedureTemplateUpsert).toMatchObject({ template: { formVersion: 2 } });
    const versions = await db.formVersion.findMany({
      where: { template: { code: 'green-waste-bin' } },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => [v.version, (v.definition as { fields: unknown[] }).fields.length])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(versions[1]?.definition).toMatchObject({ version: 2 });
  });

  it('refuses a bad template with every problem, in the caller’s language, and writes nothing', async () => {
    const bad = template({
      code: 'X',
      category: 'sports',
      title: { ...texts('Title'), lb: ' ' },
      processingDays: -1,
      attachments: [{ key: 'plan', required: true, label: texts('Plan') }],
      form: { version: 1, fields: [{ key: 'doc', type: 'file', attachment: 'photo', label: texts('Photo') }] },
    });
    const { body } = await upsert(bad, await as({ gemeng_operator: true }, 'fr'));
    const result = body.data?.procedureTemplateUpsert as {
      __typename: string;
      problems: { field: string; message: string }[];
    };
    expect(result.__typename).toBe('ValidationError');
    expect(result.problems.map((p) => p.field)).toEqual(['code', 'category', 'title.lb', 'processingDays', 'form']);
    expect(result.problems[0]?.message).toMatch(/^Le code doit comporter/);
    expect(result.problems[4]?.message).toMatch(/photo/);
    expect(await db.procedureTemplate.count({ where: { code: 'X' } })).toBe(0);
  });

  it('is for operators only', async () => {
    const anonymous = await upsert(template(), {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const administrator = await upsert(template(), await administratorOf(DUDELANGE));
    expect(administrator.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('procedures: a commune’s administrators adapt its catalogue', () => {
  it('enables a procedure with the commune’s own fee and note, and puts back the template’s fee with null', async () => {
    await upsert(template({ code: 'garden-waste-bin' }), await operator());
    const enabled = await set(
      {
        communeId: DUDELANGE,
        code: 'garden-waste-bin',
        enabled: true,
        feeCents: 1500,
        note: { en: 'Only for houses.' },
      },
      await administratorOf(DUDELANGE),
    );
    expect(enabled.body.data?.communeProcedureSet).toEqual({
      __typename: 'CommuneProcedureSetPayload',
      procedure: { code: 'garden-waste-bin', feeCents: 1500, processingDays: 10, note: 'Only for houses.' },
    });
    const reset = await set(
      { communeId: DUDELANGE, code: 'garden-waste-bin', feeCents: null },
      await administratorOf(DUDELANGE),
    );
    expect(reset.body.data?.communeProcedureSet).toMatchObject({
      procedure: { feeCents: 3000, note: 'Only for houses.' },
    });
  });

  it('disables a procedure: it leaves the commune’s catalogue and only that one', async () => {
    await set({ communeId: ESCH, code: 'bulky-waste-collection', enabled: false }, await administratorOf(ESCH));
    const { body } = await procedures.query<{ _entities: { procedures: { code: string }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { procedures { code } } } }`,
      { r: [ESCH, DUDELANGE].map((id) => ({ __typename: 'Commune', id })) },
    );
    expect(body.data?._entities[0]?.procedures.map((p) => p.code)).not.toContain('bulky-waste-collection');
    expect(body.data?._entities[1]?.procedures.map((p) => p.code)).toContain('bulky-waste-collection');
  });

  it('refuses another commune’s administrator and an agent', async () => {
    const other = await set(
      { communeId: DUDELANGE, code: 'dog-registration', enabled: false },
      await administratorOf(ESCH),
    );
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const agent = await set(
      { communeId: DUDELANGE, code: 'dog-registration', enabled: false },
      await as({ gemeng_roles: [{ communeId: DUDELANGE, role: 'agent' }] }),
    );
    expect(agent.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await db.communeProcedure.count({ where: { communeId: DUDELANGE, enabled: false } })).toBe(0);
  });

  it('names a bad value or an unknown procedure, localised', async () => {
    const fee = await set(
      { communeId: DUDELANGE, code: 'dog-registration', feeCents: -5 },
      await administratorOf(DUDELANGE, 'de'),
    );
    expect(fee.body.data?.communeProcedureSet).toEqual({
      __typename: 'ValidationError',
      field: 'feeCents',
      message: 'Die Gebühr muss zwischen 0 und 1000000 Cent liegen.',
    });
    const unknown = await set(
      { communeId: DUDELANGE, code: 'no-such-thing', enabled: true },
      await administratorOf(DUDELANGE, 'lb'),
    );
    expect(unknown.body.data?.communeProcedureSet).toEqual({
      __typename: 'NotFoundError',
      message: 'Et gëtt keng Demarche mam Code „no-such-thing“: Wielt eng aus dem Katalog.',
    });
  });
});
