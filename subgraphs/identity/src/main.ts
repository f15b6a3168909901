import { runSubgraph } from '@gemeng/subgraph-kit';
import { createDb } from './db.ts';
import { events } from './events.ts';
import { createInternalRoutes } from './internal-routes.ts';
import { maintenance } from './maintenance.ts';
import { createPublicRoutes } from './public-routes.ts';
import { schema } from './schema/index.ts';

runSubgraph({
  name: 'identity',
  defaultPort: 4001,
  schema,
  createDb,
  publicRoutes: createPublicRoutes,
  internalRoutes: createInternalRoutes,
  events,
  maintenance,
});
