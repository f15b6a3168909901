import { fileURLToPath } from 'node:url';
import { demoCommuneId, demoId } from '@gemeng/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addWorkingDays, todayInLuxembourg } from '../src/catalogue/working-days.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let procedures: TestSubgraph;

beforeAll(async () => {
  procedures = await startTestSubgraph(dir, inject('postgresUrl'));
});
afterAll(() => procedures?.stop());

const commune = (slug: string) => ({ __typename: 'Commune', id: demoCommuneId(slug) });

const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Commune { id procedures { code title(lang: en) fr: title(lang: fr) } } }
}`;
type Entities = { _entities: { id: string; procedures: { code: string; title: string; fr: string }[] }[] };

const SEARCH = `query ($r: [_Any!]!, $search: String, $category: String) {
  _entities(representations: $r) { ... on Commune { procedures(search: $search, category: $category) { code category { code } } } }
}`;
type Search = { _entities: { procedures: { code: string; category: { code: string } }[] }[] };

async function search(slug: string, args: { search?: string; category?: string }): Promise<string[]> {
  const { body } = await procedures.query<Search>(SEARCH, { r: [commune(slug)], ...args });
  expect(body.errors).toBeUndefined();
  return body.data?._entities[0]?.procedures.map((p) => p.code) ?? [];
}

describe('procedures: the catalogue of a commune', () => {
  it('extends Commune with its procedures, by code, localised (the commune card’s fields)', async () => {
    const { body } = await procedures.query<Entities>(ENTITIES, { r: [commune('dudelange')] });
    const list = body.data?._entities[0]?.procedures ?? [];
    expect(list.map((p) => p.code)).toEqual([...list.map((p) => p.code)].sort());
    expect(list).toContainEqual({
      code: 'residence-certificate',
      title: 'Certificate of residence',
      fr: 'Certificat de résidence',
    });
  });

  it('loads the catalogues of many communes in one SQL statement (no N+1), without the procedures they turned off', async () => {
    const slugs = ['dudelange', 'hesperange', 'mamer', 'remich', 'wiltz'];
    const { body, headers } = await procedures.query<Entities>(ENTITIES, { r: slugs.map(commune) });
    expect(body.data?._entities.map((c) => c.procedures.length)).toEqual([10, 10, 10, 8, 9]);
    expect(body.data?._entities[4]?.procedures.map((p) => p.code)).not.toContain('resident-parking-permit');
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
  });

  it('gives a commune it does not know an empty catalogue', async () => {
    const { body } = await procedures.query<Entities>(ENTITIES, {
      r: [{ __typename: 'Commune', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(body.data?._entities[0]?.procedures).toEqual([]);
  });
});

describe('procedures: search and categories', () => {
  it('finds procedures in each of the four languages, ignoring accents and case', async () => {
    expect(await search('dudelange', { search: 'Wunnsetzbescheinegung' })).toEqual(['residence-certificate']);
    expect(await search('dudelange', { search: 'etat civil' })).toContain('civil-status-extract');
    expect(await search('dudelange', { search: 'ÉTAT CIVIL' })).toContain('civil-status-extract');
    expect(await search('dudelange', { search: 'sperrmull' })).toEqual(['bulky-waste-collection']);
    expect(await search('dudelange', { search: 'encombrants' })).toEqual(['bulky-waste-collection']);
    expect(await search('dudelange', { search: 'Hundesteuer' })).toEqual(['dog-registration']);
    expect(await search('dudelange', { search: 'parking permit' })).toEqual(['resident-parking-permit']);
    expect(await search('dudelange', { search: 'Hond' })).toEqual(['dog-registration']);
    expect(await search('dudelange', { search: 'xylophone' })).toEqual([]);
  });

  it('finds a procedure by its category’s name and filters by category', async () => {
    expect(await search('dudelange', { search: 'Offall' })).toEqual(['bulky-waste-collection']);
    expect(await search('dudelange', { category: 'certificates' })).toEqual([
      'household-composition',
      'life-certificate',
      'residence-certificate',
    ]);
    expect(await search('dudelange', { category: 'certificates', search: 'liewens' })).toEqual(['life-certificate']);
    expect(await search('dudelange', { category: 'no-such-category' })).toEqual([]);
  });

  it('lists the categories that have a procedure, in display order and translated', async () => {
    const { body } = await procedures.query<{
      _entities: { procedureCategories: { code: string; title: string; lb: string }[] }[];
    }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Commune {
        procedureCategories { code title(lang: de) lb: title(lang: lb) } } } }`,
      { r: [commune('dudelange'), commune('remich')] },
    );
    const [dudelange, remich] = body.data?._entities ?? [];
    expect(dudelange?.procedureCategories.map((c) => c.code)).toEqual([
      'civil-status',
      'residence',
      'certificates',
      'animals',
      'waste',
      'mobility',
      'public-space',
      'other',
    ]);
    expect(dudelange?.procedureCategories[4]).toEqual({ code: 'waste', title: 'Abfall', lb: 'Offall' });
    expect(remich?.procedureCategories.map((c) => c.code)).not.toContain('public-space');
  });
});

