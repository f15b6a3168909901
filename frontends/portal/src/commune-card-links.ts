import type { Commune } from './commune-card-query.ts';

type Procedure = Commune['procedures'][number];
type Event = Commune['upcomingEvents'][number];

/**
 * Where the card's procedures and events lead: the path of their page on the portal, or undefined while there is
 * none (the card then shows the plain title: no link that leads nowhere, no internal code). The domain issues
 * fill these in as their pages arrive (ask the query for the fields the path needs). `procedures` is the
 * commune's whole catalogue (`<gemeng-procedures>`).
 */
export const communeCardLinks: {
  procedure(commune: string, procedure: Procedure): string | undefined;
  procedures(commune: string): string | undefined;
  event(commune: string, event: Event): string | undefined;
} = {
  procedure: (commune, procedure) =>
    `/communes/${encodeURIComponent(commune)}/procedures/${encodeURIComponent(procedure.code)}`,
  procedures: (commune) => `/communes/${encodeURIComponent(commune)}/procedures`,
  event: () => undefined,
};
