import type { Commune } from './commune-card-query.ts';

type Procedure = Commune['procedures'][number];
type Event = Commune['upcomingEvents'][number];

/**
 * Where the card's procedures and events lead: the path of their page on the portal, or undefined while there is
 * none (the card then shows the plain title: no link that leads nowhere, no internal code). The domain issues
 * fill these in as their pages arrive, e.g. `procedure: (commune, p) => \`/communes/${commune}/procedures/${p.code}\``
 * (ask the query for the fields the path needs).
 */
export const communeCardLinks: {
  procedure(commune: string, procedure: Procedure): string | undefined;
  event(commune: string, event: Event): string | undefined;
} = {
  procedure: () => undefined,
  event: () => undefined,
};
