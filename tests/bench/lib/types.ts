import type { RunningStack, SubgraphName } from '../../../scripts/stack.ts';

export type GatewayRuntimeName = 'apollo' | 'hive' | 'hive-rust';

/** Where a target's requests go. */
export type Via =
  /** The router the stack started (or the one given with --url). */
  | { kind: 'router' }
  /** A router of this runtime, started for this target on the stack's subgraphs, stopped after it. */
  | { kind: 'runtime'; runtime: GatewayRuntimeName }
  /** One subgraph directly, with the router secret. */
  | { kind: 'subgraph'; subgraph: SubgraphName }
  /** identity's OpenID Connect provider, at this path under the stack's issuer (e.g. `/token`). */
  | { kind: 'issuer'; path: string };

/** What a target's `headers` may use: the running stack (the harness skips `needsStack` targets without one). */
export interface TargetContext {
  stack: RunningStack | undefined;
}

export interface Target {
  /** Unique within the run, e.g. `slice/router`. */
  id: string;
  /** Short label for the table. */
  label: string;
  via: Via;
  /** The GraphQL query, POSTed as JSON; unset for a target that posts a `form` instead. */
  query?: string;
  /** A form (application/x-www-form-urlencoded) POSTed instead of a GraphQL query, e.g. a token request. */
  form?: Record<string, string>;
  /**
   * Request headers computed before each measured run of the target (its warm-up and sample requests included),
   * e.g. a fresh access token; added to `content-type`. A failure here fails the target.
   */
  headers?(context: TargetContext): Promise<Record<string, string>>;
  /** `headers` needs the stack (its issuer, its databases): the target is skipped with --url. */
  needsStack?: boolean;
  /** The HTTP status every response must have (default 200): any other counts as an error. */
  expectStatus?: number;
  /**
   * Checks a sample response: given the `data` of a GraphQL query answered with 200, otherwise (a `form`
   * target, or an `expectStatus` other than 200) the whole JSON body. A description of what is wrong, or undefined.
   */
  check(body: unknown): string | undefined;
  /** A failure that is known and documented: still run and shown, but it does not fail the benchmark. */
  knownFailure?: string;
}

/** Ratios printed when both targets were measured in the same run: `a / b`. */
export interface Comparison {
  label: string;
  a: string;
  b: string;
}

/** A function timed in the harness's own process (no HTTP, no stack): e.g. password hashing. */
export interface InProcessTarget {
  /** Unique within the run, e.g. `login/verify-2`. */
  id: string;
  label: string;
  /** Operations in flight at once (that many loops under Promise.all). */
  concurrency: number;
  /** Runs once before the warm-up, e.g. to make the hash that `run` verifies. */
  setup?(): Promise<void>;
  /** One operation; a throw fails the target. */
  run(): Promise<unknown>;
}

export interface InProcessResult {
  id: string;
  scenario: string;
  label: string;
  concurrency: number;
  ok: boolean;
  problems: string[];
  durationSeconds: number;
  operations: number;
  opsPerSecond: number;
  /** Wall time of one operation, from its start to its end (it waits for a thread when all are busy). */
  latencyMs: { p50: number; p99: number; average: number; max: number };
  /** CPU time (user + system, all threads) of the harness's process per operation, in ms. */
  cpuMsPerOperation: number;
  /** As for TargetResult: CPU used by other processes during the run, in % of all cores. */
  otherCpuPercent: number | null;
}

export interface Scenario {
  name: string;
  description: string;
  targets: Target[];
  comparisons: Comparison[];
  /** Timed in the harness's process, before the stack starts. */
  inProcess?: InProcessTarget[];
  /** Left out of the default run (without --scenario): runs only when named. */
  optIn?: boolean;
  /** Lines printed after the scenario's tables and ratios, derived from its results (e.g. an estimate). */
  summary?(results: { targets: TargetResult[]; inProcess: InProcessResult[] }): string[];
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
  /** Connection errors + timeouts + responses with another status than the expected one (200 or expectStatus). */
  errors: number;
  non2xx: number;
  /** The status every response should have had. */
  expectStatus: number;
  /** Responses per HTTP status during the measured run. */
  statusCodes: Record<string, number>;
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
