/**
 * Typed GraphQL operations (ADR 9): `graphql(\`query …\`)` returns the operation's text, unchanged, typed with its
 * result and variables as gql.tada infers them from `schema/supergraph.graphql`. At run time it is the identity
 * function, so a widget ships its operations as plain strings and the runtime carries no GraphQL parser.
 *
 * `gql.tada check` (each frontend's `typecheck`) validates every `graphql()` call against the supergraph: a field
 * the graph does not have fails `npm test`. The build writes `dist/operations.json`, every operation with its hash.
 */
import type { initGraphQLTada, ResultOf, VariablesOf } from 'gql.tada';
import type { introspection } from './generated/graphql-env.d.ts';

/** The supergraph's custom scalars, as they travel in JSON. */
interface Scalars {
  /** ISO 8601 date-time, e.g. `2026-11-30T12:00:00.000Z`. */
  DateTime: string;
  /** ISO 8601 calendar date, e.g. `2026-12-24` (a decision expected on a day, not at an instant). */
  Date: string;
  /** Any JSON value (WebAuthn options and responses, personal data sections). */
  JSON: unknown;
}

type Tada = ReturnType<typeof initGraphQLTada<{ introspection: introspection; scalars: Scalars }>>;
declare const tada: Tada;
// @ts-expect-error the first overload (gql.tada's turbo cache, unused here) takes no arbitrary text
type Parsed<In extends string> = ReturnType<typeof tada<In, readonly []>>;

/**
 * A GraphQL operation's text with its result and variables types (phantom properties: at run time it is the string).
 */
export type Operation<TResult = unknown, TVariables = Record<string, unknown>> = string & {
  readonly ' $result'?: TResult;
  readonly ' $variables'?: TVariables;
};

/** The `data` an operation answers with. */
export type OperationResult<O> = O extends Operation<infer TResult, infer _> ? TResult : never;
/** The variables an operation takes. */
export type OperationVariables<O> = O extends Operation<infer _, infer TVariables> ? TVariables : never;

/**
 * Declares one operation (a named query, mutation or subscription; one operation per call, no interpolation: the
 * check and the operations manifest read the literal). Returns its text, typed.
 */
export function graphql<const In extends string>(source: In): Operation<ResultOf<Parsed<In>>, VariablesOf<Parsed<In>>> {
  return source;
}
