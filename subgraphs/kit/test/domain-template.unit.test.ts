/**
 * The domain template: a `<entity><Verb>` mutation built with `entityMutation` (typed errors, scope rules,
 * validation before anything is written, services from the request context), and the entity references.
 */
import { createRequire } from 'node:module';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createLogger } from '@gemeng/service-kit';
import { describe, expect, it } from 'vitest';
import { createBuilder } from '../src/builder.ts';
import { type Caller, createContext, type ServiceContext } from '../src/context.ts';
import { communeRef, entityFields, externalFields, userRef } from '../src/schema/entities.ts';
import { check, ForbiddenError, forbiddenError, NotFoundError, problems } from '../src/schema/errors.ts';
import { entityMutation } from '../src/schema/mutations.ts';

// The CommonJS build, as Pothos (outside the test transform) and the servers load it: one graphql realm.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const A = '11111111-1111-4111-8111-111111111111';

interface Note {
  id: string;
  communeId: string;
  title: string;
  seats: number;
}

/** The test domain's rules, as a subgraph's `src/notes/service.ts`: here over an in-memory table. */
function notesService(ctx: ServiceContext<Note[]>) {
  return {
    async add(input: { communeId: string; title: string; seats: number }): Promise<Note> {
      if (input.title === 'reserved') throw forbiddenError(ctx.lang);
      const note = { id: String(ctx.db.length + 1), ...input };
      ctx.db.push(note);
      return note;
    },
  };
}
const createServices = (ctx: ServiceContext<Note[]>) => ({ notes: notesService(ctx) });
type Services = ReturnType<typeof createServices>;

function schemaWithNoteAdd() {
  const { builder } = createBuilder<Record<string, never>, never, Services>({
    datamodel: { datamodel: { models: {} } },
  });
  const NoteType = builder.objectRef<Note>('Note').implement({
    fields: (t) => ({ id: t.exposeID('id'), title: t.exposeString('title'), seats: t.exposeInt('seats') }),
  });
  builder.queryField('ping', (t) => t.string({ authScopes: { public: true }, resolve: () => 'pong' }));
  entityMutation(builder, 'noteAdd', {
    description: 'Adds a note to a commune (its agents).',
    input: (t) => ({
      communeId: t.id({ required: true }),
      title: t.string({ required: true }),
      seats: t.int({ required: true }),
    }),
    payload: { note: NoteType },
    errors: [ForbiddenError, NotFoundError],
    authScopes: (input) => ({ agentOf: String(input.communeId) }),
    validate: (input, ctx) =>
      problems(
        check.length('title', input.title, 1, 40, ctx.lang),
        check.range('seats', input.seats, 1, 500, ctx.lang),
      ),
    resolve: async (input, ctx) => ({
      note: await ctx.services.notes.add({ ...input, communeId: String(input.communeId) }),
    }),
  });
  return builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
}

const agentOfA: Caller = {
  sub: 'agent',
  clientId: 'portal',
  acr: 'low',
  roles: [{ communeId: A, role: 'agent' }],
  operator: false,
  scopes: [],
};

const NOTE_ADD = `mutation ($input: NoteAddInput!) {
  noteAdd(input: $input) {
    __typename
    ... on NoteAddPayload { note { id title seats } }
    ... on Error { message }
    ... on ValidationError { field problems { field message } }
  }
}`;

async function noteAdd(input: Record<string, unknown>, caller: Caller | null, lang = 'de') {
  const table: Note[] = [];
  const ctx = createContext<Note[], Services>(
    { 'accept-language': lang },
    { log: createLogger('notes'), db: table, services: createServices },
  );
  ctx.caller = caller;
  const result = await graphql({
    schema: schemaWithNoteAdd(),
    source: NOTE_ADD,
    variableValues: { input },
    contextValue: ctx,
  });
  return { result, table };
}

