import { eventRetention, runSubgraph } from '@gemeng/subgraph-kit';
import { createDb } from './db.ts';
import { events } from './events.ts';
import { schema } from './schema/index.ts';

runSubgraph({ name: 'culture', defaultPort: 4003, schema, createDb, events, maintenance: eventRetention });
