import { runSubgraph } from '@gemeng/subgraph-kit';
import { createDb } from './db.ts';
import { schema } from './schema/index.ts';

runSubgraph({ name: 'identity', defaultPort: 4001, schema, createDb });
