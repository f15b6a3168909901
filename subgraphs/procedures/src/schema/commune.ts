import { communeRef, entityFields } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import { ProcedureCategory } from './category.ts';
import { Procedure } from './procedure.ts';

entityFields(builder, communeRef(builder), (t) => ({
  procedures: t.field({
    type: [Procedure],
    description:
      'The procedures this commune offers, by code: `search` matches every word in any of the four languages ' +
      '(accents and case ignored), `category` one category code.',
    args: {
      search: t.arg.string({ required: false }),
      category: t.arg.string({ required: false }),
    },
    resolve: (commune, args, ctx) => ctx.services.catalogue.ofCommune(commune.id, args),
  }),
  procedure: t.field({
    type: Procedure,
    nullable: true,
    description: 'One procedure this commune offers, by code; null when it does not offer it.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (commune, args, ctx) => ctx.services.catalogue.byCode(commune.id, args.code),
  }),
  procedureCategories: t.field({
    type: [ProcedureCategory],
    description: 'The categories with at least one procedure this commune offers, in display order.',
    resolve: (commune, _args, ctx) => ctx.services.catalogue.categoriesOf(commune.id),
  }),
}));
