import { builder } from '../builder.ts';
import type { Subscription as SubscriptionRow } from '../generated/prisma/client.ts';
import { yearlyFeeCents } from '../subscriptions/service.ts';

/** A subscription with the population of its commune, which identity owns (see commune.ts). */
export type SubscriptionWithPopulation = SubscriptionRow & { population: number };

export const Subscription = builder.objectRef<SubscriptionWithPopulation>('Subscription').implement({
  description: "A commune's subscription to the platform: a yearly fee per inhabitant. Money is in euro cents.",
  fields: (t) => ({
    ratePerInhabitantCents: t.exposeInt('ratePerInhabitantCents'),
    yearlyFeeCents: t.int({
      description: 'Population × rate per inhabitant, in euro cents.',
      resolve: (subscription) => yearlyFeeCents(subscription, subscription.population),
    }),
    startsOn: t.string({
      description: 'First day billed (YYYY-MM-DD).',
      resolve: (subscription) => subscription.startsOn.toISOString().slice(0, 10),
    }),
  }),
});
