/** The kit's auth scopes, and the error a refused caller gets: sign in, step up (RFC 9470), or forbidden. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createBuilder, stepUpRequired } from '../src/builder.ts';
import type { Caller, RequestContext } from '../src/context.ts';

// The CommonJS build, as Pothos (outside the test transform) and the servers load it: one graphql realm.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const { builder } = createBuilder<Record<string, never>, never>({ datamodel: { datamodel: { models: {} } } });
const ok = () => 'ok';
builder.queryFields((t) => ({
  open: t.string({ authScopes: { public: true }, resolve: ok }),
  authenticated: t.string({ authScopes: { authenticated: true }, resolve: ok }),
  citizen: t.string({ authScopes: { citizen: true }, resolve: ok }),
  operator: t.string({ authScopes: { operator: true }, resolve: ok }),
  substantial: t.string({ authScopes: { substantial: true }, resolve: ok }),
  agentOf: t.string({
    args: { communeId: t.arg.string({ required: true }) },
    authScopes: (_root, args) => ({ agentOf: args.communeId }),
    resolve: ok,
  }),
  administratorOf: t.string({
    args: { communeId: t.arg.string({ required: true }) },
    authScopes: (_root, args) => ({ administratorOf: args.communeId }),
    resolve: ok,
  }),
  graphRead: t.string({ authScopes: { scope: 'graph.read' }, resolve: ok }),
  // Listed first on purpose: a missing role must still win over a missing second factor.
  administratorOfAWithTwoFactors: t.string({
    authScopes: { $all: { substantial: true, administratorOf: A } },
    resolve: ok,
  }),
  administratorOfAOrTwoFactors: t.string({
    authScopes: { $any: { administratorOf: A, substantial: true } },
    resolve: ok,
  }),
}));
const schema = builder.toSchema();

const person = (overrides: Partial<Caller> = {}): Caller => ({
  sub: 'c0ffee00-0000-4000-8000-000000000001',
  clientId: 'gemeng-portal',
  acr: 'low',
  roles: [],
  operator: false,
  scopes: ['openid', 'graph.read'],
  ...overrides,
});
const CALLERS: Record<string, Caller | null> = {
  anonymous: null,
  citizen: person(),
  'citizen (two factors)': person({ acr: 'substantial' }),
  'agent of A': person({ roles: [{ communeId: A, role: 'agent' }] }),
  'administrator of A': person({ roles: [{ communeId: A, role: 'administrator' }] }),
  'administrator of A (two factors)': person({ acr: 'substantial', roles: [{ communeId: A, role: 'administrator' }] }),
  'administrator of B': person({ roles: [{ communeId: B, role: 'administrator' }] }),
  operator: person({ operator: true }),
  // Roles and the operator flag in an application's token count for nothing: it is not a person.
  'API client': {
    sub: 'gemeng-app',
    clientId: 'gemeng-app',
    acr: 'low',
    roles: [{ communeId: A, role: 'administrator' }],
    operator: true,
    scopes: ['graph.read'],
  },
};

async function ask(caller: Caller | null, field: string) {
  const contextValue = { caller, loaders: new Map(), lang: 'fr' } as unknown as RequestContext;
  const result = await graphql({ schema, source: `{ ${field} }`, contextValue });
  if (!result.errors) return 'ok';
  const [error] = result.errors;
  if (error?.extensions.code === 'INSUFFICIENT_USER_AUTHENTICATION') {
    expect(error.extensions).toEqual({ code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial' });
  }
  return String(error?.extensions.code ?? error?.message);
}

const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const S = 'INSUFFICIENT_USER_AUTHENTICATION';
//                                  anon citizen cit2F agentA adminA adminA2F adminB operator client
const MATRIX: Record<string, string[]> = {
  open: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  authenticated: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  citizen: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', F],
  operator: [U, F, F, F, F, F, F, 'ok', F],
  substantial: [U, S, 'ok', S, S, 'ok', S, S, F],
  [`agentOf(communeId: "${A}")`]: [U, F, F, 'ok', 'ok', 'ok', F, 'ok', F],
  [`administratorOf(communeId: "${A}")`]: [U, F, F, F, 'ok', 'ok', F, 'ok', F],
  [`administratorOf(communeId: "${B}")`]: [U, F, F, F, F, F, 'ok', 'ok', F],
  graphRead: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  administratorOfAWithTwoFactors: [U, F, F, F, S, 'ok', F, S, F],
  administratorOfAOrTwoFactors: [U, S, 'ok', S, 'ok', 'ok', S, 'ok', F],
};

describe('auth scopes', () => {
  const names = Object.keys(CALLERS);
  const cases = Object.entries(MATRIX).flatMap(([field, outcomes]) =>
    names.map((caller, index) => ({ field, caller, expected: outcomes[index] })),
  );
  it.each(cases)('$field as $caller: $expected', async ({ field, caller, expected }) => {
    expect(await ask(CALLERS[caller] ?? null, field)).toBe(expected);
  });

  it('refuses an application the scopes its token was not granted', async () => {
    expect(await ask(person({ scopes: ['openid'] }), 'graphRead')).toBe(F);
  });
});

describe('the step-up challenge for rules that depend on data', () => {
  it('asks for a second factor, and with maxAge for one entered that recently (RFC 9470 max_age)', () => {
    expect(stepUpRequired().extensions).toEqual({
      code: 'INSUFFICIENT_USER_AUTHENTICATION',
      acr_values: 'substantial',
    });
    const recent = stepUpRequired({ maxAge: 600 });
    expect(recent.extensions).toEqual({
      code: 'INSUFFICIENT_USER_AUTHENTICATION',
      acr_values: 'substantial',
      max_age: 600,
    });
    expect(recent.message).toContain('at most 10 minutes ago');
  });
});