// Each case builds a schema: a second or two on a busy machine.
describe('entityMutation: the <entity><Verb> convention', { timeout: 30_000 }, () => {
  it('names the input, payload and result after the mutation, with the typed errors in the union', () => {
    const sdl = printSubgraphSchema(schemaWithNoteAdd());
    expect(sdl).toContain('noteAdd(input: NoteAddInput!): NoteAddResult!');
    expect(sdl).toMatch(/union NoteAddResult = ValidationError \| ForbiddenError \| NotFoundError \| NoteAddPayload/);
    expect(sdl).toMatch(/type ValidationError implements Error\s+@shareable/);
  });

  it('returns every field problem as a ValidationError, in the request language, and writes nothing', async () => {
    const { result, table } = await noteAdd({ communeId: A, title: '  ', seats: 0 }, agentOfA);
    expect(result.errors).toBeUndefined();
    expect(result.data?.noteAdd).toEqual({
      __typename: 'ValidationError',
      message: 'Dieses Feld ist erforderlich.',
      field: 'title',
      problems: [
        { field: 'title', message: 'Dieses Feld ist erforderlich.' },
        { field: 'seats', message: 'Geben Sie eine ganze Zahl von 1 bis 500 ein.' },
      ],
    });
    expect(table).toEqual([]);
  });

  it('does it through ctx.services once the input is valid', async () => {
    const { result, table } = await noteAdd({ communeId: A, title: 'Concert', seats: 120 }, agentOfA);
    expect(result.data?.noteAdd).toEqual({
      __typename: 'NoteAddPayload',
      note: { id: '1', title: 'Concert', seats: 120 },
    });
    expect(table).toHaveLength(1);
  });

  it('applies the scope rules next to the field before validating: an agent of another commune is refused', async () => {
    const other = {
      ...agentOfA,
      roles: [{ communeId: '22222222-2222-4222-8222-222222222222', role: 'agent' as const }],
    };
    const { result, table } = await noteAdd({ communeId: A, title: '', seats: 1 }, other);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(table).toEqual([]);
  });

  it("returns a service's ForbiddenError typed, localised", async () => {
    const { result } = await noteAdd({ communeId: A, title: 'reserved', seats: 1 }, agentOfA, 'lb');
    expect(result.data?.noteAdd).toMatchObject({
      __typename: 'ForbiddenError',
      message: expect.stringMatching(/^Dir däerft/),
    });
  });

  it('refuses a name that does not follow <entity><Verb>', () => {
    const { builder } = createBuilder<Record<string, never>, never>({ datamodel: { datamodel: { models: {} } } });
    expect(() =>
      entityMutation(builder, 'notes', {
        description: '',
        input: (t) => ({ id: t.id({ required: true }) }),
        payload: { ok: 'Boolean' },
        authScopes: { public: true },
        resolve: async () => ({ ok: true }),
      }),
    ).toThrow(/<entity><Verb>/);
  });

  it("adds to the Mutation type a subgraph made itself (identity's builder)", () => {
    const { builder } = createBuilder<Record<string, never>, never>({ datamodel: { datamodel: { models: {} } } });
    builder.mutationType({});
    builder.mutationField('sessionEnd', (t) => t.boolean({ authScopes: { citizen: true }, resolve: () => true }));
    entityMutation(builder, 'noteRemove', {
      description: '',
      input: (t) => ({ id: t.id({ required: true }) }),
      payload: { ok: 'Boolean' },
      authScopes: { citizen: true },
      resolve: async () => ({ ok: true }),
    });
    const sdl = printSubgraphSchema(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
    expect(sdl).toMatch(
      /type Mutation \{\s+sessionEnd: Boolean!\s+noteRemove\(input: NoteRemoveInput!\): NoteRemoveResult!/,
    );
  });
});

describe('services in the request context', () => {
  it('builds them once per request, on first use, after the caller is known', () => {
    let built = 0;
    const ctx = createContext<Note[], { callerId: string | undefined }>(
      {},
      {
        log: createLogger('notes'),
        db: [],
        services: (request) => {
          built += 1;
          return { callerId: request.caller?.sub };
        },
      },
    );
    ctx.caller = agentOfA;
    expect(built).toBe(0);
    expect(ctx.services.callerId).toBe('agent');
    expect(ctx.services).toBe(ctx.services);
    expect(Object.assign({}, ctx).services).toBe(ctx.services); // Apollo Server's copy per operation
    expect(built).toBe(1);
  });

  it('says what to do when a subgraph reads ctx.services without passing createServices', () => {
    const ctx = createContext<Note[]>({}, { log: createLogger('notes'), db: [] });
    const copied = Object.assign({}, ctx); // as Apollo Server copies the context for each operation
    expect(() => (copied.services as { notes: unknown }).notes).toThrow(
      /^ctx.services.notes: .*export createServices from its src\/services.ts/,
    );
  });
});

describe('entity references', { timeout: 30_000 }, () => {
  it('defines User and Commune once per builder, however many files add fields', () => {
    const { builder } = createBuilder<Record<string, never>, never>({ datamodel: { datamodel: { models: {} } } });
    builder.queryField('ping', (t) => t.string({ resolve: () => 'pong' }));
    // "user.ts" and "bookings.ts" both add a User field; "subscription.ts" needs the commune's population.
    entityFields(builder, userRef(builder), (t) => ({ a: t.string({ resolve: (user) => `a:${user.id}` }) }));
    entityFields(builder, userRef(builder), (t) => ({ b: t.string({ resolve: (user) => `b:${user.id}` }) }));
    const Commune = communeRef(builder);
    externalFields(builder, Commune, (t) => ({ population: t.int() }));
    entityFields(builder, Commune, (t) => ({
      perThousand: t.int({
        requires: builder.selection<{ population: number }>('population'),
        resolve: (commune) => Math.round(commune.population / 1000),
      }),
    }));
    expect(userRef(builder)).toBe(userRef(builder));
    const sdl = printSubgraphSchema(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
    expect(sdl.match(/type User\b/g)).toHaveLength(1);
    expect(sdl).toMatch(/type User\s+@key\(fields: "id"\)\s+@extends\s+\{\s+id: ID!\s+a: String!\s+b: String!/);
    expect(sdl).toContain('population: Int! @external');
    expect(sdl).toContain('perThousand: Int! @requires(fields: "population")');
  });
});
