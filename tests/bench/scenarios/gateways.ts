import type { Comparison, GatewayRuntimeName, Target } from '../lib/types.ts';
import { checkNested, checkSlice, NESTED_QUERY, SLICE_QUERY } from './queries.ts';

export const name = 'gateways';

export const description =
  'The slice query and a nested query (every commune × 3 subgraphs) through each gateway runtime, each in its own ' +
  'router process on the same subgraphs, measured one after another.';

const RUNTIMES: GatewayRuntimeName[] = ['apollo', 'hive', 'hive-rust'];
const QUERIES = [
  { key: 'slice', query: SLICE_QUERY, check: checkSlice },
  { key: 'nested', query: NESTED_QUERY, check: checkNested },
] as const;

// Grouped by runtime: each router process starts once, serves both queries, and stops.
export const targets: Target[] = RUNTIMES.flatMap((runtime) =>
  QUERIES.map(
    ({ key, query, check }): Target => ({
      id: `gateways/${key}/${runtime}`,
      label: `${key} via ${runtime}`,
      via: { kind: 'runtime', runtime },
      query,
      check,
    }),
  ),
);

export const comparisons: Comparison[] = QUERIES.flatMap(({ key }) =>
  RUNTIMES.filter((runtime) => runtime !== 'apollo').map(
    (runtime): Comparison => ({
      label: `${key}: ${runtime} / apollo`,
      a: `gateways/${key}/${runtime}`,
      b: `gateways/${key}/apollo`,
    }),
  ),
);
