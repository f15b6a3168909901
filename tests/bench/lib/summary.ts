/** The load benchmark's printed report and JSON (see run.ts). */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ROOT, type RunningStack } from '../../../scripts/stack.ts';
import { clockTicksPerSecond } from './cpu.ts';
import { inProcessTable, ratioLines, ratios, table } from './report.ts';
import { BUSY_PERCENT, disturbed, type Settings } from './settings.ts';
import type { InProcessResult, TargetResult } from './types.ts';

/** Where requests go and which processes serve them: the stack we started, or only a router given by URL. */
export interface Platform {
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

export function report(
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
