import { badInput, groupBy, loader, localized, notFound } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';
import { isoDay, COMMUNE_SLUG as SLUG } from '../communes/validation.ts';
import type { Commune as CommuneRow } from '../generated/prisma/client.ts';

const historyById = Symbol('populationHistoryByCommuneId');

const PopulationFigure = builder.objectRef<{ referenceDate: Date; population: number }>('PopulationFigure').implement({
  description: 'A commune’s population on one day.',
  fields: (t) => ({
    referenceDate: t.string({ description: 'YYYY-MM-DD', resolve: (figure) => isoDay(figure.referenceDate) }),
    population: t.exposeInt('population'),
  }),
});

export const Commune = builder.prismaObject('Commune', {
  description: 'A member commune of the syndicate. Every procedure, event and invoice belongs to one.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug', { description: 'Stable name in URLs, for example "dudelange".' }),
    name: t.string({
      description: 'The official name in the requested language (argument, else Accept-Language).',
      args: { lang: t.arg({ type: Language, required: false }) },
      resolve: (commune, args, ctx) => localized(commune, 'name', args.lang ?? ctx.lang),
    }),
    population: t.exposeInt('population', {
      description: 'Inhabitants on populationReferenceDate, the latest figure (STATEC).',
    }),
    populationReferenceDate: t.string({
      description: 'The day the population counts on (YYYY-MM-DD), usually 1 January.',
      resolve: (commune) => isoDay(commune.populationReferenceDate),
    }),
    populationHistory: t.field({
      type: [PopulationFigure],
      description: 'Every population figure recorded, latest reference date first.',
      // One statement for the history of every commune in the request.
      resolve: (commune, _args, ctx) =>
        loader<string, { referenceDate: Date; population: number }[]>(
          ctx,
          historyById,
          async (ids) => {
            const rows = await ctx.db.communePopulation.findMany({
              where: { communeId: { in: [...ids] } },
              orderBy: { referenceDate: 'desc' },
            });
            return groupBy(rows, (row) => row.communeId);
          },
          [],
        ).load(commune.id),
    }),
    websiteOrigins: t.exposeStringList('websiteOrigins', {
      description: 'Origins of the commune websites allowed to embed Gemeng widgets.',
    }),
    joinsOn: t.string({
      description: 'The day it joins (or joined) the syndicate (YYYY-MM-DD).',
      resolve: (commune) => isoDay(commune.joinsOn),
    }),
    active: t.exposeBoolean('active', {
      description: 'False once the syndicate set it inactive: it is no longer in `communes`, its data stays.',
    }),
  }),
});

const byId = Symbol('communeById');

builder.asEntity(Commune, {
  key: builder.selection<{ id: string }>('id'),
  // One SQL statement for all the communes the router asks for in one request.
  resolveReference: (ref, ctx) =>
    loader<string, CommuneRow | null>(
      ctx,
      byId,
      async (ids) => {
        const rows = await ctx.db.commune.findMany({ where: { id: { in: [...ids] } } });
        return new Map(rows.map((row) => [row.id, row]));
      },
      null,
    ).load(ref.id),
});

builder.queryFields((t) => ({
  communes: t.prismaField({
    type: ['Commune'],
    description: 'The member communes, by slug: the active ones, or all with includeInactive.',
    args: { includeInactive: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.commune.findMany({
        ...query,
        where: args.includeInactive ? {} : { active: true },
        orderBy: { slug: 'asc' },
      }),
  }),
  commune: t.prismaField({
    type: 'Commune',
    nullable: true,
    description:
      'One commune by its slug (an inactive one too: see `active`); an unknown slug is an error that says so.',
    args: { slug: t.arg.string({ required: true, description: 'For example "dudelange".' }) },
    resolve: async (query, _root, { slug }, ctx) => {
      if (slug.length > 64 || !SLUG.test(slug)) {
        throw badInput(
          `"${slug}" is not a commune slug: use lower-case letters, digits and hyphens, as in "dudelange".`,
        );
      }
      const commune = await ctx.db.commune.findUnique({ ...query, where: { slug } });
      if (!commune) throw notFound(`No commune with slug "${slug}". The query { communes { slug } } lists them all.`);
      return commune;
    },
  }),
}));
