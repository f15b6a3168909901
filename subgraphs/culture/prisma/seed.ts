import { DEMO_COMMUNES, demoCommuneId, demoId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import type { Db } from '../src/db.ts';

const PROGRAMME = [
  { lb: 'Chrëschtmaart', fr: 'Marché de Noël', de: 'Weihnachtsmarkt', en: 'Christmas market', days: 3 },
  { lb: 'Chrëschtconcert', fr: 'Concert de Noël', de: 'Weihnachtskonzert', en: 'Christmas concert', days: 10 },
  {
    lb: 'Virliesstonn fir Kanner an der Bibliothéik',
    fr: 'Heure du conte pour enfants à la bibliothèque',
    de: 'Vorlesestunde für Kinder in der Bibliothek',
    en: "Children's story time at the library",
    days: 17,
  },
  {
    lb: 'Fotoausstellung',
    fr: 'Exposition de photographie',
    de: 'Fotoausstellung',
    en: 'Photography exhibition',
    days: 24,
  },
  { lb: 'Kinosowend', fr: 'Soirée cinéma', de: 'Kinoabend', en: 'Film night', days: 31 },
] as const;

const DAY = 86_400_000;

/**
 * A programme for each demo commune, dated from the day of seeding so that the portal always has upcoming
 * events; seeding again moves the same events (stable ids) instead of adding new ones.
 */
export async function seed(db: Db): Promise<void> {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const rows = DEMO_COMMUNES.flatMap((commune, c) =>
    PROGRAMME.map((event, i) => {
      // 18:00 or 19:00 UTC: early evening in Luxembourg; communes are staggered by an hour.
      const startsAt = new Date(today + event.days * DAY + (18 + (c % 2)) * 3_600_000);
      return {
        id: demoId('event', commune.slug, i),
        communeId: demoCommuneId(commune.slug),
        titleLb: event.lb,
        titleFr: event.fr,
        titleDe: event.de,
        titleEn: event.en,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      };
    }),
  );
  await db.$transaction(
    rows.map(({ id, ...row }) => db.event.upsert({ where: { id }, create: { id, ...row }, update: row })),
    SEED_TRANSACTION,
  );
}
