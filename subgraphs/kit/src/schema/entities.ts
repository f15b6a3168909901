/**
 * The entities every domain extends, written once: identity owns `Commune` and `User`; another subgraph refers
 * to them by key (`@key(fields: "id") @extends`, resolved by reference). Each ref is made once per builder, so
 * any number of files add fields to it without defining the type again:
 *
 *   const Commune = communeRef(builder);
 *   entityFields(builder, Commune, (t) => ({ procedures: t.field({ … }) }));
 */
import { FieldBuilder, type FieldMap, type ObjectRef, RootFieldBuilder, type SchemaTypes } from '@pothos/core';
import { loose } from './loose.ts';

/** What the router sends for an entity this subgraph extends: its key. */
export interface EntityKey {
  id: string;
}

const refs = new WeakMap<object, Map<string, unknown>>();

function externalEntity<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>, name: string) {
  let byName = refs.get(builder);
  if (!byName) {
    byName = new Map();
    refs.set(builder, byName);
  }
  const existing = byName.get(name);
  if (existing) return existing as ReturnType<typeof createRef<Types>>;
  const created = createRef(builder, name);
  byName.set(name, created);
  return created;
}

function createRef<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>, name: string) {
  const any = loose(builder);
  const ref = any
    .externalRef(name, any.selection<EntityKey>('id'), (key) => key)
    .implement({ fields: (t) => ({ id: t.exposeID('id') }) });
  // The same ref, typed for this builder: fields added through it get this subgraph's context.
  return ref as unknown as ObjectRef<Types, EntityKey>;
}

/** identity's `Commune`, by id, in a subgraph that extends it (never in identity itself). */
export function communeRef<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>) {
  return externalEntity(builder, 'Commune');
}

/** identity's `User`, by id, in a subgraph that extends it (never in identity itself). */
export function userRef<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>) {
  return externalEntity(builder, 'User');
}

/**
 * Adds fields to an extended entity from any file. Fields may name `requires` (a selection of external fields,
 * see `externalFields`), which the router fetches from the owner before calling them.
 */
export function entityFields<Types extends SchemaTypes, Shape extends EntityKey>(
  builder: PothosSchemaTypes.SchemaBuilder<Types>,
  ref: ObjectRef<Types, Shape>,
  fields: (t: PothosSchemaTypes.FieldBuilder<Types, Shape, 'ExtendedEntity'>) => FieldMap,
): void {
  builder.objectFields(ref, () => fields(new FieldBuilder(builder, 'ExtendedEntity', 'Object')));
}

/**
 * Declares fields of the owner's that this subgraph's `requires` read (`@external`), e.g. the commune's
 * population in billing. Declare each once per subgraph; unused external fields fail composition.
 */
export function externalFields<Types extends SchemaTypes, Shape extends EntityKey>(
  builder: PothosSchemaTypes.SchemaBuilder<Types>,
  ref: ObjectRef<Types, Shape>,
  fields: (t: PothosSchemaTypes.RootFieldBuilder<Types, Shape, 'ExternalEntity'>) => FieldMap,
): void {
  builder.objectFields(ref, () => fields(new RootFieldBuilder(builder, 'ExternalEntity', 'Object')));
}
