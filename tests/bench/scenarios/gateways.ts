import type { Comparison, GatewayRuntimeName, Target } from '../lib/types.ts';
import {
  checkNested,
  checkNestedNoRequires,
  checkSlice,
  NESTED_NO_REQUIRES_QUERY,
  NESTED_QUERY,
  SLICE_QUERY,
} from './queries.ts';

export const name = 'gateways';

export const description =
  'The slice query, a nested query (every commune × 3 subgraphs) and the nested query without the @requires field, ' +
  'through each gateway runtime, each in its own router process on the same subgraphs, one after another.';

const RUNTIMES: GatewayRuntimeName[] = ['apollo', 'hive', 'hive-rust'];
const QUERIES = [
  { key: 'slice', query: SLICE_QUERY, check: checkSlice, requires: true },
  { key: 'nested', query: NESTED_QUERY, check: checkNested, requires: true },
  { key: 'nested-no-requires', query: NESTED_NO_REQUIRES_QUERY, check: checkNestedNoRequires, requires: false },
] as const;

// Grouped by runtime: each router process starts once, serves both queries, and stops.
export const targets: Target[] = RUNTIMES.flatMap((runtime) =>
  QUERIES.map(
    ({ key, query, check, requires }): Target => ({
      id: `gateways/${key}/${runtime}`,
      label: `${key} via ${runtime}`,
      via: { kind: 'runtime', runtime },
      query,
      check,
      // Commune.subscription is resolved by billing with @requires(fields: "population").
      ...(runtime === 'hive' && requires
        ? { knownFailure: "Hive Gateway's JavaScript planner breaks @requires fields (docs/adr/0003)" }
        : {}),
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
