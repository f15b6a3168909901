/**
 * `npm run bench -- --scenario footprint`: what `npm start` costs. Runs `npm start` as a person does (its
 * prestart build included, on free ports, with a data folder of its own), twice: on an empty data folder (first
 * start: cluster created, migrations, seeds) and again on the same folder (a later start). For each: the time
 * from the command to "Gemeng is running", and the time the launcher prints (start to ready, without the build
 * check); then the memory of every process `npm start` left running (npm and the shell included) at idle, and
 * again after 1,000 requests through the router (the commune slice: all four subgraphs).
 *
 * Goals (issue 8, docs/adr/0006-compiled-lean-services.md): ready within 10 s on a warm install (the later
 * start), and at most 600 MB at idle counted as `alone` (see lib/memory.ts: PSS, with each file the group maps
 * counted once, as on a machine of its own; PostgreSQL's shared buffers once). RSS and PSS are printed too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, freePort, PORT_SETTINGS, ROOT, type StackPorts } from '../../scripts/stack.ts';
import { descendants, type GroupMemory, groupMemory } from './lib/memory.ts';
import { SLICE_QUERY } from './scenarios/queries.ts';

const READY_GOAL_SECONDS = 10;
const MEMORY_GOAL_MB = 600;
const IDLE_SECONDS = 10;

export const FOOTPRINT = 'footprint';

interface StartRun {
  label: string;
  /** From spawning `npm start` to "Gemeng is running". */
  commandSeconds: number;
  /** What the launcher printed: from its start to ready (the build check before it not included). */
  launcherSeconds: number;
  idle: GroupMemory;
  afterRequests?: GroupMemory;
  requests?: { count: number; failed: number; seconds: number };
}

const mb = (kb: number) => Math.round(kb / 1024);

/** `npm start` in its own process group, on these ports and this data folder; resolves when it is ready. */
async function start(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string; seconds: number }> {
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, ...env }, detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 300_000;
  while (!/Gemeng is running/.test(output)) {
    if (child.exitCode !== null) throw new Error(`npm start stopped: ${output.trim().split('\n').at(-1)}`);
    if (Date.now() > deadline) throw new Error('npm start was not ready after 300 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output, seconds: (performance.now() - started) / 1000 };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  process.kill(-(child.pid as number), 'SIGINT');
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 30_000);
  await once(child, 'exit');
  clearTimeout(timer);
}

