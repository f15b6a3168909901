import type { SchemaTypes } from '@pothos/core';
import type { PrismaClient } from '@pothos/plugin-prisma';
import { isPerson } from './builder.ts';
import type { RequestContext } from './context.ts';
import { addJsonScalar, collectPersonalData, type PersonalDataCollectors } from './events/personal-data.ts';
import { entityFields, userRef } from './schema/entities.ts';

/**
 * A subgraph's part of a person's export (GDPR art. 15 and 20) in the graph: `User.personalData<Subgraph>: JSON`
 * on the User entity of identity (the kit's `userRef`, shared with the subgraph's other User fields), from the
 * subgraph's collectors, readable by the person alone.
 */
export function addPersonalDataField<
  Types extends SchemaTypes & { Context: RequestContext<Db> },
  Db extends PrismaClient,
>(builder: PothosSchemaTypes.SchemaBuilder<Types>, subgraph: string, collectors: PersonalDataCollectors<Db>): void {
  const Json = addJsonScalar(builder);
  const field = `personalData${subgraph.charAt(0).toUpperCase()}${subgraph.slice(1)}`;
  entityFields(builder, userRef(builder), (t) => ({
    [field]: t.field({
      type: Json,
      nullable: true,
      description: `Everything ${subgraph} holds about this person, as JSON: only the person themselves reads it.`,
      authScopes: (user, _args, ctx) => isPerson(ctx.caller) && ctx.caller.sub === user.id,
      resolve: (user, _args, ctx) => collectPersonalData(subgraph, collectors, ctx.db, user.id),
    }),
  }));
}
