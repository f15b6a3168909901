import { fileURLToPath } from 'node:url';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_RATE_PER_INHABITANT_CENTS } from '../prisma/seed.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let billing: TestSubgraph;

beforeAll(async () => {
  billing = await startTestSubgraph(dir, inject('postgresUrl'));
});
afterAll(() => billing?.stop());

const SUBSCRIPTION = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Commune { subscription { ratePerInhabitantCents yearlyFeeCents startsOn } } }
}`;
type Entities = {
  _entities: { subscription: { ratePerInhabitantCents: number; yearlyFeeCents: number; startsOn: string } | null }[];
};

describe('billing: the per-inhabitant subscription', () => {
  it('charges population × rate, with the population the router brings from identity', async () => {
    const { body } = await billing.query<Entities>(SUBSCRIPTION, {
      r: [{ __typename: 'Commune', id: demoCommuneId('dudelange'), population: 22_407 }],
    });
    expect(body.data?._entities[0]?.subscription).toEqual({
      ratePerInhabitantCents: DEMO_RATE_PER_INHABITANT_CENTS,
      yearlyFeeCents: 22_407 * DEMO_RATE_PER_INHABITANT_CENTS,
      startsOn: '2026-01-01',
    });
    expect(DEMO_RATE_PER_INHABITANT_CENTS).toBeGreaterThan(2_000); // "a little over 20 € a head"
  });

  it('loads many subscriptions in one SQL statement, and null for a commune without one', async () => {
    const { body, headers } = await billing.query<Entities>(SUBSCRIPTION, {
      r: [
        { __typename: 'Commune', id: demoCommuneId('hesperange'), population: 1000 },
        { __typename: 'Commune', id: demoCommuneId('remich'), population: 10 },
        { __typename: 'Commune', id: '00000000-0000-4000-8000-000000000000', population: 5 },
      ],
    });
    expect(body.data?._entities.map((c) => c.subscription?.yearlyFeeCents ?? null)).toEqual([
      1000 * DEMO_RATE_PER_INHABITANT_CENTS,
      10 * DEMO_RATE_PER_INHABITANT_CENTS,
      null,
    ]);
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
  });
});
