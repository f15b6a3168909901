import type { SubgraphDefinition } from '@gemeng/subgraph-kit';
import { createDb, type Db } from './db.ts';
import { events } from './events.ts';
import { createInternalRoutes } from './internal-routes.ts';
import { maintenance } from './maintenance.ts';
import { createPublicRoutes } from './public-routes.ts';
import { schema } from './schema/index.ts';

/** The identity subgraph: run alone by main.ts (one process per service), or with the others by `npm start`. */
export const definition: SubgraphDefinition<Db> = {
  name: 'identity',
  defaultPort: 4001,
  schema,
  createDb,
  publicRoutes: createPublicRoutes,
  internalRoutes: createInternalRoutes,
  events,
  maintenance,
};
