import { communeRef, entityFields, externalFields } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';
import { Subscription } from './subscription.ts';

const Commune = communeRef(builder);

// The population is identity's: the router fetches it from there before calling `subscription`.
externalFields(builder, Commune, (t) => ({ population: t.int() }));

entityFields(builder, Commune, (t) => ({
  subscription: t.field({
    type: Subscription,
    nullable: true,
    description: "The commune's subscription, or null when it has none.",
    requires: builder.selection<{ population: number }>('population'),
    resolve: async (commune, _args, ctx) => {
      const subscription = await ctx.services.subscriptions.ofCommune(commune.id);
      return subscription && { ...subscription, population: commune.population };
    },
  }),
}));
