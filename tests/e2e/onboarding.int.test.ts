/**
 * Commune onboarding through the router: an operator signed in with two factors adds a commune, which every
 * widget sees at once (no restart); everyone else is refused; bad input gets typed, localised errors; the change
 * is announced once in identity's outbox (`identity.commune-joined`); figures of population are kept; an
 * inactive commune leaves `communes` and keeps its data.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationsManifest } from '../../frontends/kit/build/operations.ts';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import {
  authorizationRequest,
  createBrowser,
  createPerson,
  followToCallback,
  type GraphQLResult,
  graphql,
  type PersonOptions,
  redeemCode,
  signedInPerson,
} from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';

/** The query <gemeng-commune-card> sends, as the portal's operations manifest holds it (a browser module, no DOM). */
const COMMUNE_CARD_QUERY = (() => {
  const portal = fileURLToPath(new URL('../../frontends/portal', import.meta.url));
  const query = operationsManifest(portal).find((operation) => operation.name === 'CommuneCard')?.document;
  if (!query) throw new Error('The CommuneCard operation is not in frontends/portal/src.');
  return query;
})();

const stack = sharedStack();
let operator: string; // an operator's access token from a two-factor sign-in

/** A new person with an authenticator app, signed in with the password and its code (acr substantial). */
async function twoFactorPerson(options: PersonOptions): Promise<{ id: string; accessToken: string }> {
  const person = await createPerson(stack, options);
  const secret = new Secret({ size: 20 }).base32;
  const db = createDb(stack.databaseUrls.identity);
  await db.totpFactor
    .create({ data: { userId: person.id, secret, confirmedAt: new Date() } })
    .finally(() => db.$disconnect());
  const request = authorizationRequest(stack);
  const url = new URL(request.url);
  url.searchParams.set('acr_values', 'substantial');
  const browser = createBrowser(new URL(stack.oidcIssuer).origin);
  const start = await browser.browse(url.toString());
  await browser.browse(`${start.location}/login`, { email: person.email, password: person.password });
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
  const done = await browser.browse(`${start.location}/second-factor`, { method: 'totp', code });
  const tokens = await redeemCode(stack, request, await followToCallback(browser, request, done));
  expect(decodeJwt(tokens.access_token).acr).toBe('substantial');
  return { id: person.id, accessToken: tokens.access_token };
}

const CREATE = `mutation ($input: CommuneCreateInput!) {
  communeCreate(input: $input) {
    __typename
    ... on CommuneCreatePayload { commune { id slug name(lang: de) population populationReferenceDate joinsOn websiteOrigins active } }
    ... on Error { message }
    ... on ValidationError { field }
    ... on CommuneSlugTakenError { slug }
  }
}`;

const UPDATE = `mutation ($input: CommuneUpdateInput!) {
  communeUpdate(input: $input) {
    __typename
    ... on CommuneUpdatePayload { commune { population populationReferenceDate active populationHistory { referenceDate population } } }
    ... on Error { message }
  }
}`;

type Payload = Record<string, unknown> & { __typename: string; message?: string; field?: string };

const newSlug = () => `bech-kleinmacher-${randomBytes(3).toString('hex')}`;

const draft = (slug: string) => ({
  slug,
  names: { lb: 'Bech-Maacher', fr: 'Bech-Kleinmacher', de: 'Bech-Kleinmacher', en: 'Bech-Kleinmacher' },
  population: 1_234,
  populationReferenceDate: '2026-01-01',
  websiteOrigins: ['https://www.bech-kleinmacher.lu/', 'http://localhost:8091'],
  joinsOn: '2027-01-01',
});

async function create(input: unknown, token = operator, lang = 'en') {
  const result = await graphql<{ communeCreate: Payload }>(stack, CREATE, { input }, token, {
    'accept-language': lang,
  });
  return { result, payload: result.body.data?.communeCreate };
}

