/**
 * GDPR in the graph. Erasure travels as the event `identity.user-erased { userId }` (each subgraph's
 * `src/events.ts` deletes or anonymises what it holds); the export goes through federation: identity answers
 * `personalDataExport`, and every other subgraph extends `User @key(fields: "id")` with a field
 * `personalData<Subgraph>: JSON` (one name per subgraph, since two subgraphs cannot resolve the same field)
 * built with `personalDataSection`. See docs/adr/0005-domain-events-outbox.md.
 */
import type { InputRef, OutputRef, SchemaTypes } from '@pothos/core';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { JsonValue } from './types.ts';

function literal(ast: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((value) => literal(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((field) => [field.name.value, literal(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      return undefined;
  }
}

export const JSON_SCALAR = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value (object, array, string, number, boolean or null).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literal(ast, variables),
});

interface ScalarAdder {
  addScalarType(name: string, scalar: GraphQLScalarType, options: object): unknown;
}

const JSON_REFS = new WeakMap<object, OutputRef<JsonValue> & InputRef<JsonValue>>();

/** The `JSON` scalar of a builder, added on first use (`createBuilder` does); the ref to use as a field type. */
export function addJsonScalar<Types extends SchemaTypes>(
  builder: PothosSchemaTypes.SchemaBuilder<Types>,
): OutputRef<JsonValue> & InputRef<JsonValue> {
  let ref = JSON_REFS.get(builder);
  if (!ref) {
    ref = (builder as unknown as ScalarAdder).addScalarType('JSON', JSON_SCALAR, {}) as OutputRef<JsonValue> &
      InputRef<JsonValue>;
    JSON_REFS.set(builder, ref);
  }
  return ref;
}

/**
 * A subgraph's part of a person's data export: `holds` names each kind of data the subgraph keeps about
 * people (empty when it keeps none yet), `data` has one entry per kind, as plain JSON.
 */
export function personalDataSection(subgraph: string, data: Record<string, unknown>): JsonValue {
  const plain = JSON.parse(
    JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
  ) as Record<string, JsonValue>;
  return { subgraph, holds: Object.keys(plain), exportedAt: new Date().toISOString(), data: plain };
}

/** One collector per kind of personal data a subgraph holds: what it returns goes into the person's export. */
export type PersonalDataCollectors<Db> = Record<string, (db: Db, userId: string) => Promise<unknown>>;

/** A subgraph's section of a person's export, from its collectors. */
export async function collectPersonalData<Db>(
  subgraph: string,
  collectors: PersonalDataCollectors<Db>,
  db: Db,
  userId: string,
): Promise<JsonValue> {
  const entries = await Promise.all(
    Object.entries(collectors).map(async ([kind, collect]) => [kind, await collect(db, userId)] as const),
  );
  return personalDataSection(subgraph, Object.fromEntries(entries));
}