/** `count` POSTs of the commune slice, `concurrency` at a time; how many failed. */
async function load(routerUrl: string, count: number, concurrency: number) {
  const body = JSON.stringify({ query: SLICE_QUERY });
  let sent = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < count) {
      sent++;
      try {
        const response = await fetch(routerUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const json = (await response.json()) as { data?: { commune?: { subscription?: unknown } } };
        if (!response.ok || !json.data?.commune?.subscription) failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { count, failed, seconds: (performance.now() - started) / 1000 };
}

async function measureStart(label: string, env: NodeJS.ProcessEnv, requests: number): Promise<StartRun> {
  console.error(`footprint: npm start (${label})`);
  const { child, output, seconds } = await start(env);
  try {
    const launcherSeconds = Number(/ready in ([\d.]+) s/.exec(output())?.[1] ?? Number.NaN);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const idle = groupMemory(descendants(child.pid as number));
    const run: StartRun = { label, commandSeconds: seconds, launcherSeconds, idle };
    if (requests > 0) {
      console.error(`footprint: ${requests} requests through the router`);
      run.requests = await load(`http://127.0.0.1:${env.ROUTER_PORT}/graphql`, requests, 10);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      run.afterRequests = groupMemory(descendants(child.pid as number));
    }
    return run;
  } finally {
    await stop(child);
  }
}

function memoryTable(title: string, memory: GroupMemory): string[] {
  const rows = [...memory.processes].sort((a, b) => b.pssKb - a.pssKb);
  const postgres = rows.filter((row) => row.name.startsWith('postgres'));
  const others = rows.filter((row) => !row.name.startsWith('postgres'));
  const line = (name: string, rss: number, pss: number) =>
    `  ${name.padEnd(34)} ${String(mb(rss)).padStart(6)} ${String(mb(pss)).padStart(6)}`;
  return [
    `${title}`,
    `  ${'process'.padEnd(34)} ${'RSS MB'.padStart(6)} ${'PSS MB'.padStart(6)}`,
    ...others.map((row) => line(`${row.name} (${row.pid})`, row.rssKb, row.pssKb)),
    line(
      `postgres: ${postgres.length} processes`,
      postgres.reduce((sum, row) => sum + row.rssKb, 0),
      postgres.reduce((sum, row) => sum + row.pssKb, 0),
    ),
    line('total', memory.rssKb, memory.pssKb),
    `  alone (the goal's measure): ${mb(memory.aloneKb)} MB  (goal ≤ ${MEMORY_GOAL_MB} MB: ${
      mb(memory.aloneKb) <= MEMORY_GOAL_MB ? 'met' : 'NOT met'
    })`,
  ];
}

export async function runFootprint(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', multiple: true },
      requests: { type: 'string', default: '1000' },
      subgraphs: { type: 'string', default: 'one-process' },
      json: { type: 'string' },
    },
    strict: true,
  });
  const requests = Number(values.requests);
  const dataDir = mkdtempSync(join(tmpdir(), 'gemeng-footprint-'));
  const ports = Object.fromEntries(
    await Promise.all((Object.keys(DEFAULT_PORTS) as (keyof StackPorts)[]).map(async (key) => [key, await freePort()])),
  ) as StackPorts;
  const env: NodeJS.ProcessEnv = {
    GEMENG_DATA_DIR: dataDir,
    GEMENG_SUBGRAPHS: values.subgraphs,
    ...Object.fromEntries(
      (Object.keys(ports) as (keyof StackPorts)[]).map((key) => [PORT_SETTINGS[key], String(ports[key])]),
    ),
  };
  const load1 = loadavg()[0] ?? 0;
  let runs: StartRun[];
  try {
    runs = [
      await measureStart('first start, empty data folder', env, 0),
      await measureStart('later start, same data folder', env, requests),
    ];
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`bench: logs kept in ${join(dataDir, 'logs')}`);
    return 2;
  }
  rmSync(dataDir, { recursive: true, force: true });

  const later = runs[1] as StartRun;
  const out = [
    `## footprint: what \`npm start\` holds (subgraphs: ${values.subgraphs}; load average ${load1.toFixed(1)} on this machine at the start)`,
    '',
    ...runs.map(
      (run) =>
        `${run.label}: ready ${run.commandSeconds.toFixed(1)} s after \`npm start\` (the launcher: ${run.launcherSeconds.toFixed(1)} s)`,
    ),
    `ready goal ≤ ${READY_GOAL_SECONDS} s on a warm install (the later start, launcher's time): ${
      later.launcherSeconds <= READY_GOAL_SECONDS ? 'met' : 'NOT met'
    }`,
    '',
    ...memoryTable(`at idle (${IDLE_SECONDS} s after ready), later start`, later.idle),
  ];
  if (later.afterRequests && later.requests) {
    out.push(
      '',
      ...memoryTable(
        `after ${later.requests.count} requests (${later.requests.failed} failed, ${later.requests.seconds.toFixed(1)} s)`,
        later.afterRequests,
      ),
    );
  }
  console.log(out.join('\n'));
  const json = JSON.stringify({ subgraphs: values.subgraphs, loadAverage: load1, runs }, null, 2);
  if (values.json) writeFileSync(values.json, json);
  else console.log(`\nJSON:\n${json}`);
  const failed = later.requests?.failed ?? 0;
  return failed > 0 ? 1 : 0;
}

/** True when the command line asks for the footprint scenario (which runs alone: it starts `npm start`). */
export function asksForFootprint(argv: string[]): boolean {
  return argv.some(
    (arg, index) => arg === `--scenario=${FOOTPRINT}` || (arg === FOOTPRINT && argv[index - 1] === '--scenario'),
  );
}
