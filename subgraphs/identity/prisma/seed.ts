import { DEMO_COMMUNES, demoCommuneId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import type { Db } from '../src/db.ts';

/** The demo communes (idempotent: upserts by slug, so a second start keeps and refreshes them). */
export async function seed(db: Db): Promise<void> {
  await db.$transaction(
    DEMO_COMMUNES.map((commune) => {
      const data = {
        nameLb: commune.names.lb,
        nameFr: commune.names.fr,
        nameDe: commune.names.de,
        nameEn: commune.names.en,
        population: commune.population,
        websiteOrigins: [commune.website],
      };
      return db.commune.upsert({
        where: { slug: commune.slug },
        create: { id: demoCommuneId(commune.slug), slug: commune.slug, ...data },
        update: data,
      });
    }),
    SEED_TRANSACTION,
  );
}
