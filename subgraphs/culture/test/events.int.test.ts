import { fileURLToPath } from 'node:url';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));
let culture: TestSubgraph;

beforeAll(async () => {
  culture = await startTestSubgraph(dir, inject('postgresUrl'));
});
afterAll(() => culture?.stop());

const upcoming = (first: number | null) => `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Commune { id upcomingEvents${first === null ? '' : `(first: ${first})`} { title(lang: de) startsAt } } }
}`;
type Entities = { _entities: { id: string; upcomingEvents: { title: string; startsAt: string }[] }[] };
const refs = (...slugs: string[]) => ({ r: slugs.map((slug) => ({ __typename: 'Commune', id: demoCommuneId(slug) })) });

describe('culture: upcoming events of a commune', () => {
  it('lists the next events, soonest first, limited by `first`', async () => {
    const { body } = await culture.query<Entities>(upcoming(3), refs('dudelange'));
    const events = body.data?._entities[0]?.upcomingEvents ?? [];
    expect(events).toHaveLength(3);
    const times = events.map((e) => Date.parse(e.startsAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThan(Date.now());
    expect(events[0]?.title).toBe('Weihnachtsmarkt');
    expect(events[0]?.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('leaves out events that have already started', async () => {
    const client = new pg.Client({ connectionString: culture.databaseUrl });
    await client.connect();
    await client.query(
      `INSERT INTO event (id, commune_id, title_lb, title_fr, title_de, title_en, starts_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'Gëschter', 'Hier', 'Gestern', 'Yesterday', now() - interval '1 day', now())`,
      [demoCommuneId('remich')],
    );
    await client.end();
    const { body } = await culture.query<Entities>(upcoming(50), refs('remich'));
    expect(body.data?._entities[0]?.upcomingEvents.map((e) => e.title)).not.toContain('Gestern');
  });

  it('loads the events of many communes in one SQL statement, each commune limited on its own', async () => {
    const { body, headers } = await culture.query<Entities>(upcoming(2), refs('dudelange', 'hesperange', 'mamer'));
    expect(body.data?._entities.map((c) => c.upcomingEvents.length)).toEqual([2, 2, 2]);
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
  });

  it.each([0, -1, 51])('refuses first: %i with a message that gives the allowed range', async (first) => {
    const { body } = await culture.query<Entities>(upcoming(first), refs('dudelange'));
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('ask for 1 to 50 events');
  });
});
