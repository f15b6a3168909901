import { loader, type ServiceContext } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { Subscription } from '../generated/prisma/client.ts';

const BY_COMMUNE = Symbol('subscriptionByCommune');

/** The communes' subscriptions to the platform: a yearly fee per inhabitant, in euro cents. */
export function subscriptionsService(ctx: ServiceContext<Db>) {
  return {
    /** A commune's subscription, or null; one SQL statement for all the communes of a request. */
    ofCommune(communeId: string): Promise<Subscription | null> {
      return loader<string, Subscription | null>(
        ctx,
        BY_COMMUNE,
        async (ids) => {
          const rows = await ctx.db.subscription.findMany({ where: { communeId: { in: [...ids] } } });
          return new Map(rows.map((row) => [row.communeId, row]));
        },
        null,
      ).load(communeId);
    },
  };
}

/** Population × rate per inhabitant, in euro cents. */
export function yearlyFeeCents(subscription: Pick<Subscription, 'ratePerInhabitantCents'>, population: number): number {
  return population * subscription.ratePerInhabitantCents;
}
