/**
 * Load benchmarks of the router and the subgraphs: `npm run bench -- [--scenario slice|gateways|auth|login] …`.
 * Starts the whole stack (embedded PostgreSQL, four subgraphs, router) unless --url names a running router, runs
 * each target of the chosen scenarios one after another with autocannon, and prints a table, ratios and JSON.
 * See tests/bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, type RunningStack, SUBGRAPHS, type SubgraphName, startStack } from '../../scripts/stack.ts';
import { asksForBundles, runBundles } from './bundles.ts';
import { asksForFootprint, runFootprint } from './footprint.ts';
import { clockTicksPerSecond, pidListeningOn, systemBusyMs, withChildren } from './lib/cpu.ts';
import { percentile, runInProcess } from './lib/inprocess.ts';
import { type Endpoint, load, type ProcessGroup, sample } from './lib/load.ts';
import { inProcessTable, ratioLines, ratios, table } from './lib/report.ts';
import { type ExtraRouter, startRouter, stopAllRouters } from './lib/routers.ts';
import type {
  GatewayRuntimeName,
  InProcessResult,
  InProcessTarget,
  Scenario,
  Target,
  TargetResult,
} from './lib/types.ts';
import { SCENARIOS } from './scenarios/index.ts';

const RUNTIMES: GatewayRuntimeName[] = ['apollo', 'hive', 'hive-rust'];
/** The scenarios of a run without --scenario. */
const DEFAULT_SCENARIOS = SCENARIOS.filter((scenario) => !scenario.optIn);
/** Share of the CPU used by processes outside the benchmark above which a run is flagged as disturbed. */
const BUSY_PERCENT = 5;
/** How many times a disturbed target is measured again. */
const RETRIES = 2;
const disturbed = (result: TargetResult | InProcessResult) =>
  result.otherCpuPercent !== null && result.otherCpuPercent > BUSY_PERCENT;

const USAGE = `Usage: npm run bench -- [options]

  --scenario <name>    run this scenario (repeatable): ${SCENARIOS.map((s) => s.name).join(', ')}
                       (default: ${DEFAULT_SCENARIOS.map((s) => s.name).join(', ')}; the others only when named)
  --scenario footprint what npm start costs: ready time, memory at idle and after --requests (default 1000)
                       requests; runs alone (--subgraphs processes: one process per subgraph)
  --scenario bundles   widget code sizes against the budgets, the JavaScript pages load in Chromium, and
                       Lighthouse on the portal home and a commune page; runs alone (--no-lighthouse: skip it)
  --duration <s>       measured seconds per target (default 10)
  --warmup <s>         warm-up seconds per target, not measured (default 2)
  --connections <n>    concurrent connections (default 20)
  --quick              smoke run: 3 s per target, 1 s warm-up
  --runtime <name>     gateway runtime of the stack's router: apollo, hive, hive-rust (default hive-rust)
  --url <routerUrl>    use this running router instead of starting a stack (router targets only)
  --json <file>        write the results as JSON to this file (default: printed after a "JSON:" line)
  --help               this text`;

interface Settings {
  scenarios: Scenario[];
  durationSeconds: number;
  warmupSeconds: number;
  /** Load per distinct query through the stack's router before the first target. */
  globalWarmupSeconds: number;
  connections: number;
  runtime: GatewayRuntimeName;
  url: string | undefined;
  jsonFile: string | undefined;
}

class UsageError extends Error {}

function settings(argv: string[]): Settings | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', multiple: true },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      quick: { type: 'boolean', default: false },
      runtime: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  const positive = (value: string | undefined, fallback: number, option: string, integer = false) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
      throw new UsageError(`--${option} must be a positive ${integer ? 'integer' : 'number'}, not "${value}"`);
    }
    return number;
  };
  const names = values.scenario ?? DEFAULT_SCENARIOS.map((scenario) => scenario.name);
  const scenarios = names.map((name) => {
    const scenario = SCENARIOS.find((candidate) => candidate.name === name);
    if (!scenario)
      throw new UsageError(`unknown scenario "${name}": choose ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return scenario;
  });
  const runtime = (values.runtime ?? 'hive-rust') as GatewayRuntimeName;
  if (!RUNTIMES.includes(runtime)) throw new UsageError(`--runtime must be one of ${RUNTIMES.join(', ')}`);
  if (values.url !== undefined) {
    try {
      new URL(values.url);
    } catch {
      throw new UsageError(`--url must be the router's URL, e.g. http://127.0.0.1:4000/graphql, not "${values.url}"`);
    }
  }
  return {
    scenarios: [...new Set(scenarios)],
    durationSeconds: positive(values.duration, values.quick ? 3 : 10, 'duration'),
    warmupSeconds: positive(values.warmup, values.quick ? 1 : 2, 'warmup'),
    globalWarmupSeconds: values.quick ? 1 : 5,
    connections: positive(values.connections, 20, 'connections', true),
    runtime,
    url: values.url,
    jsonFile: values.json,
  };
}

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where requests go and which processes serve them: the stack we started, or only a router given by URL. */
interface Platform {
  routerUrl: string;
  routerPid: number | undefined;
  stack: RunningStack | undefined;
  postgresPid: number | undefined;
}

