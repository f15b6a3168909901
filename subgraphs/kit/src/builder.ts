import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin, { type PrismaClient } from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import type { RequestContext } from './context.ts';
import { LANGUAGES, type Language } from './language.ts';

export interface GemengSchemaTypes<PrismaTypes extends {}, Db> {
  Context: RequestContext<Db>;
  PrismaTypes: PrismaTypes;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
  AuthScopes: {
    /** Anyone, signed in or not. */
    public: boolean;
    /** A verified caller (citizen, agent or API client). */
    authenticated: boolean;
  };
}

export interface BuilderOptions<Db> {
  /** `getDatamodel()` from the subgraph's generated pothos-types. */
  datamodel: { datamodel: unknown };
  /** Only for the prisma plugin's types: the client comes from the request context. */
  client?: Db;
}

/**
 * The Pothos builder every subgraph uses. Plugin order matters: scope-auth first so that it wraps every
 * resolver, federation last so that it sees the resolvers already wrapped.
 */
export function createBuilder<PrismaTypes extends {}, Db extends PrismaClient>(options: BuilderOptions<Db>) {
  const builder = new SchemaBuilder<GemengSchemaTypes<PrismaTypes, Db>>({
    defaultFieldNullability: false,
    plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DirectivesPlugin, ErrorsPlugin, FederationPlugin],
    scopeAuth: {
      authScopes: (ctx) => ({ public: true, authenticated: ctx.caller !== null }),
      unauthorizedError: () =>
        new GraphQLError('You are not allowed to do this: sign in with an account that has the right role.', {
          extensions: { code: 'FORBIDDEN' },
        }),
    },
    prisma: {
      client: (ctx) => ctx.db,
      dmmf: options.datamodel,
      exposeDescriptions: true,
      filterConnectionTotalCount: true,
      onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
    },
    relay: {},
    errors: { defaultTypes: [] },
  });

  builder.scalarType('DateTime', {
    description: 'An instant in time, as an ISO-8601 string in UTC (for example 2026-12-05T19:30:00.000Z).',
    serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
    parseValue: (value) => parseDateTime(value),
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
  });

  const Language = builder.enumType('Language', {
    description: 'A language of Luxembourg: Luxembourgish, French, German or English.',
    values: Object.fromEntries(LANGUAGES.map((lang) => [lang, { value: lang }])) as Record<
      Language,
      { value: Language }
    >,
  });

  builder.queryType({});
  return { builder, Language };
}

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO-8601 string such as 2026-12-05T19:30:00Z.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** A GraphQL error for a thing that does not exist, with what to do instead. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/** A GraphQL error for a bad argument, with what to do instead. */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
