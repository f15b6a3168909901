import type { SubgraphDefinition } from '@gemeng/subgraph-kit';
import { createAttachmentRoutes } from './attachments/routes.ts';
import { createDb, type Db } from './db.ts';
import { events } from './events.ts';
import { maintenance } from './maintenance.ts';
import { schema } from './schema/index.ts';
import { createServices } from './services.ts';

/** The procedures subgraph: run alone by main.ts (one process per service), or with the others by `npm start`. */
export const definition: SubgraphDefinition<Db> = {
  name: 'procedures',
  defaultPort: 4002,
  schema,
  createDb,
  services: createServices,
  events,
  // /files/... of the router: attachments and receipts (attachments/routes.ts).
  internalRoutes: createAttachmentRoutes,
  // Outbox and processed events, draft reminders and expired drafts (maintenance.ts).
  maintenance,
};
