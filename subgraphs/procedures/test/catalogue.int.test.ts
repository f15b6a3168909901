import { fileURLToPath } from 'node:url';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));
let procedures: TestSubgraph;

beforeAll(async () => {
  procedures = await startTestSubgraph(dir, inject('postgresUrl'));
});
afterAll(() => procedures?.stop());

const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Commune { id procedures { code title(lang: en) fr: title(lang: fr) } } }
}`;

type Entities = { _entities: { id: string; procedures: { code: string; title: string; fr: string }[] }[] };

describe('procedures: the catalogue of a commune', () => {
  it('extends Commune with its procedures, by code, localised', async () => {
    const { body } = await procedures.query<Entities>(ENTITIES, {
      r: [{ __typename: 'Commune', id: demoCommuneId('dudelange') }],
    });
    const list = body.data?._entities[0]?.procedures ?? [];
    expect(list.map((p) => p.code)).toEqual([...list.map((p) => p.code)].sort());
    expect(list).toContainEqual({
      code: 'residence-certificate',
      title: 'Certificate of residence',
      fr: 'Certificat de résidence',
    });
  });

  it('loads the catalogues of many communes in one SQL statement (no N+1)', async () => {
    const slugs = ['dudelange', 'hesperange', 'mamer', 'remich', 'wiltz'];
    const { body, headers } = await procedures.query<Entities>(ENTITIES, {
      r: slugs.map((slug) => ({ __typename: 'Commune', id: demoCommuneId(slug) })),
    });
    expect(body.data?._entities).toHaveLength(5);
    expect(body.data?._entities.map((c) => c.procedures.length)).toEqual([10, 10, 10, 8, 9]);
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
  });

  it('gives a commune it does not know an empty catalogue', async () => {
    const { body } = await procedures.query<Entities>(ENTITIES, {
      r: [{ __typename: 'Commune', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(body.data?._entities[0]?.procedures).toEqual([]);
  });
});
