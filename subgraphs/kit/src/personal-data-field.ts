import type { PrismaClient } from '@pothos/plugin-prisma';
import { type createBuilder, isPerson } from './builder.ts';
import { addJsonScalar, collectPersonalData, type PersonalDataCollectors } from './events/personal-data.ts';

/**
 * A subgraph's part of a person's export (GDPR art. 15 and 20) in the graph: `User.personalData<Subgraph>: JSON`
 * on the User entity of identity, from the subgraph's collectors, readable by the person alone.
 */
export function addPersonalDataField<PrismaTypes extends {}, Db extends PrismaClient>(
  builder: ReturnType<typeof createBuilder<PrismaTypes, Db>>['builder'],
  subgraph: string,
  collectors: PersonalDataCollectors<Db>,
): void {
  const Json = addJsonScalar(builder);
  const field = `personalData${subgraph.charAt(0).toUpperCase()}${subgraph.slice(1)}`;
  builder
    .externalRef('User', builder.selection<{ id: string }>('id'), (ref) => ref)
    .implement({
      fields: (t) => ({
        id: t.exposeID('id'),
        [field]: t.field({
          type: Json,
          nullable: true,
          description: `Everything ${subgraph} holds about this person, as JSON: only the person themselves reads it.`,
          authScopes: (user, _args, ctx) => isPerson(ctx.caller) && ctx.caller.sub === user.id,
          resolve: (user, _args, ctx) => collectPersonalData(subgraph, collectors, ctx.db, user.id),
        }),
      }),
    });
}
