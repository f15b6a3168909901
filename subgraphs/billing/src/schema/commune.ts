import { loader } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import type { Subscription as SubscriptionRow } from '../generated/prisma/client.ts';

type SubscriptionWithPopulation = SubscriptionRow & { population: number };

export const Subscription = builder.objectRef<SubscriptionWithPopulation>('Subscription').implement({
  description: "A commune's subscription to the platform: a yearly fee per inhabitant. Money is in euro cents.",
  fields: (t) => ({
    ratePerInhabitantCents: t.exposeInt('ratePerInhabitantCents'),
    yearlyFeeCents: t.int({
      description: 'Population × rate per inhabitant, in euro cents.',
      resolve: (subscription) => subscription.population * subscription.ratePerInhabitantCents,
    }),
    startsOn: t.string({
      description: 'First day billed (YYYY-MM-DD).',
      resolve: (subscription) => subscription.startsOn.toISOString().slice(0, 10),
    }),
  }),
});

const byCommune = Symbol('subscriptionByCommune');

builder
  .externalRef('Commune', builder.selection<{ id: string }>('id'), (ref) => ref)
  .implement({
    externalFields: (t) => ({ population: t.int() }),
    fields: (t) => ({
      id: t.exposeID('id'),
      subscription: t.field({
        type: Subscription,
        nullable: true,
        description: "The commune's subscription, or null when it has none.",
        // The population is identity's: the router fetches it from there before calling this field.
        requires: builder.selection<{ population: number }>('population'),
        resolve: async (commune, _args, ctx) => {
          const subscription = await loader<string, SubscriptionRow | null>(
            ctx,
            byCommune,
            async (ids) => {
              const rows = await ctx.db.subscription.findMany({ where: { communeId: { in: [...ids] } } });
              return new Map(rows.map((row) => [row.communeId, row]));
            },
            null,
          ).load(commune.id);
          return subscription && { ...subscription, population: commune.population };
        },
      }),
    }),
  });
