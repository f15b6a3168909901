import { addJsonScalar, isPerson, personalDataSection } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import type { Db } from '../db.ts';

const Json = addJsonScalar(builder);

/**
 * What culture holds about a person, one entry per kind of data, for the person's export (GDPR art. 15 and 20).
 * Culture keeps nothing about people yet; a table that does adds its entry here (and its erasure in ../events.ts), e.g.
 *   bookings: (db, userId) => db.booking.findMany({ where: { userId } }),
 */
const PERSONAL_DATA: Record<string, (db: Db, userId: string) => Promise<unknown>> = {};

builder
  .externalRef('User', builder.selection<{ id: string }>('id'), (ref) => ref)
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      personalDataCulture: t.field({
        type: Json,
        nullable: true,
        description: 'Everything culture holds about this person, as JSON: only the person themselves reads it.',
        authScopes: (user, _args, ctx) => isPerson(ctx.caller) && ctx.caller.sub === user.id,
        resolve: async (user, _args, ctx) => {
          const entries = await Promise.all(
            Object.entries(PERSONAL_DATA).map(async ([kind, collect]) => [kind, await collect(ctx.db, user.id)]),
          );
          return personalDataSection('culture', Object.fromEntries(entries));
        },
      }),
    }),
  });
