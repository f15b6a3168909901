/** One target's measured run (autocannon through lib/load.ts) or one in-process target's, as run.ts calls them. */
import { cpus } from 'node:os';
import { SUBGRAPHS, type SubgraphName } from '../../../scripts/stack.ts';
import { percentile, runInProcess } from './inprocess.ts';
import { type Endpoint, load, type ProcessGroup, sample } from './load.ts';
import { BUSY_PERCENT, disturbed, progress, type Settings } from './settings.ts';
import type { InProcessResult, InProcessTarget, Scenario, Target, TargetResult } from './types.ts';

export async function measureInProcess(
  scenario: Scenario,
  target: InProcessTarget,
  run: Settings,
): Promise<InProcessResult> {
  const base = { id: target.id, scenario: scenario.name, label: target.label, concurrency: target.concurrency };
  const failure = (problem: string): InProcessResult => {
    progress(`  FAILED: ${problem}`);
    return {
      ...base,
      ok: false,
      problems: [problem],
      durationSeconds: 0,
      operations: 0,
      opsPerSecond: 0,
      latencyMs: { p50: 0, p99: 0, average: 0, max: 0 },
      cpuMsPerOperation: 0,
      otherCpuPercent: null,
    };
  };
  try {
    await target.setup?.();
  } catch (error) {
    return failure(`setup: ${error instanceof Error ? error.message : String(error)}`);
  }
  const warm = await runInProcess(target, run.warmupSeconds);
  if (warm.error) return failure(warm.error);
  const measured = await runInProcess(target, run.durationSeconds);
  if (measured.error) return failure(measured.error);
  if (measured.operations === 0) return failure('no operation completed');
  const { latenciesMs, operations } = measured;
  const result: InProcessResult = {
    ...base,
    ok: true,
    problems: [],
    durationSeconds: measured.durationSeconds,
    operations,
    opsPerSecond: operations / measured.durationSeconds,
    latencyMs: {
      p50: percentile(latenciesMs, 50),
      p99: percentile(latenciesMs, 99),
      average: latenciesMs.reduce((sum, ms) => sum + ms, 0) / operations,
      max: Math.max(...latenciesMs),
    },
    cpuMsPerOperation: measured.cpuMs / operations,
    otherCpuPercent: measured.otherCpuPercent,
  };
  progress(
    `  ${result.opsPerSecond.toFixed(1)} ops/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, ` +
      `${result.cpuMsPerOperation.toFixed(1)} CPU ms/op` +
      (result.otherCpuPercent === null
        ? ''
        : `, other processes used ${result.otherCpuPercent.toFixed(0)} % of the CPU`),
  );
  if (disturbed(result)) {
    progress(`  WARNING: something else was using the CPU: ops/s and latencies of this target are not comparable`);
  }
  return result;
}

