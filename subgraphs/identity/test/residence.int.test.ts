/** A person's communes of residence: set in `profileUpdate`, read on `User` by the person only, exported. */
import { fileURLToPath } from 'node:url';
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { startTestIssuer, type TestIssuer } from '@gemeng/subgraph-kit/auth/testing';
import { startTestSubgraph, type TestSubgraph } from '@gemeng/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from '../src/db.ts';

const dir = fileURLToPath(new URL('..', import.meta.url));
let issuer: TestIssuer;
let identity: TestSubgraph;
let db: Db;

beforeAll(async () => {
  issuer = await startTestIssuer();
  identity = await startTestSubgraph(dir, inject('postgresUrl'), { auth: issuer.auth });
  db = createDb(identity.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await identity?.stop();
  await issuer?.stop();
});

const UPDATE = `mutation ($input: ProfileUpdateInput!) {
  profileUpdate(input: $input) {
    __typename
    ... on ProfileUpdatePayload { user { name communesOfResidence { slug } } }
    ... on ValidationError { field message }
  }
}`;

async function person(name: string) {
  const user = await db.user.create({
    data: {
      email: `${name.toLowerCase()}.${Date.now()}@example.lu`,
      name,
      passwordHash: 'x',
      emailVerifiedAt: new Date(),
    },
  });
  return { id: user.id, headers: { authorization: `Bearer ${await issuer.mint({ sub: user.id })}` } };
}

const slugs = (body: { data?: unknown }) =>
  (body.data as { profileUpdate: { user: { communesOfResidence: { slug: string }[] } } }).profileUpdate.user
    .communesOfResidence;

describe('communes of residence', () => {
  it('replace the whole set, duplicates ignored, ordered by French name, read in one statement', async () => {
    const anna = await person('Anna');
    const ids = ['esch-sur-alzette', 'dudelange', 'esch-sur-alzette'].map(demoCommuneId);
    const set = await identity.query(UPDATE, { input: { communesOfResidence: ids } }, anna.headers);
    expect(slugs(set.body)).toEqual([{ slug: 'dudelange' }, { slug: 'esch-sur-alzette' }]);
    const since = await db.residence.findUniqueOrThrow({
      where: { userId_communeId: { userId: anna.id, communeId: demoCommuneId('dudelange') } },
    });

    const replaced = await identity.query(
      UPDATE,
      { input: { communesOfResidence: [demoCommuneId('petange'), demoCommuneId('dudelange')] } },
      anna.headers,
    );
    expect(slugs(replaced.body)).toEqual([{ slug: 'dudelange' }, { slug: 'petange' }]);
    const kept = await db.residence.findUniqueOrThrow({
      where: { userId_communeId: { userId: anna.id, communeId: demoCommuneId('dudelange') } },
    });
    expect(kept.since).toEqual(since.since); // a commune kept keeps its date

    const read = await identity.query('{ me { communesOfResidence { slug } } }', undefined, anna.headers);
    expect(read.body.data).toEqual({ me: { communesOfResidence: [{ slug: 'dudelange' }, { slug: 'petange' }] } });
    expect(read.headers.get('x-gemeng-sql-statements')).toBe('2'); // the person, then their communes

    const cleared = await identity.query(UPDATE, { input: { communesOfResidence: [] } }, anna.headers);
    expect(slugs(cleared.body)).toEqual([]);
  });

  it('refuses an unknown or malformed id and more than five communes, and then changes nothing', async () => {
    const ben = await person('Ben');
    await identity.query(UPDATE, { input: { communesOfResidence: [demoCommuneId('sanem')] } }, ben.headers);
    const refused = [
      [demoCommuneId('atlantis')],
      ['not-an-id'],
      ['dudelange', 'hesperange', 'luxembourg', 'differdange', 'petange', 'sanem'].map(demoCommuneId),
    ];
    for (const communesOfResidence of refused) {
      const { body } = await identity.query(
        UPDATE,
        { input: { name: 'Changed', communesOfResidence } },
        { ...ben.headers, 'accept-language': 'en' },
      );
      expect(body.data?.profileUpdate).toMatchObject({ __typename: 'ValidationError', field: 'communesOfResidence' });
    }
    const user = await db.user.findUniqueOrThrow({ where: { id: ben.id }, include: { residences: true } });
    expect(user.name).toBe('Ben');
    expect(user.residences.map((r) => r.communeId)).toEqual([demoCommuneId('sanem')]);
  });

  it('are only for the person themselves, and part of their data export', async () => {
    const cleo = await person('Cleo');
    const other = await person('Dan');
    await identity.query(UPDATE, { input: { communesOfResidence: [demoCommuneId('hesperange')] } }, cleo.headers);
    const foreign = await identity.query(
      `{ _entities(representations: [{ __typename: "User", id: "${cleo.id}" }]) { ... on User { communesOfResidence { slug } } } }`,
      undefined,
      other.headers,
    );
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const exported = await identity.query<{ personalDataExport: { data: Record<string, unknown> } }>(
      '{ personalDataExport }',
      undefined,
      cleo.headers,
    );
    expect(exported.body.data?.personalDataExport.data.communesOfResidence).toEqual([
      expect.objectContaining({ communeId: demoCommuneId('hesperange'), commune: 'hesperange' }),
    ]);
  });
});
