import type { SchemaTypes } from '@pothos/core';

/**
 * The kit's schema helpers are generic over each subgraph's builder types, which Pothos' field inference cannot
 * follow; inside them the builder is seen with these concrete types, and each helper's own signature stays typed.
 */
export type LooseTypes = PothosSchemaTypes.ExtendDefaultTypes<{
  DefaultFieldNullability: false;
  Context: object;
}>;

export type LooseBuilder = PothosSchemaTypes.SchemaBuilder<LooseTypes>;

export function loose<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>): LooseBuilder {
  return builder as unknown as LooseBuilder;
}
