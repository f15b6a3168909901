/** The load benchmark's command line (see run.ts), its shared constants and progress output. */
import { parseArgs } from 'node:util';
import { SCENARIOS } from '../scenarios/index.ts';
import type { GatewayRuntimeName, InProcessResult, Scenario, TargetResult } from './types.ts';

export const RUNTIMES: GatewayRuntimeName[] = ['apollo', 'hive', 'hive-rust'];
/** The scenarios of a run without --scenario. */
export const DEFAULT_SCENARIOS = SCENARIOS.filter((scenario) => !scenario.optIn);
/** Share of the CPU used by processes outside the benchmark above which a run is flagged as disturbed. */
export const BUSY_PERCENT = 5;
/** How many times a disturbed target is measured again. */
export const RETRIES = 2;
export const disturbed = (result: TargetResult | InProcessResult) =>
  result.otherCpuPercent !== null && result.otherCpuPercent > BUSY_PERCENT;

export const USAGE = `Usage: npm run bench -- [options]

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

export interface Settings {
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

export class UsageError extends Error {}

export function settings(argv: string[]): Settings | undefined {
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

export const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
