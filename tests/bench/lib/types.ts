import type { SubgraphName } from '../../../scripts/stack.ts';

export type GatewayRuntimeName = 'apollo' | 'hive' | 'hive-rust';

/** Where a target's requests go. */
export type Via =
  /** The router the stack started (or the one given with --url). */
  | { kind: 'router' }
  /** A router of this runtime, started for this target on the stack's subgraphs, stopped after it. */
  | { kind: 'runtime'; runtime: GatewayRuntimeName }
  /** One subgraph directly, with the router secret. */
  | { kind: 'subgraph'; subgraph: SubgraphName };

export interface Target {
  /** Unique within the run, e.g. `slice/router`. */
  id: string;
  /** Short label for the table. */
  label: string;
  via: Via;
  query: string;
  /** Checks the `data` of a sample response: a description of what is wrong, or undefined. */
  check(data: unknown): string | undefined;
  /** A failure that is known and documented: still run and shown, but it does not fail the benchmark. */
  knownFailure?: string;
}

/** Ratios printed when both targets were measured in the same run: `a / b`. */
export interface Comparison {
  label: string;
  a: string;
  b: string;
}

export interface Scenario {
  name: string;
  description: string;
  targets: Target[];
  comparisons: Comparison[];
}

export interface TargetResult {
  id: string;
  scenario: string;
  label: string;
  via: string;
  url: string;
  ok: boolean;
  /** Set when the target is expected to fail (see Target.knownFailure). */
  knownFailure?: string;
  /** Why the target failed its sanity check (sample response, errors during the run). */
  problems: string[];
  durationSeconds: number;
  connections: number;
  requests: number;
  rps: number;
  latencyMs: { p50: number; p99: number; average: number; max: number };
  /** Connection errors + timeouts + non-2xx responses. */
  errors: number;
  non2xx: number;
  /** Server CPU time (user + system) per request, in ms: the router process, the sum of the four subgraph
   * processes, PostgreSQL (postmaster and backends); null when unknown or not involved (no router for a direct call). */
  cpuMsPerRequest: { router: number | null; subgraphs: number | null; database: number | null };
  /** The subgraphs' share of it, each. */
  cpuMsPerRequestBySubgraph: Record<SubgraphName, number | null>;
  /** CPU of the load generator (this process) per request, in ms: it shares the cores with the servers. */
  loadGeneratorCpuMsPerRequest: number;
  /**
   * CPU used during the run by processes outside the benchmark (busy time of all cores minus the router, the
   * subgraphs, PostgreSQL and the load generator), as a percentage of the cores' capacity: above a few percent,
   * something else ran on the machine and the RPS and latencies are not comparable.
   */
  otherCpuPercent: number | null;
  /** SQL statements per request (from `x-gemeng-sql-statements`, direct subgraph calls only). */
  sqlStatementsPerRequest: number | null;
  responseBytes: number;
}
