import { badInput, communeRef, entityFields } from '@gemeng/subgraph-kit';
import { MAX_UPCOMING } from '../agenda/service.ts';
import { builder } from '../builder.ts';
import { Event } from './event.ts';

entityFields(builder, communeRef(builder), (t) => ({
  upcomingEvents: t.field({
    type: [Event],
    description: `The next events of this commune, soonest first (at most ${MAX_UPCOMING}).`,
    args: { first: t.arg.int({ required: false, defaultValue: 10, description: `1 to ${MAX_UPCOMING}.` }) },
    resolve: (commune, { first }, ctx) => {
      const limit = first ?? 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_UPCOMING) {
        throw badInput(`upcomingEvents(first: ${limit}) is out of range: ask for 1 to ${MAX_UPCOMING} events.`);
      }
      return ctx.services.agenda.upcoming(commune.id, limit);
    },
  }),
}));
