/**
 * Load benchmarks of the router and the subgraphs: `npm run bench -- [--scenario slice|gateways|auth|login] …`.
 * Starts the whole stack (embedded PostgreSQL, four subgraphs, router) unless --url names a running router, runs
 * each target of the chosen scenarios one after another with autocannon, and prints a table, ratios and JSON.
 * See tests/bench/README.md.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPHS, startStack } from '../../scripts/stack.ts';
import { asksForBundles, runBundles } from './bundles.ts';
import { asksForFootprint, runFootprint } from './footprint.ts';
import { pidListeningOn, systemBusyMs, withChildren } from './lib/cpu.ts';
import { type Endpoint, load, type ProcessGroup, sample } from './lib/load.ts';
import { measure, measureInProcess } from './lib/measure.ts';
import { type ExtraRouter, startRouter, stopAllRouters } from './lib/routers.ts';
import { BUSY_PERCENT, disturbed, pause, progress, RETRIES, type Settings, settings, USAGE } from './lib/settings.ts';
import { type Platform, report } from './lib/summary.ts';
import type { GatewayRuntimeName, InProcessResult, TargetResult } from './lib/types.ts';

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

// Exit explicitly: nothing started here should keep the process alive once everything is stopped.
process.exit(await main());
