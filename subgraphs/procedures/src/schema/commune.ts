import { groupBy, loader, localized } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';
import type { ProcedureType as ProcedureTypeRow } from '../generated/prisma/client.ts';

export const ProcedureType = builder.prismaObject('ProcedureType', {
  description: 'An administrative procedure a commune offers online.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', {
      description: 'The same code for the same procedure in every commune, for example "residence-certificate".',
    }),
    title: t.string({
      args: { lang: t.arg({ type: Language, required: false }) },
      resolve: (procedure, args, ctx) => localized(procedure, 'title', args.lang ?? ctx.lang),
    }),
  }),
});

const byCommune = Symbol('proceduresByCommune');

builder
  .externalRef('Commune', builder.selection<{ id: string }>('id'), (ref) => ref)
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      procedures: t.field({
        type: [ProcedureType],
        description: 'The procedures this commune offers online, by code.',
        // One SQL statement for all the communes of a request.
        resolve: (commune, _args, ctx) =>
          loader<string, ProcedureTypeRow[]>(
            ctx,
            byCommune,
            async (ids) =>
              groupBy(
                await ctx.db.procedureType.findMany({
                  where: { communeId: { in: [...ids] } },
                  orderBy: { code: 'asc' },
                }),
                (row) => row.communeId,
              ),
            [],
          ).load(commune.id),
      }),
    }),
  });
