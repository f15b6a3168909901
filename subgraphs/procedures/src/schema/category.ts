import { builder, Language } from '../builder.ts';
import { type CategoryCode, categoryTitle } from '../catalogue/categories.ts';

/** A category of the fixed taxonomy (civil-status, residence, certificates, …), by code. */
export const ProcedureCategory = builder.objectRef<CategoryCode>('ProcedureCategory').implement({
  description: 'A category of procedures, the same in every commune (for example "civil-status").',
  fields: (t) => ({
    code: t.string({
      description: 'civil-status, residence, certificates, animals, waste, mobility, public-space or other.',
      resolve: (code) => code,
    }),
    title: t.string({
      args: { lang: t.arg({ type: Language, required: false }) },
      resolve: (code, args, ctx) => categoryTitle(code, args.lang ?? ctx.lang),
    }),
  }),
});
