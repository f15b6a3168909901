/**
 * identity's domain events. It publishes (outbox_event): `identity.user-erased { userId }` (schema/gdpr.ts) and
 * `identity.commune-joined { communeId, slug, joinsOn, population, populationReferenceDate }` when an operator
 * adds a commune (communes/onboarding.ts; the issues call it "commune.joined"). It handles none yet.
 */
import type { SubgraphEvents } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';

export const events: SubgraphEvents<Db> = { publishes: true };
