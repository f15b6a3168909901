import { addJsonScalar, collectPersonalData, isPerson, type PersonalDataCollectors } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import type { Db } from '../db.ts';

const Json = addJsonScalar(builder);

/**
 * What procedures holds about a person, one collector per kind of data, for the person's export (GDPR art. 15 and 20).
 * Nothing yet; a table that does adds its collector here (and its erasure in ../events.ts), e.g.
 *   bookings: (db, userId) => db.booking.findMany({ where: { userId } }),
 */
const PERSONAL_DATA: PersonalDataCollectors<Db> = {};

builder
  .externalRef('User', builder.selection<{ id: string }>('id'), (ref) => ref)
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      personalDataProcedures: t.field({
        type: Json,
        nullable: true,
        description: 'Everything procedures holds about this person, as JSON: only the person themselves reads it.',
        authScopes: (user, _args, ctx) => isPerson(ctx.caller) && ctx.caller.sub === user.id,
        resolve: (user, _args, ctx) => collectPersonalData('procedures', PERSONAL_DATA, ctx.db, user.id),
      }),
    }),
  });
