import { DEMO_COMMUNES, demoCommuneId, demoId, SEED_TRANSACTION } from '@gemeng/subgraph-kit';
import type { Db } from '../src/db.ts';

/** The syndicate's rate for 2026: 20.45 € per inhabitant and year. */
export const DEMO_RATE_PER_INHABITANT_CENTS = 2_045;

export async function seed(db: Db): Promise<void> {
  await db.$transaction(
    DEMO_COMMUNES.map((commune) => {
      const row = {
        communeId: demoCommuneId(commune.slug),
        ratePerInhabitantCents: DEMO_RATE_PER_INHABITANT_CENTS,
        startsOn: new Date('2026-01-01T00:00:00Z'),
      };
      return db.subscription.upsert({
        where: { communeId: row.communeId },
        create: { id: demoId('subscription', commune.slug), ...row },
        update: row,
      });
    }),
    SEED_TRANSACTION,
  );
}
