import autocannon from 'autocannon';
import { cpuTimeMs, systemBusyMs } from './cpu.ts';

export interface Endpoint {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Sample {
  status: number;
  body: unknown;
  bytes: number;
  sqlStatements: number | null;
  problem: string | undefined;
}

/** What a sample response must be: its status, and whether it is a GraphQL response. */
export interface Expectation {
  /** Default 200. */
  status?: number;
  /** Default true: a 200 must have `data` and no `errors`, and `check` gets the data (otherwise the whole body). */
  graphql?: boolean;
}

/** One request, to check that the target answers as it should (by default: a GraphQL query with data, no errors). */
export async function sample(
  endpoint: Endpoint,
  check: (body: unknown) => string | undefined,
  expectation: Expectation = {},
): Promise<Sample> {
  const expectStatus = expectation.status ?? 200;
  const graphql = (expectation.graphql ?? true) && expectStatus === 200;
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: 'POST',
      headers: endpoint.headers,
      body: endpoint.body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 0, body: undefined, bytes: 0, sqlStatements: null, problem: `request failed: ${message}` };
  }
  const text = await response.text();
  const statements = response.headers.get('x-gemeng-sql-statements');
  const sqlStatements = statements === null ? null : Number(statements);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const problem = response.status === expectStatus ? 'not JSON' : `HTTP ${response.status}, not JSON`;
    return { status: response.status, body: text, bytes: Buffer.byteLength(text), sqlStatements, problem };
  }
  const result = body as { data?: unknown; errors?: { message?: string }[] };
  let problem: string | undefined;
  if (response.status !== expectStatus) problem = `HTTP ${response.status}, not ${expectStatus}`;
  if (graphql && Array.isArray(result.errors) && result.errors.length) {
    const first = result.errors[0]?.message ?? 'no message';
    problem = `${problem ? `${problem}, ` : ''}${result.errors.length} error(s): ${first}`;
  }
  if (graphql && !problem && (result.data === undefined || result.data === null)) problem = 'no data';
  if (!problem) problem = check(graphql ? result.data : body);
  return { status: response.status, body, bytes: Buffer.byteLength(text), sqlStatements, problem };
}

export interface LoadResult {
  result: autocannon.Result;
  /** CPU ms used during the run by each group of processes (null when unknown). */
  cpuMs: Record<string, number | null>;
  loadGeneratorCpuMs: number;
  /** CPU time all cores were busy during the run (any process), in ms; null when unknown. */
  systemBusyMs: number | null;
}

/** The process ids of a group, looked up before and after the run (PostgreSQL forks a process per connection). */
export type ProcessGroup = () => number[];

function snapshot(groups: Record<string, ProcessGroup>): Record<string, Map<number, number> | null> {
  const result: Record<string, Map<number, number> | null> = {};
  for (const [name, group] of Object.entries(groups)) {
    const times = new Map<number, number>();
    const pids = group();
    for (const pid of pids) {
      const ms = cpuTimeMs(pid);
      if (ms !== null) times.set(pid, ms);
    }
    result[name] = pids.length > 0 && times.size > 0 ? times : null;
  }
  return result;
}

/**
 * Runs autocannon against the endpoint, measuring meanwhile the CPU time of each group of processes: the sum over
 * the processes alive at the end of what each used since the start (a process started meanwhile counts whole).
 */
export async function load(
  endpoint: Endpoint,
  options: { durationSeconds: number; connections: number },
  groups: Record<string, ProcessGroup>,
): Promise<LoadResult> {
  const before = snapshot(groups);
  const systemBefore = systemBusyMs();
  const ownBefore = process.cpuUsage();
  const result = await autocannon({
    url: endpoint.url,
    method: 'POST',
    headers: endpoint.headers,
    body: endpoint.body,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
  });
  const own = process.cpuUsage(ownBefore);
  const systemAfter = systemBusyMs();
  const after = snapshot(groups);
  const cpuMs: Record<string, number | null> = {};
  for (const name of Object.keys(groups)) {
    const start = before[name];
    const end = after[name];
    if (!start || !end) {
      cpuMs[name] = null;
      continue;
    }
    let total = 0;
    for (const [pid, ms] of end) total += ms - (start.get(pid) ?? 0);
    cpuMs[name] = total;
  }
  return {
    result,
    cpuMs,
    loadGeneratorCpuMs: (own.user + own.system) / 1000,
    systemBusyMs: systemBefore === null || systemAfter === null ? null : systemAfter - systemBefore,
  };
}
