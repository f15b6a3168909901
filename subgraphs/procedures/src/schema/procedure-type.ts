import { localized } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';

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
