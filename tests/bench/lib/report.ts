import type { Comparison, InProcessResult, TargetResult } from './types.ts';

const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

interface Column {
  title: string;
  align: 'left' | 'right';
  value(result: TargetResult): string;
}

const COLUMNS: Column[] = [
  { title: 'target', align: 'left', value: (r) => r.label },
  { title: 'RPS', align: 'right', value: (r) => thousands(r.rps) },
  { title: 'p50 ms', align: 'right', value: (r) => fixed(r.latencyMs.p50, 1) },
  { title: 'p99 ms', align: 'right', value: (r) => fixed(r.latencyMs.p99, 1) },
  { title: 'requests', align: 'right', value: (r) => thousands(r.requests) },
  { title: 'errors', align: 'right', value: (r) => String(r.errors) },
  { title: 'router CPU ms/req', align: 'right', value: (r) => fixed(r.cpuMsPerRequest.router, 2) },
  { title: 'subgraphs CPU ms/req', align: 'right', value: (r) => fixed(r.cpuMsPerRequest.subgraphs, 2) },
  {
    title: 'i/p/c/b',
    align: 'right',
    value: (r) => {
      const shares = Object.values(r.cpuMsPerRequestBySubgraph);
      return shares.every((share) => share === null) ? '—' : shares.map((share) => fixed(share, 1)).join('/');
    },
  },
  { title: 'db CPU ms/req', align: 'right', value: (r) => fixed(r.cpuMsPerRequest.database, 2) },
  { title: 'loadgen CPU ms/req', align: 'right', value: (r) => fixed(r.loadGeneratorCpuMsPerRequest, 2) },
  {
    title: 'SQL/req',
    align: 'right',
    value: (r) => (r.sqlStatementsPerRequest === null ? '—' : String(r.sqlStatementsPerRequest)),
  },
  { title: 'bytes', align: 'right', value: (r) => thousands(r.responseBytes) },
  {
    title: 'check',
    align: 'left',
    value: (r) =>
      r.ok ? 'ok' : `${r.knownFailure ? `known failure (${r.knownFailure})` : 'FAILED'}: ${r.problems.join('; ')}`,
  },
];

/** An aligned text table of the results. */
export function table(results: TargetResult[]): string {
  return align(
    COLUMNS,
    results.map((result) => COLUMNS.map((column) => column.value(result))),
  );
}

function align(columns: { title: string; align: 'left' | 'right' }[], rows: string[][]): string {
  const widths = columns.map((column, index) =>
    Math.max(column.title.length, ...rows.map((row) => row[index]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => {
        const width = widths[index] ?? 0;
        return columns[index]?.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface RatioResult {
  label: string;
  a: string;
  b: string;
  rps: number | null;
  p50: number | null;
  p99: number | null;
  routerCpu: number | null;
  subgraphsCpu: number | null;
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

/** The comparisons whose two targets were both measured (and passed their check) in this run. */
export function ratios(comparisons: Comparison[], results: TargetResult[]): RatioResult[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  const out: RatioResult[] = [];
  for (const comparison of comparisons) {
    const a = byId.get(comparison.a);
    const b = byId.get(comparison.b);
    if (!a || !b || !a.ok || !b.ok) continue;
    out.push({
      ...comparison,
      rps: ratio(a.rps, b.rps),
      p50: ratio(a.latencyMs.p50, b.latencyMs.p50),
      p99: ratio(a.latencyMs.p99, b.latencyMs.p99),
      routerCpu: ratio(a.cpuMsPerRequest.router, b.cpuMsPerRequest.router),
      subgraphsCpu: ratio(a.cpuMsPerRequest.subgraphs, b.cpuMsPerRequest.subgraphs),
    });
  }
  return out;
}

export function ratioLines(results: RatioResult[]): string {
  const times = (value: number | null) => (value === null ? null : `${value.toFixed(2)}×`);
  const width = Math.max(0, ...results.map((r) => r.label.length));
  return results
    .map((r) =>
      [
        `${r.label.padEnd(width)}  RPS = ${times(r.rps)}`,
        `p50 = ${times(r.p50)}`,
        `p99 = ${times(r.p99)}`,
        ...(r.routerCpu !== null ? [`router CPU/req = ${times(r.routerCpu)}`] : []),
        ...(r.subgraphsCpu !== null ? [`subgraphs CPU/req = ${times(r.subgraphsCpu)}`] : []),
      ].join(', '),
    )
    .join('\n');
}

interface InProcessColumn {
  title: string;
  align: 'left' | 'right';
  value(result: InProcessResult): string;
}

/** Sub-millisecond operations (a token check) need more digits than argon2's. */
const ms = (value: number) => fixed(value, value < 1 ? 3 : 1);

const IN_PROCESS_COLUMNS: InProcessColumn[] = [
  { title: 'benchmark', align: 'left', value: (r) => r.label },
  { title: 'in flight', align: 'right', value: (r) => String(r.concurrency) },
  { title: 'ops/s', align: 'right', value: (r) => fixed(r.opsPerSecond, 1) },
  { title: 'ms/op p50', align: 'right', value: (r) => ms(r.latencyMs.p50) },
  { title: 'ms/op p99', align: 'right', value: (r) => ms(r.latencyMs.p99) },
  { title: 'ms/op mean', align: 'right', value: (r) => ms(r.latencyMs.average) },
  { title: 'operations', align: 'right', value: (r) => thousands(r.operations) },
  { title: 'CPU ms/op', align: 'right', value: (r) => ms(r.cpuMsPerOperation) },
  { title: 'other CPU %', align: 'right', value: (r) => fixed(r.otherCpuPercent, 0) },
  { title: 'check', align: 'left', value: (r) => (r.ok ? 'ok' : `FAILED: ${r.problems.join('; ')}`) },
];

/** An aligned text table of in-process results. */
export function inProcessTable(results: InProcessResult[]): string {
  return align(
    IN_PROCESS_COLUMNS,
    results.map((result) => IN_PROCESS_COLUMNS.map((column) => column.value(result))),
  );
}
