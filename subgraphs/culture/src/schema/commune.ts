import { badInput, groupBy, loader, localized } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';
import type { Event as EventRow } from '../generated/prisma/client.ts';

const MAX_UPCOMING = 50;

export const Event = builder.prismaObject('Event', {
  description: 'A cultural event published by a commune.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.string({
      args: { lang: t.arg({ type: Language, required: false }) },
      resolve: (event, args, ctx) => localized(event, 'title', args.lang ?? ctx.lang),
    }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
  }),
});

const upcomingByCommune = Symbol('upcomingEventsByCommune');

/** Row shape of the lateral query below (snake_case columns). */
interface EventRecord {
  id: string;
  commune_id: string;
  title_lb: string;
  title_fr: string;
  title_de: string;
  title_en: string;
  starts_at: Date;
  ends_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

builder
  .externalRef('Commune', builder.selection<{ id: string }>('id'), (ref) => ref)
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      upcomingEvents: t.field({
        type: [Event],
        description: `The next events of this commune, soonest first (at most ${MAX_UPCOMING}).`,
        args: { first: t.arg.int({ required: false, defaultValue: 10, description: `1 to ${MAX_UPCOMING}.` }) },
        resolve: (commune, { first }, ctx) => {
          const limit = first ?? 10;
          if (!Number.isInteger(limit) || limit < 1 || limit > MAX_UPCOMING) {
            throw badInput(`upcomingEvents(first: ${limit}) is out of range: ask for 1 to ${MAX_UPCOMING} events.`);
          }
          // One statement for all the communes of a request, each limited on the (commune_id, starts_at) index.
          return loader<string, EventRow[]>(
            ctx,
            Symbol.for(`${upcomingByCommune.description}:${limit}`),
            async (ids) => {
              const rows = await ctx.db.$queryRaw<EventRecord[]>`
              SELECT e.* FROM unnest(${[...ids]}::uuid[]) AS c(id)
              CROSS JOIN LATERAL (
                SELECT * FROM "event" WHERE commune_id = c.id AND starts_at >= now() ORDER BY starts_at LIMIT ${limit}
              ) e
              ORDER BY e.starts_at`;
              return groupBy(rows.map(toEvent), (row) => row.communeId);
            },
            [],
          ).load(commune.id);
        },
      }),
    }),
  });

function toEvent(row: EventRecord): EventRow {
  return {
    id: row.id,
    communeId: row.commune_id,
    titleLb: row.title_lb,
    titleFr: row.title_fr,
    titleDe: row.title_de,
    titleEn: row.title_en,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
