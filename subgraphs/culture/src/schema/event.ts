import { localized } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';

export const Event = builder.prismaObject('Event', {
  description: 'A cultural event published by a commune.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.string({
      args: { lang: t.arg({ type: Language, required: false }) },
      resolve: (event, args, ctx) => localized(event, 'title', args.lang ?? ctx.lang),
    }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
  }),
});