async function outboxEvents(slug: string) {
  const db = createDb(stack.databaseUrls.identity);
  try {
    return await db.$queryRaw<{ type: string; payload: Record<string, unknown> }[]>`
      SELECT type, payload FROM outbox_event WHERE type = 'identity.commune-joined' AND payload->>'slug' = ${slug}`;
  } finally {
    await db.$disconnect();
  }
}

const errorCode = (result: GraphQLResult) => result.body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  operator = (await twoFactorPerson({ operator: true })).accessToken;
});

describe('an operator with a two-factor sign-in onboards a commune', () => {
  it('adds it: in communes and in the commune card at once, announced once in the outbox', async () => {
    const slug = newSlug();
    const { payload } = await create(draft(slug));
    expect(payload).toMatchObject({
      __typename: 'CommuneCreatePayload',
      commune: {
        slug,
        name: 'Bech-Kleinmacher',
        population: 1_234,
        populationReferenceDate: '2026-01-01',
        joinsOn: '2027-01-01',
        websiteOrigins: ['https://www.bech-kleinmacher.lu', 'http://localhost:8091'],
        active: true,
      },
    });
    const communeId = (payload?.commune as { id: string } | undefined)?.id ?? '';

    // Anonymous, through the router, as a commune website's widgets ask.
    const list = await graphql<{ communes: { slug: string }[] }>(stack, '{ communes { slug } }');
    expect(list.body.data?.communes.map((c) => c.slug)).toContain(slug);
    const card = await graphql<{ commune: Record<string, unknown> }>(stack, COMMUNE_CARD_QUERY, { slug }, undefined, {
      'accept-language': 'lb',
    });
    expect(card.body.errors).toBeUndefined();
    expect(card.body.data?.commune).toMatchObject({ slug, name: 'Bech-Maacher', population: 1_234 });

    // The operator's own security log holds the act.
    const db = createDb(stack.databaseUrls.identity);
    const logged = await db.securityEvent
      .findMany({ where: { kind: 'commune-created', details: { path: ['slug'], equals: slug } } })
      .finally(() => db.$disconnect());
    expect(logged).toHaveLength(1);
    expect(logged[0]?.details).toEqual({ communeId, slug });

    const events = await outboxEvents(slug);
    expect(events).toEqual([
      {
        type: 'identity.commune-joined',
        payload: { communeId, slug, joinsOn: '2027-01-01', population: 1_234, populationReferenceDate: '2026-01-01' },
      },
    ]);
  });

  it('refuses a duplicate slug with a typed error, and writes nothing', async () => {
    const slug = newSlug();
    expect((await create(draft(slug))).payload?.__typename).toBe('CommuneCreatePayload');
    const again = await create({ ...draft(slug), names: { lb: 'X', fr: 'X', de: 'X', en: 'X' } }, operator, 'fr');
    expect(again.payload).toEqual({
      __typename: 'CommuneSlugTakenError',
      slug,
      message: `Une commune porte déjà le slug « ${slug} » : choisissez-en un autre.`,
    });
    expect(await outboxEvents(slug)).toHaveLength(1);
    const taken = await create(draft('dudelange'));
    expect(taken.payload?.__typename).toBe('CommuneSlugTakenError');
  });

  it.each([
    ['slug', { slug: 'Bech Kleinmacher' }],
    ['websiteOrigins', { websiteOrigins: ['https://www.bech.lu/portal'] }],
    ['websiteOrigins', { websiteOrigins: ['http://www.bech.lu'] }],
    ['population', { population: -1 }],
    ['populationReferenceDate', { populationReferenceDate: '1 January 2026' }],
    ['joinsOn', { joinsOn: '2027-02-30' }],
    ['names', { names: { lb: '', fr: 'Bech', de: 'Bech', en: 'Bech' } }],
  ])('refuses a bad %s with a ValidationError naming it, in the request language', async (field, change) => {
    const slug = newSlug();
    const { payload } = await create({ ...draft(slug), ...change }, operator, 'de');
    expect(payload).toMatchObject({ __typename: 'ValidationError', field });
    expect(payload?.message).toMatch(/Geben Sie|Der Slug|Die Einwohnerzahl|ist kein Ursprung/);
    const all = await graphql<{ communes: { slug: string }[] }>(stack, '{ communes(includeInactive: true) { slug } }');
    expect(all.body.data?.communes.map((c) => c.slug)).not.toContain(slug);
    expect(await outboxEvents(slug)).toEqual([]);
  });

  it('keeps every population figure, the latest as the population; set inactive, it leaves communes', async () => {
    const slug = newSlug();
    const { payload } = await create(draft(slug));
    const communeId = (payload?.commune as { id: string } | undefined)?.id ?? '';
    const update = async (input: Record<string, unknown>) =>
      (await graphql<{ communeUpdate: Payload }>(stack, UPDATE, { input: { communeId, ...input } }, operator)).body.data
        ?.communeUpdate;

    expect(await update({ population: 1_301, populationReferenceDate: '2027-01-01' })).toMatchObject({
      commune: { population: 1_301, populationReferenceDate: '2027-01-01' },
    });
    // A correction of an older figure completes the history and leaves the latest one in place.
    expect(await update({ population: 1_240, populationReferenceDate: '2026-01-01' })).toMatchObject({
      commune: {
        population: 1_301,
        populationHistory: [
          { referenceDate: '2027-01-01', population: 1_301 },
          { referenceDate: '2026-01-01', population: 1_240 },
        ],
      },
    });

    expect(await update({ active: false })).toMatchObject({ commune: { active: false } });
    const active = await graphql<{ communes: { slug: string }[] }>(stack, '{ communes { slug } }');
    expect(active.body.data?.communes.map((c) => c.slug)).not.toContain(slug);
    const all = await graphql<{ communes: { slug: string }[] }>(stack, '{ communes(includeInactive: true) { slug } }');
    expect(all.body.data?.communes.map((c) => c.slug)).toContain(slug);
    const one = await graphql<{ commune: { active: boolean; population: number } }>(
      stack,
      'query ($slug: String!) { commune(slug: $slug) { active population } }',
      { slug },
    );
    expect(one.body.data?.commune).toEqual({ active: false, population: 1_301 });
  });
});

