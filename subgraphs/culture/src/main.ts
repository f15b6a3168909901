import { eventRetention, runSubgraph } from '@gemeng/subgraph-kit';
import { createDb } from './db.ts';
import { events } from './events.ts';
import { schema } from './schema/index.ts';
import { createServices } from './services.ts';

runSubgraph({
  name: 'culture',
  defaultPort: 4003,
  schema,
  createDb,
  services: createServices,
  events,
  maintenance: eventRetention,
});
