/**
 * A commune joins (identity's `identity.commune-joined`): it gets a unique reference prefix and the syndicate's
 * default procedures, once, through the real handler and the kit's idempotent consumer.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { consumeOnce, type DomainEvent, type TransactionalHandler } from '@gemeng/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../src/db.ts';
import { events } from '../src/events.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let procedures: TestSubgraph;
let db: Db;

beforeAll(async () => {
  procedures = await startTestSubgraph(dir, inject('postgresUrl'));
  db = createDb(procedures.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await procedures?.stop();
});

const handler = () =>
  consumeOnce(db as never, events.handlers?.['identity.commune-joined'] as TransactionalHandler<never>);

function joined(communeId: string, slug: string, id = randomUUID()): DomainEvent {
  return {
    id,
    type: 'identity.commune-joined',
    source: 'identity',
    createdAt: new Date().toISOString(),
    payload: { communeId, slug, joinsOn: '2027-01-01', population: 4_000, populationReferenceDate: '2026-01-01' },
  };
}

async function catalogue(communeId: string): Promise<string[]> {
  const { body } = await procedures.query<{ _entities: { procedures: { code: string }[] }[] }>(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { procedures { code } } } }`,
    { r: [{ __typename: 'Commune', id: communeId }] },
  );
  return body.data?._entities[0]?.procedures.map((p) => p.code) ?? [];
}

describe('procedures: a commune joins', () => {
  it('gets its reference prefix and the default procedures, enabled', async () => {
    const communeId = randomUUID();
    expect(await catalogue(communeId)).toEqual([]);
    await handler()(joined(communeId, 'mondorf-les-bains'));
    expect(await db.procedureCommune.findUnique({ where: { communeId } })).toMatchObject({
      slug: 'mondorf-les-bains',
      referencePrefix: 'MON',
    });
    expect(await catalogue(communeId)).toEqual([
      'arrival-declaration',
      'bulky-waste-collection',
      'civil-status-extract',
      'dog-registration',
      'household-composition',
      'life-certificate',
      'residence-certificate',
    ]);
  });

  it('gives a commune whose first letters are taken the next free prefix', async () => {
    const communeId = randomUUID();
    await handler()(joined(communeId, 'dudelange-nord')); // DUD is Dudelange's
    expect((await db.procedureCommune.findUnique({ where: { communeId } }))?.referencePrefix).toBe('DUE');
  });

  it('is idempotent: a redelivered or repeated event changes nothing, not even a procedure the commune turned off', async () => {
    const communeId = randomUUID();
    const event = joined(communeId, 'beaufort');
    await handler()(event);
    await db.communeProcedure.updateMany({
      where: { communeId, template: { code: 'dog-registration' } },
      data: { enabled: false },
    });
    await handler()(event); // the same event again: skipped by its id
    await handler()(joined(communeId, 'beaufort')); // announced again: the commune is known
    expect(await db.procedureCommune.count({ where: { communeId } })).toBe(1);
    expect(await db.communeProcedure.count({ where: { communeId } })).toBe(7);
    expect(await catalogue(communeId)).not.toContain('dog-registration');
    expect((await db.procedureCommune.findUnique({ where: { communeId } }))?.referencePrefix).toBe('BEA');
  });
});