const DETAIL = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Commune {
  residence: procedure(code: "residence-certificate") {
    id code title summary needs next note(lang: fr) assurance feeCents processingDays minutesSaved channel
    formVersion form expectedDecisionOn category { code title } attachments { key } commune { id }
  }
  bulky: procedure(code: "bulky-waste-collection") { feeCents note(lang: en) }
  parking: procedure(code: "resident-parking-permit") { processingDays attachments { key label(lang: de) required } }
  space: procedure(code: "public-space-permit") { processingDays }
  missing: procedure(code: "no-such-procedure") { id }
} } }`;
type Detail = {
  _entities: {
    residence: Record<string, unknown> & { form: { version: number; fields: { key: string }[] } };
    bulky: { feeCents: number; note: string | null } | null;
    parking: { processingDays: number; attachments: { key: string; label: string; required: boolean }[] } | null;
    space: { processingDays: number } | null;
    missing: null;
  }[];
};

describe('procedures: one procedure, as a commune adapted it', () => {
  it('gives the template’s texts, form and rules with the commune’s fee, time and note, in one statement', async () => {
    const { body, headers } = await procedures.query<Detail>(
      DETAIL,
      { r: [commune('dudelange'), commune('hesperange'), commune('luxembourg'), commune('wiltz')] },
      { 'accept-language': 'en' },
    );
    expect(body.errors).toBeUndefined();
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
    const [dudelange, hesperange, luxembourg, wiltz] = body.data?._entities ?? [];
    expect(dudelange?.residence).toMatchObject({
      id: demoId('commune-procedure', 'dudelange', 'residence-certificate'),
      code: 'residence-certificate',
      title: 'Certificate of residence',
      assurance: 'SUBSTANTIAL',
      feeCents: 0,
      processingDays: 1,
      channel: 'ONLINE',
      formVersion: 1,
      category: { code: 'certificates', title: 'Certificates' },
      attachments: [{ key: 'request-letter' }],
      commune: { id: demoCommuneId('dudelange') },
      expectedDecisionOn: addWorkingDays(todayInLuxembourg(), 1),
    });
    expect(dudelange?.residence.note).toMatch(/bureau de la population/);
    expect(dudelange?.residence.form.fields.map((f) => f.key)).toContain('purpose');
    expect(hesperange?.residence.note).toBeNull();
    expect(dudelange?.bulky).toEqual({ feeCents: 2500, note: null });
    expect(hesperange?.bulky).toEqual({ feeCents: 0, note: 'Free once a year for each household; after that €25.' });
    expect(dudelange?.parking?.attachments).toEqual([
      { key: 'vehicle-registration', label: 'Fahrzeugschein', required: true },
      { key: 'use-proof', label: 'Nachweis des Arbeitgebers oder Leasinggebers', required: false },
    ]);
    expect(luxembourg?.space?.processingDays).toBe(15);
    expect(dudelange?.space?.processingDays).toBe(10);
    expect(wiltz?.parking).toBeNull();
    expect(dudelange?.missing).toBeNull();
  });

  it('resolves procedures by id for the router (applications name theirs), in one statement', async () => {
    const ids = ['dudelange', 'esch-sur-alzette'].map((slug) => demoId('commune-procedure', slug, 'dog-registration'));
    const { body, headers } = await procedures.query<{
      _entities: { code: string; feeCents: number; commune: { id: string } }[];
    }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Procedure { code feeCents commune { id } } } }`,
      {
        r: ids.map((id) => ({ __typename: 'Procedure', id })),
      },
    );
    expect(body.data?._entities).toEqual([
      { code: 'dog-registration', feeCents: 5000, commune: { id: demoCommuneId('dudelange') } },
      { code: 'dog-registration', feeCents: 5000, commune: { id: demoCommuneId('esch-sur-alzette') } },
    ]);
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
  });
});
