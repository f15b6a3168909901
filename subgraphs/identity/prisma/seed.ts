import { DEMO_COMMUNES, demoCommuneId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import type { Db } from '../src/db.ts';
import { seedDemoPeopleIfAsked } from '../src/demo/seed-people.ts';

/** The demo figures are STATEC's inhabitants on 1 January 2024 (see DEMO_COMMUNES). */
const REFERENCE_DATE = new Date('2024-01-01T00:00:00Z');

/**
 * The demo communes (idempotent: upserts by slug, so a second start keeps and refreshes them), with their
 * population figure in the history; then, on `npm start`'s embedded database only, the demo people
 * (GEMENG_DEMO_PEOPLE=true, refused in production: src/demo/).
 */
export async function seed(db: Db): Promise<void> {
  await db.$transaction(
    DEMO_COMMUNES.flatMap((commune) => {
      const communeId = demoCommuneId(commune.slug);
      const data = {
        nameLb: commune.names.lb,
        nameFr: commune.names.fr,
        nameDe: commune.names.de,
        nameEn: commune.names.en,
        population: commune.population,
        populationReferenceDate: REFERENCE_DATE,
        websiteOrigins: [commune.website],
      };
      const figure = { communeId, referenceDate: REFERENCE_DATE };
      return [
        db.commune.upsert({
          where: { slug: commune.slug },
          create: { id: communeId, slug: commune.slug, joinsOn: REFERENCE_DATE, ...data },
          update: data,
        }),
        db.communePopulation.upsert({
          where: { communeId_referenceDate: figure },
          create: { ...figure, population: commune.population },
          update: { population: commune.population },
        }),
      ];
    }),
    SEED_TRANSACTION,
  );
  await seedDemoPeopleIfAsked(db);
}
