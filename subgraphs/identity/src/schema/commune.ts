import { badInput, loader, localized, notFound } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';
import type { Commune as CommuneRow } from '../generated/prisma/client.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
    population: t.exposeInt('population', { description: 'Inhabitants on 1 January (STATEC).' }),
    websiteOrigins: t.exposeStringList('websiteOrigins', {
      description: 'Origins of the commune websites allowed to embed Gemeng widgets.',
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
    description: 'All member communes, by slug.',
    resolve: (query, _root, _args, ctx) => ctx.db.commune.findMany({ ...query, orderBy: { slug: 'asc' } }),
  }),
  commune: t.prismaField({
    type: 'Commune',
    nullable: true,
    description: 'One commune by its slug; an unknown slug is an error that says so.',
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
