import { cpus } from 'node:os';
import { systemBusyMs } from './cpu.ts';
import type { InProcessTarget } from './types.ts';

export interface InProcessRun {
  durationSeconds: number;
  operations: number;
  /** Wall time of each operation, in ms. */
  latenciesMs: number[];
  /** CPU time of this process (all threads, so the libuv pool that native addons use too) during the run. */
  cpuMs: number;
  /** CPU used by other processes during the run, in % of all cores; null when /proc/stat is unreadable. */
  otherCpuPercent: number | null;
  /** The first error an operation threw, if any (the run stops at it). */
  error: string | undefined;
}

/**
 * Runs `target.run` in `target.concurrency` loops at once for about `durationSeconds` (no new operation starts
 * after the deadline; those in flight finish and count), timing each operation.
 */
export async function runInProcess(target: InProcessTarget, durationSeconds: number): Promise<InProcessRun> {
  const latenciesMs: number[] = [];
  let error: string | undefined;
  const systemBefore = systemBusyMs();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline && error === undefined) {
      const start = performance.now();
      try {
        await target.run();
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
        return;
      }
      latenciesMs.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: target.concurrency }, loop));
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const systemAfter = systemBusyMs();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const capacityMs = elapsedMs * cpus().length;
  return {
    durationSeconds: elapsedMs / 1000,
    operations: latenciesMs.length,
    latenciesMs,
    cpuMs,
    otherCpuPercent:
      systemBefore === null || systemAfter === null
        ? null
        : Math.max(0, (100 * (systemAfter - systemBefore - cpuMs)) / capacityMs),
    error,
  };
}

/** The p-th percentile (0–100) of the values, nearest rank; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
