import { eventRetention, runSubgraph } from '@gemeng/subgraph-kit';
import { createDb } from './db.ts';
import { events } from './events.ts';
import { schema } from './schema/index.ts';
import { createServices } from './services.ts';

runSubgraph({
  name: 'billing',
  defaultPort: 4004,
  schema,
  createDb,
  services: createServices,
  events,
  maintenance: eventRetention,
});