function versionOf(pkg: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return undefined;
  }
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function localPid(url: string): number | undefined {
  const { hostname, port, protocol } = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) return undefined;
  return pidListeningOn(Number(port || (protocol === 'https:' ? 443 : 80)));
}

async function main(): Promise<number> {
  // The footprint scenario runs alone: it starts `npm start` itself (see footprint.ts).
  if (asksForFootprint(process.argv.slice(2))) return runFootprint(process.argv.slice(2));
  // So does the bundles scenario: it measures the build and pages in Chromium on a stack with the shell (bundles.ts).
  if (asksForBundles(process.argv.slice(2))) return runBundles(process.argv.slice(2));
  let options: Settings | undefined;
  try {
    options = settings(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const run = options;

  // Targets in run order; with --url only those that go to the router.
  const planned = run.scenarios.flatMap((scenario) => scenario.targets.map((target) => ({ scenario, target })));
  const selected = run.url
    ? planned.filter(({ target }) => target.via.kind === 'router' && !target.needsStack)
    : planned;
  for (const { target } of planned.filter((entry) => !selected.includes(entry))) {
    progress(`skipping ${target.id}: it needs the stack, and --url gives only a router`);
  }
  const inProcess = run.scenarios.flatMap((scenario) =>
    (scenario.inProcess ?? []).map((target) => ({ scenario, target })),
  );
  if (selected.length === 0 && inProcess.length === 0) {
    console.error('bench: nothing to run (with --url, only router targets can run: try --scenario slice)');
    return 2;
  }

  let dataDir: string | undefined;
  let extra: { runtime: GatewayRuntimeName; router: ExtraRouter } | undefined;
  let platform: Platform | undefined;
  let cleaning: Promise<void> | undefined;
  /** Stops what was started; keeps the logs (without the database) when something went wrong. */
  const cleanUp = (keepLogs: boolean) => {
    cleaning ??= (async () => {
      await stopAllRouters();
      await platform?.stack?.stop();
      if (!dataDir) return;
      if (keepLogs) {
        rmSync(join(dataDir, 'postgres'), { recursive: true, force: true });
        progress(`logs kept in ${join(dataDir, 'logs')}`);
      } else rmSync(dataDir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  let failed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: stopping what was started`);
    cleanUp(true).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const idle = systemBusyMs();
    await pause(1000);
    const busy = systemBusyMs();
    if (idle !== null && busy !== null && (busy - idle) / (10 * cpus().length) > 2 * BUSY_PERCENT) {
      progress(
        `WARNING: ${((busy - idle) / (10 * cpus().length)).toFixed(0)} % of the CPU is busy before the benchmark starts: ` +
          'stop other work (tests, builds) for comparable figures',
      );
    }
    // In-process targets first, while nothing else of the benchmark runs.
    const inProcessResults: InProcessResult[] = [];
    for (const [index, { scenario, target }] of inProcess.entries()) {
      progress(`[in-process ${index + 1}/${inProcess.length}] ${target.id}: ${target.label}`);
      let result = await measureInProcess(scenario, target, run);
      for (let retry = 1; retry <= RETRIES && result.ok && disturbed(result); retry++) {
        progress(`  measuring ${target.id} again (${retry}/${RETRIES}) in 5 s`);
        await pause(5000);
        const again = await measureInProcess(scenario, target, run);
        if ((again.otherCpuPercent ?? 0) < (result.otherCpuPercent ?? 0) || !result.ok) result = again;
      }
      inProcessResults.push(result);
    }
    if (selected.length === 0) {
      report(run, undefined, [], inProcessResults);
      failed = !inProcessResults.every((result) => result.ok);
      return failed ? 1 : 0;
    }

    if (run.url) {
      platform = { routerUrl: run.url, routerPid: localPid(run.url), stack: undefined, postgresPid: undefined };
      if (!platform.routerPid) progress('the router process is not visible here: no router CPU figures');
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'gemeng-bench-'));
      // Run as root, the embedded PostgreSQL runs as the `postgres` user, which must reach its data folder.
      chmodSync(dataDir, 0o755);
      const started = Date.now();
      const stack = await startStack({
        shell: false,
        ports: 'ephemeral',
        dataDir,
        gatewayRuntime: run.runtime,
        // One JSON log line per request would cost the servers (and this process, which relays them) CPU.
        env: { LOG_LEVEL: 'warn' },
        onProgress: progress,
      });
      platform = {
        routerUrl: stack.routerUrl,
        routerPid: stack.pids.router,
        stack,
        postgresPid: pidListeningOn(stack.ports.postgres),
      };
      progress(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${stack.logDir})`);
    }

    const { stack, postgresPid } = platform;
    const subgraphPids = SUBGRAPHS.map((name) => stack?.pids[name]).filter((pid) => pid !== undefined);
    const results: TargetResult[] = [];

    // Warm the long-lived processes (subgraphs, database, the stack's router) on every query of the run first:
    // otherwise the first targets run on colder subgraphs than the last ones, which favours the last.
    const queries = [...new Set(selected.map(({ target }) => target.query).filter((query) => query !== undefined))];
    progress(`warming up the subgraphs: ${queries.length} queries × ${run.globalWarmupSeconds} s through the router`);
    for (const query of queries) {
      const endpoint: Endpoint = {
        url: platform.routerUrl,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      };
      await load(endpoint, { durationSeconds: run.globalWarmupSeconds, connections: run.connections }, {});
    }

    for (const [index, { scenario, target }] of selected.entries()) {
      // An extra router runs only while its targets run: stop it when the next target needs another one.
      if (extra && (target.via.kind !== 'runtime' || target.via.runtime !== extra.runtime)) {
        await extra.router.stop();
        extra = undefined;
      }
      let url = platform.routerUrl;
      let routerPid = platform.routerPid;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (target.via.kind === 'runtime') {
        if (!stack) throw new Error('a runtime target needs the stack');
        if (!extra) {
          progress(`starting a ${target.via.runtime} router`);
          const router = await startRouter(stack, target.via.runtime);
          extra = { runtime: target.via.runtime, router };
          // As long a warm-up as the stack's router had, on each query this router will serve that it answers.
          const runtime = target.via.runtime;
          const own = selected.filter(({ target: t }) => t.via.kind === 'runtime' && t.via.runtime === runtime);
          for (const { target: t } of own) {
            if (t.query === undefined) continue;
            const warm: Endpoint = { url: router.url, headers, body: JSON.stringify({ query: t.query }) };
            if ((await sample(warm, t.check)).problem) continue;
            await load(warm, { durationSeconds: run.globalWarmupSeconds, connections: run.connections }, {});
          }
        }
        url = extra.router.url;
        routerPid = extra.router.pid;
      } else if (target.via.kind === 'subgraph') {
        if (!stack) throw new Error('a subgraph target needs the stack');
        url = stack.subgraphUrls[target.via.subgraph];
        routerPid = undefined;
        headers['x-gemeng-router-secret'] = stack.routerSecret;
      } else if (target.via.kind === 'issuer') {
        if (!stack) throw new Error('an issuer target needs the stack');
        url = `${stack.oidcIssuer}${target.via.path}`;
        routerPid = undefined;
      }
      if (target.form) headers['content-type'] = 'application/x-www-form-urlencoded';
      const body = target.form ? new URLSearchParams(target.form).toString() : JSON.stringify({ query: target.query });
      // Per measured run: a target's own headers (an access token) may expire between runs.
      const endpoint = async (): Promise<Endpoint> => ({
        url,
        headers: { ...headers, ...(await target.headers?.({ stack })) },
        body,
      });
      const groups: Record<string, ProcessGroup> = {
        router: () => (routerPid ? [routerPid] : []),
        subgraphs: () => subgraphPids,
        database: () => (postgresPid ? withChildren(postgresPid) : []),
        ...Object.fromEntries(
          SUBGRAPHS.map((name): [string, ProcessGroup] => {
            const pid = stack?.pids[name];
            return [`subgraph:${name}`, () => (pid ? [pid] : [])];
          }),
        ),
      };

      progress(`[${index + 1}/${selected.length}] ${target.id}: ${target.label} (${url})`);
      let result = await measure(scenario, target, endpoint, groups, run);
      // Measured while something else used the CPU: measure again (twice at most), keep the least disturbed run.
      for (let retry = 1; retry <= RETRIES && disturbed(result); retry++) {
        progress(`  measuring ${target.id} again (${retry}/${RETRIES}) in 5 s`);
        await pause(5000);
        const again = await measure(scenario, target, endpoint, groups, run);
        if ((again.otherCpuPercent ?? 0) < (result.otherCpuPercent ?? 0) || !result.ok) result = again;
      }
      results.push(result);
      await pause(500);
    }
    if (extra) await extra.router.stop();
    extra = undefined;

    report(run, platform, results, inProcessResults);
    failed =
      !results.every((result) => result.ok || result.knownFailure) || !inProcessResults.every((result) => result.ok);
    return failed ? 1 : 0;
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await cleanUp(failed);
  }
}

async function measureInProcess(scenario: Scenario, target: InProcessTarget, run: Settings): Promise<InProcessResult> {
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

async function measure(
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

function report(
  run: Settings,
  platform: Platform | undefined,
  results: TargetResult[],
  inProcessResults: InProcessResult[],
) {
  const comparisons = run.scenarios.flatMap((scenario) => scenario.comparisons);
  const computed = ratios(comparisons, results);
  const cpu = cpus();
  const meta = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model,
    clockTicksPerSecond: clockTicksPerSecond(),
    mode: platform ? (platform.stack ? 'stack' : 'url') : 'in-process',
    stackRouterRuntime: platform?.stack ? run.runtime : undefined,
    routerUrl: platform?.routerUrl,
    durationSeconds: run.durationSeconds,
    warmupSeconds: run.warmupSeconds,
    globalWarmupSeconds: run.globalWarmupSeconds,
    connections: run.connections,
    versions: Object.fromEntries(
      ['@apollo/gateway', '@graphql-hive/gateway', '@graphql-hive/router-runtime', 'autocannon'].map((pkg) => [
        pkg,
        versionOf(pkg),
      ]),
    ),
  };

  const out: string[] = [''];
  out.push(
    `Gemeng benchmarks: ${meta.date}, commit ${meta.commit ?? '?'}, Node ${meta.node}, ${meta.cpus} cores, ` +
      `${run.connections} connections, ${run.durationSeconds} s per target after ${run.warmupSeconds} s warm-up` +
      (platform === undefined
        ? ''
        : platform.stack
          ? `, stack router: ${run.runtime}`
          : `, router ${platform.routerUrl}`),
  );
  for (const scenario of run.scenarios) {
    const rows = results.filter((result) => result.scenario === scenario.name);
    const own = inProcessResults.filter((result) => result.scenario === scenario.name);
    if (rows.length === 0 && own.length === 0) continue;
    out.push('', `## ${scenario.name}: ${scenario.description}`);
    if (own.length) out.push('', inProcessTable(own));
    if (rows.length) out.push('', table(rows));
    const lines = ratioLines(computed.filter((r) => scenario.comparisons.some((c) => c.a === r.a && c.b === r.b)));
    if (lines) out.push('', lines);
    const summary = scenario.summary?.({ targets: rows, inProcess: own }) ?? [];
    if (summary.length) out.push('', ...summary);
  }
  const noisy = [...inProcessResults, ...results].filter(disturbed);
  if (noisy.length) {
    out.push(
      '',
      `WARNING: other processes used more than ${BUSY_PERCENT} % of the CPU during ${noisy.map((r) => r.id).join(', ')}: ` +
        'their RPS and latencies are not comparable (CPU per request is less affected). Run again on a quiet machine.',
    );
  }
  out.push('');
  console.log(out.join('\n'));

  const json = JSON.stringify(
    {
      meta,
      scenarios: run.scenarios.map(({ name, description }) => ({ name, description })),
      results,
      inProcessResults,
      ratios: computed,
    },
    null,
    2,
  );
  if (run.jsonFile) {
    writeFileSync(run.jsonFile, `${json}\n`);
    console.log(`JSON written to ${run.jsonFile}`);
  } else {
    console.log(`JSON:\n${json}`);
  }
}

// Exit explicitly: nothing started here should keep the process alive once everything is stopped.
process.exit(await main());
