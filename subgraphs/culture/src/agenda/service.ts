import { groupBy, loader, type ServiceContext } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { Event } from '../generated/prisma/client.ts';

/** The most upcoming events one request may ask for per commune. */
export const MAX_UPCOMING = 50;

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

/** The communes' agendas: what is on next. */
export function agendaService(ctx: ServiceContext<Db>) {
  return {
    /**
     * The next `limit` events of a commune that have not started, soonest first. One statement for all the
     * communes of a request asking for the same limit, each limited on the (commune_id, starts_at) index.
     */
    upcoming(communeId: string, limit: number): Promise<Event[]> {
      return loader<string, Event[]>(
        ctx,
        Symbol.for(`upcomingEventsByCommune:${limit}`),
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
      ).load(communeId);
    },
  };
}

function toEvent(row: EventRecord): Event {
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
