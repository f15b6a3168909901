/**
 * Housekeeping: the periodic deletions of a subgraph (expired sessions, old events, …). `runSubgraph` starts it
 * when the subgraph declares `maintenance`: once shortly after start, then every hour, until the process stops.
 *
 * One replica at a time: each task runs in its own transaction that first takes a transaction-level advisory
 * lock (`pg_try_advisory_xact_lock`, released at commit or rollback, so on the transaction's own connection);
 * a replica that does not get it skips the task, which another replica is running. Deleting what is due is
 * idempotent, so a task that runs again later only finds less to do. A failing task is logged and rolled back,
 * the others still run, and the process never crashes for it.
 */

import type { Logger } from '@gemeng/service-kit';
import type { SqlClient, TransactionalDb } from './events/types.ts';

/** One housekeeping step: deletes what is due with `tx` (its transaction), resolves to the rows it deleted. */
export interface MaintenanceTask<Tx extends SqlClient = SqlClient> {
  name: string;
  run(tx: Tx): Promise<number>;
}

/** Named tasks, or one function that runs them all (in one transaction) and counts the rows each deleted. */
export type Maintenance<Tx extends SqlClient = SqlClient> =
  | readonly MaintenanceTask<Tx>[]
  | ((tx: Tx) => Promise<Record<string, number>>);

export interface MaintenanceOptions<Tx extends SqlClient> {
  db: TransactionalDb<Tx>;
  maintenance: Maintenance<Tx>;
  log: Logger;
  /** The first pass, this many ms after start (default 30 s, once start-up is over). */
  firstRunMs?: number;
  /** The next passes, this many ms after the previous one ended (default one hour). */
  intervalMs?: number;
}

export interface RunningMaintenance {
  /** One pass now: the rows each task deleted (tasks another replica was running are left out). */
  run(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** The advisory lock key of housekeeping, the same in every subgraph's database ("gemeng-m" in ASCII). */
export const MAINTENANCE_LOCK = '7450481440965733741';

/** Deletes the rows of `table` whose `column` is older than `days` (not null), if the table exists. */
function retention(name: string, table: string, column: string, days: number): MaintenanceTask {
  return {
    name,
    async run(tx) {
      const [found] = await tx.$queryRawUnsafe<{ exists: boolean }[]>(
        'SELECT to_regclass($1) IS NOT NULL AS "exists"',
        table,
      );
      if (!found?.exists) return 0;
      return tx.$executeRawUnsafe(
        `DELETE FROM "${table}" WHERE "${column}" < now() - $1::int * interval '1 day'`,
        days,
      );
    },
  };
}

/**
 * The tasks every subgraph runs, each on the tables it has (see ./events): delivered outbox events after 7 days,
 * and the processed_event records of handled events after 30 (a redelivery comes within minutes, not weeks).
 */
export const eventRetention: readonly MaintenanceTask[] = [
  retention('outbox-events', 'outbox_event', 'published_at', 7),
  retention('processed-events', 'processed_event', 'processed_at', 30),
];

export function startMaintenance<Tx extends SqlClient>(options: MaintenanceOptions<Tx>): RunningMaintenance {
  const { db, maintenance, log } = options;
  const intervalMs = options.intervalMs ?? 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<Record<string, number>> | undefined;
  let stopped = false;

  /** Runs `work` under the lock in one transaction; null when another replica holds the lock. */
  function locked<R>(work: (tx: Tx) => Promise<R>): Promise<R | null> {
    return db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1::bigint) AS locked',
          MAINTENANCE_LOCK,
        );
        return lock?.locked ? work(tx) : null;
      },
      { maxWait: 10_000, timeout: 10 * 60_000 },
    );
  }

  async function pass(): Promise<Record<string, number>> {
    const units =
      typeof maintenance === 'function'
        ? [{ name: 'maintenance', run: maintenance }]
        : maintenance.map((task) => ({
            name: task.name,
            run: async (tx: Tx) => ({ [task.name]: await task.run(tx) }),
          }));
    const deleted: Record<string, number> = {};
    for (const unit of units) {
      if (stopped) break;
      try {
        Object.assign(deleted, await locked(unit.run));
      } catch (error) {
        log.error({ err: error, task: unit.name }, 'maintenance task failed');
      }
    }
    log.info({ deleted }, 'maintenance done');
    return deleted;
  }

  function run() {
    running ??= pass().finally(() => {
      running = undefined;
      schedule(intervalMs);
    });
    return running;
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref?.();
  }

  schedule(options.firstRunMs ?? 30_000);

  return {
    run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
