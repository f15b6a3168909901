import { fileURLToPath } from 'node:url';
import { DEMO_COMMUNES, demoCommuneId } from '@gemeng/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));
let identity: TestSubgraph;

beforeAll(async () => {
  identity = await startTestSubgraph(dir, inject('postgresUrl'));
});
afterAll(() => identity?.stop());

describe('identity: communes', () => {
  it('lists every seeded commune, the pilots included, in one SQL statement', async () => {
    const { body, headers } = await identity.query<{ communes: { slug: string; population: number }[] }>(
      '{ communes { slug population } }',
    );
    const slugs = body.data?.communes.map((c) => c.slug) ?? [];
    expect(slugs).toEqual([...DEMO_COMMUNES.map((c) => c.slug)].sort());
    expect(slugs).toEqual(expect.arrayContaining(['dudelange', 'hesperange', 'esch-sur-alzette']));
    expect(slugs.length).toBeGreaterThanOrEqual(13);
    expect(body.data?.communes.find((c) => c.slug === 'dudelange')?.population).toBeGreaterThan(20_000);
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
  });

  it('names a commune in the language asked for, by argument or by Accept-Language', async () => {
    const query =
      '{ commune(slug: "dudelange") { lb: name(lang: lb) de: name(lang: de) fr: name(lang: fr) plain: name } }';
    const german = await identity.query(query, undefined, { 'accept-language': 'de-LU, fr;q=0.8' });
    expect(german.body.data?.commune).toEqual({
      lb: 'Diddeleng',
      de: 'Düdelingen',
      fr: 'Dudelange',
      plain: 'Düdelingen',
    });
    const unsupported = await identity.query('{ commune(slug: "dudelange") { name } }', undefined, {
      'accept-language': 'pt-PT',
    });
    expect(unsupported.body.data?.commune).toEqual({ name: 'Dudelange' }); // French is the fallback
  });

  it('answers an unknown slug with a NOT_FOUND error that says how to find the slugs', async () => {
    const { status, body } = await identity.query('{ commune(slug: "atlantis") { slug } }');
    expect(status).toBe(200);
    expect(body.data?.commune).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.message).toContain('No commune with slug "atlantis"');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('rejects a malformed slug and a wrong argument type with BAD_USER_INPUT / validation errors', async () => {
    const bad = await identity.query('{ commune(slug: "Robert; DROP TABLE commune") { slug } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongType = await identity.query('{ commune(slug: 42) { slug } }');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]?.message).toContain('String cannot represent a non string value');
  });

  it('resolves Commune entity references for the router in one SQL statement', async () => {
    const ids = ['dudelange', 'hesperange', 'mamer'].map(demoCommuneId);
    const { body, headers } = await identity.query<{ _entities: { slug: string }[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { slug } } }',
      { r: [...ids, ids[0]].map((id) => ({ __typename: 'Commune', id })) },
    );
    expect(body.data?._entities.map((c) => c.slug)).toEqual(['dudelange', 'hesperange', 'mamer', 'dudelange']);
    expect(headers.get('x-gemeng-sql-statements')).toBe('1');
  });

  it('answers only the router: a request without its secret is refused', async () => {
    const response = await fetch(identity.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ communes { slug } }' }),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('answers only the Gemeng router');
  });

  it('reports health and readiness (with the database) without the secret', async () => {
    const base = identity.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});
