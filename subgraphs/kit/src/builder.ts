import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin, { type PrismaClient } from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure, AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import type { Caller, RequestContext } from './context.ts';
import { addJsonScalar } from './events/personal-data.ts';
import type { JsonValue } from './events/types.ts';
import { LANGUAGES, type Language } from './language.ts';
import { errorTypes } from './schema/errors.ts';

export interface GemengSchemaTypes<PrismaTypes extends {}, Db, Services = unknown> {
  Context: RequestContext<Db, Services>;
  PrismaTypes: PrismaTypes;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    /** A calendar day, `yyyy-mm-dd` (a Date is written as its UTC day, like Prisma's `@db.Date`). */
    Date: { Input: string; Output: Date | string };
    JSON: { Input: JsonValue; Output: unknown };
  };
  DefaultFieldNullability: false;
  AuthScopes: {
    /** Anyone, signed in or not. */
    public: boolean;
    /** A verified caller (citizen, agent or API client). */
    authenticated: boolean;
    /** A signed-in person (citizen, agent, administrator, operator), not an API client. */
    citizen: boolean;
    /** A platform operator of the syndicate. */
    operator: boolean;
    /** A person who signed in with two factors (`acr` = substantial); others get a step-up challenge. */
    substantial: boolean;
    /** An agent or administrator of this commune (id), or an operator. */
    agentOf: string;
    /** An administrator of this commune (id), or an operator. */
    administratorOf: string;
    /** The access token was granted this OAuth scope. */
    scope: string;
  };
}

export interface BuilderOptions<Db> {
  /** `getDatamodel()` from the subgraph's generated pothos-types. */
  datamodel: { datamodel: unknown };
  /** Only for the prisma plugin's types: the client comes from the request context. */
  client?: Db;
}

/**
 * The Pothos builder every subgraph uses, typed with its Prisma models, its database client and its services
 * (`ctx.services`, see `ServicesFactory`). Plugin order matters: scope-auth first so that it wraps every
 * resolver, federation last so that it sees the resolvers already wrapped. Every subgraph gets the `DateTime`,
 * `Date` and `JSON` scalars, the `Language` enum and the shareable error types (`schema/errors.ts`).
 */
export function createBuilder<PrismaTypes extends {}, Db extends PrismaClient, Services = unknown>(
  options: BuilderOptions<Db>,
) {
  const builder = new SchemaBuilder<GemengSchemaTypes<PrismaTypes, Db, Services>>({
    defaultFieldNullability: false,
    plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, DirectivesPlugin, ErrorsPlugin, FederationPlugin],
    scopeAuth: {
      authScopes: (ctx) => authScopesOf(ctx.caller),
      unauthorizedError: (_parent, ctx, _info, result) => authorizationError(ctx.caller, result.failure),
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

  builder.scalarType('Date', {
    description: 'A calendar day, as an ISO-8601 date (for example 2026-12-05).',
    serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDay(value)),
    parseValue: (value) => parseDay(value),
    parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
  });
  addJsonScalar(builder);

  const Language = builder.enumType('Language', {
    description: 'A language of Luxembourg: Luxembourgish, French, German or English.',
    values: Object.fromEntries(LANGUAGES.map((lang) => [lang, { value: lang }])) as Record<
      Language,
      { value: Language }
    >,
  });

  const { ErrorInterface } = errorTypes(builder);

  builder.queryType({});
  return { builder, Language, ErrorInterface };
}

/** A person's token (Authorization Code), as opposed to an API client's (client credentials: `sub` = `client_id`). */
export function isPerson(caller: Caller | null): caller is Caller {
  return caller !== null && caller.sub !== caller.clientId;
}

/**
 * What the caller may do, from the verified access token only (no database): the scopes fields name in
 * `authScopes`. Roles and the operator flag count for people only, never for an API client's token.
 */
export function authScopesOf(caller: Caller | null) {
  const person = isPerson(caller) ? caller : null;
  const hasRole = (communeId: string, roles: readonly string[]) =>
    person !== null &&
    (person.operator || person.roles.some((held) => held.communeId === communeId && roles.includes(held.role)));
  return {
    public: true,
    authenticated: caller !== null,
    citizen: person !== null,
    operator: person?.operator === true,
    // Asynchronous on purpose: scope-auth settles the synchronous rules first and stops at the first refusal, so
    // in `$all` a missing role decides the error (FORBIDDEN) before a missing second factor does (step-up).
    substantial: async () => person?.acr === 'substantial',
    agentOf: (communeId: string) => hasRole(communeId, ['agent', 'administrator']),
    administratorOf: (communeId: string) => hasRole(communeId, ['administrator']),
    scope: (scope: string) => caller?.scopes.includes(scope) === true,
  };
}

/** The level of assurance a `substantial` field asks for, in step-up challenges. */
export const STEP_UP_ACR = 'substantial';

/**
 * The error for a refused field, by what would let the caller through: anonymous callers are told to sign in
 * (UNAUTHENTICATED); a person who lacks only a two-factor sign-in gets an RFC 9470 step-up challenge
 * (INSUFFICIENT_USER_AUTHENTICATION with `acr_values`, for the client to sign in again with it); everyone else
 * gets FORBIDDEN.
 */
export function authorizationError(caller: Caller | null, failure: AuthFailure): GraphQLError {
  if (caller === null) {
    return new GraphQLError('You need to be signed in to do this: sign in and try again.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (isPerson(caller) && onlyStepUpMissing(failure)) return stepUpRequired();
  return new GraphQLError('You are not allowed to do this: sign in with an account that has the right role.', {
    extensions: { code: 'FORBIDDEN' },
  });
}

/**
 * The RFC 9470 step-up challenge, for rules that depend on data (e.g. changing second factors once a person has
 * one) rather than on a scope alone. With `maxAge` (seconds), the second factor must also have been entered
 * that recently ("sudo mode"): the client signs in again with `acr_values` and `max_age`.
 */
export function stepUpRequired(options: { maxAge?: number } = {}): GraphQLError {
  const { maxAge } = options;
  return new GraphQLError(
    maxAge === undefined
      ? 'This needs a stronger sign-in: sign in again with a second factor (code card, authenticator app or passkey).'
      : `This needs a recent second factor: enter your code card, authenticator app or passkey again (at most ${Math.round(maxAge / 60)} minutes ago).`,
    {
      extensions: {
        code: 'INSUFFICIENT_USER_AUTHENTICATION',
        acr_values: STEP_UP_ACR,
        ...(maxAge === undefined ? {} : { max_age: maxAge }),
      },
    },
  );
}

/** True when a higher level of assurance alone would have let the caller through. */
function onlyStepUpMissing(failure: AuthFailure): boolean {
  switch (failure.kind) {
    case AuthScopeFailureType.AuthScope:
      return failure.scope === 'substantial';
    case AuthScopeFailureType.AnyAuthScopes:
      return failure.failures.some(onlyStepUpMissing);
    case AuthScopeFailureType.AllAuthScopes:
      return failure.failures.length > 0 && failure.failures.every(onlyStepUpMissing);
    default:
      return false;
  }
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

function parseDay(value: unknown): string {
  const day =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError('Date must be an ISO-8601 day such as 2026-12-05.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value as string;
}

/** A GraphQL error for a thing that does not exist, with what to do instead. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/** A GraphQL error for a bad argument, with what to do instead. */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
