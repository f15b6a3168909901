import { runSubgraph } from '@gemeng/subgraph-kit';
import { definition } from './definition.ts';

runSubgraph(definition);