describe('only operators with two factors onboard communes', () => {
  it('refuses anonymous callers, citizens, administrators, and asks an operator with one factor for the second', async () => {
    const slug = newSlug();
    const citizen = await signedInPerson(stack);
    const administrator = await twoFactorPerson({
      roles: [{ communeId: (await communeId('dudelange')) ?? '', role: 'administrator' }],
    });
    const oneFactorOperator = await signedInPerson(stack, { operator: true });
    expect(errorCode((await create(draft(slug), '')).result)).toBe('UNAUTHENTICATED');
    expect(errorCode((await create(draft(slug), citizen.accessToken)).result)).toBe('FORBIDDEN');
    expect(errorCode((await create(draft(slug), administrator.accessToken)).result)).toBe('FORBIDDEN');
    const stepUp = (await create(draft(slug), oneFactorOperator.accessToken)).result;
    expect(errorCode(stepUp)).toBe('INSUFFICIENT_USER_AUTHENTICATION');
    expect(stepUp.body.errors?.[0]?.extensions?.acr_values).toBe('substantial');
    const update = await graphql(
      stack,
      UPDATE,
      { input: { communeId: await communeId('dudelange'), active: false } },
      administrator.accessToken,
    );
    expect(errorCode(update)).toBe('FORBIDDEN');
    const list = await graphql<{ communes: { slug: string }[] }>(stack, '{ communes { slug } }');
    expect(list.body.data?.communes.map((c) => c.slug)).toContain('dudelange');
    expect(await outboxEvents(slug)).toEqual([]);
  });
});

async function communeId(slug: string): Promise<string | undefined> {
  const result = await graphql<{ commune: { id: string } }>(
    stack,
    'query ($slug: String!) { commune(slug: $slug) { id } }',
    { slug },
  );
  return result.body.data?.commune.id;
}