export async function measure(
  scenario: Scenario,
  target: Target,
  endpointFor: () => Promise<Endpoint>,
  groups: Record<string, ProcessGroup>,
  run: Settings,
): Promise<TargetResult> {
  const base = {
    id: target.id,
    scenario: scenario.name,
    label: target.label,
    via:
      target.via.kind === 'router'
        ? 'router'
        : target.via.kind === 'runtime'
          ? target.via.runtime
          : target.via.kind === 'subgraph'
            ? target.via.subgraph
            : 'issuer',
    ...(target.knownFailure ? { knownFailure: target.knownFailure } : {}),
  };
  const expectStatus = target.expectStatus ?? 200;
  const expectation = { status: expectStatus, graphql: target.form === undefined };
  let endpoint: Endpoint;
  let before: Awaited<ReturnType<typeof sample>>;
  try {
    endpoint = await endpointFor();
    before = await sample(endpoint, target.check, expectation);
  } catch (error) {
    const problem = `preparing the request: ${error instanceof Error ? error.message : String(error)}`;
    before = { status: 0, body: undefined, bytes: 0, sqlStatements: null, problem };
    endpoint = { url: '', headers: {}, body: '' };
  }
  if (before.problem) {
    progress(`  FAILED before the run: ${before.problem}`);
    return {
      ...base,
      url: endpoint.url,
      ok: false,
      problems: [`sample response: ${before.problem}`],
      durationSeconds: 0,
      connections: run.connections,
      requests: 0,
      rps: 0,
      latencyMs: { p50: 0, p99: 0, average: 0, max: 0 },
      errors: 0,
      non2xx: 0,
      expectStatus,
      statusCodes: {},
      cpuMsPerRequest: { router: null, subgraphs: null, database: null },
      cpuMsPerRequestBySubgraph: { identity: null, procedures: null, culture: null, billing: null },
      loadGeneratorCpuMsPerRequest: 0,
      otherCpuPercent: null,
      sqlStatementsPerRequest: before.sqlStatements,
      responseBytes: before.bytes,
    };
  }

  await load(endpoint, { durationSeconds: run.warmupSeconds, connections: run.connections }, {});
  const { result, cpuMs, loadGeneratorCpuMs, systemBusyMs } = await load(
    endpoint,
    { durationSeconds: run.durationSeconds, connections: run.connections },
    groups,
  );
  const after = await sample(endpoint, target.check, expectation);

  const requests = result.requests.total;
  const known = [cpuMs.router, cpuMs.subgraphs, cpuMs.database].reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  const capacityMs = result.duration * 1000 * cpus().length;
  const otherCpuPercent =
    // Unknown when the servers' own CPU is (--url): they would count as "other".
    systemBusyMs === null || !capacityMs || cpuMs.subgraphs === null || cpuMs.database === null
      ? null
      : Math.max(0, (100 * (systemBusyMs - known - loadGeneratorCpuMs)) / capacityMs);
  const perRequest = (ms: number | null | undefined) =>
    ms === null || ms === undefined || !requests ? null : ms / requests;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  );
  const unexpected = Object.entries(statusCodes)
    .filter(([status]) => Number(status) !== expectStatus)
    .reduce((sum, [, count]) => sum + count, 0);
  const errors = result.errors + unexpected;
  const problems: string[] = [];
  if (errors > 0) {
    const others = Object.entries(statusCodes)
      .filter(([status]) => Number(status) !== expectStatus)
      .map(([status, count]) => `${count} × ${status}`);
    problems.push(
      `${result.errors} connection errors (${result.timeouts} timeouts), ${unexpected} responses not ${expectStatus}` +
        (others.length ? ` (${others.join(', ')})` : ''),
    );
  }
  if (requests === 0) problems.push('no response during the run');
  if (after.problem) problems.push(`sample after the run: ${after.problem}`);
  for (const problem of problems) progress(`  FAILED: ${problem}`);

  const outcome: TargetResult = {
    ...base,
    url: endpoint.url,
    ok: problems.length === 0,
    problems,
    durationSeconds: result.duration,
    connections: result.connections,
    requests,
    rps: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: result.latency.average,
      max: result.latency.max,
    },
    errors,
    non2xx: result.non2xx,
    expectStatus,
    statusCodes,
    cpuMsPerRequest: {
      router: perRequest(cpuMs.router),
      subgraphs: perRequest(cpuMs.subgraphs),
      database: perRequest(cpuMs.database),
    },
    cpuMsPerRequestBySubgraph: Object.fromEntries(
      SUBGRAPHS.map((name) => [name, perRequest(cpuMs[`subgraph:${name}`])]),
    ) as Record<SubgraphName, number | null>,
    loadGeneratorCpuMsPerRequest: perRequest(loadGeneratorCpuMs) ?? 0,
    otherCpuPercent,
    sqlStatementsPerRequest: before.sqlStatements,
    responseBytes: before.bytes,
  };
  progress(
    `  ${Math.round(outcome.rps)} req/s, p50 ${outcome.latencyMs.p50} ms, p99 ${outcome.latencyMs.p99} ms, ${errors} errors` +
      (otherCpuPercent === null ? '' : `, other processes used ${otherCpuPercent.toFixed(0)} % of the CPU`),
  );
  if (otherCpuPercent !== null && otherCpuPercent > BUSY_PERCENT) {
    progress(`  WARNING: something else was using the CPU: RPS and latencies of this target are not comparable`);
  }
  return outcome;
}
