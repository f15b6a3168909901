/** identity's domain events: it publishes (outbox_event) `identity.user-erased { userId }`, see schema/gdpr.ts. */
import type { SubgraphEvents } from '@gemeng/subgraph-kit';
import type { Db } from './db.ts';

export const events: SubgraphEvents<Db> = { publishes: true };
