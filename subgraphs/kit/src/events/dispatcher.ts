/**
 * The outbox dispatcher, one per subgraph process: every `intervalMs` (and at once after a full batch) it
 * claims up to `batchSize` due events with `SELECT … FOR UPDATE SKIP LOCKED`, publishes them on the bus and
 * marks them published, all in one transaction. The row locks are held while delivering, so replicas that
 * poll the same table never deliver the same event concurrently; a crash before the commit leaves the events
 * unpublished, to be delivered again (at least once). A failed delivery is retried after an exponential
 * backoff (`baseDelayMs` · 2^(attempts-1), at most `maxDelayMs`, with jitter).
 */
import type { Logger } from '@gemeng/service-kit';
import type { Bus, DomainEvent, JsonValue, TransactionalDb } from './types.ts';

export interface DispatcherOptions {
  db: TransactionalDb;
  bus: Bus;
  /** The subgraph's name: the events' `source`. */
  source: string;
  log: Logger;
  /** Poll interval in ms (default 500). */
  intervalMs?: number;
  /** Events claimed per transaction (default 50). */
  batchSize?: number;
  /** First retry delay in ms (default 1000), doubled per failed attempt up to `maxDelayMs` (default 60000). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A batch stops delivering after this many ms (default 10000); the rest waits for the next poll. */
  batchBudgetMs?: number;
}

export interface Dispatcher {
  /** One pass: claims, delivers and marks one batch. Resolves to the number of events claimed. */
  tick(): Promise<{ claimed: number; delivered: number }>;
  /** Polls now instead of at the next interval (e.g. right after a commit that wrote events). */
  wake(): void;
  stop(): Promise<void>;
}

interface Row {
  id: string;
  type: string;
  payload: JsonValue;
  createdAt: Date;
  attempts: number;
}

/** The delay before the next attempt, after `attempts` failed ones. */
export function backoffDelay(attempts: number, baseDelayMs = 1000, maxDelayMs = 60_000): number {
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

/** A dispatcher that polls until `stop()`; `startDispatcher(…, { autoStart: false })` only ticks on demand. */
export function startDispatcher(options: DispatcherOptions & { autoStart?: boolean }): Dispatcher {
  const intervalMs = options.intervalMs ?? 500;
  const batchSize = options.batchSize ?? 50;
  const budgetMs = options.batchBudgetMs ?? 10_000;
  const { db, bus, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function tick() {
    const started = Date.now();
    return db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<Row[]>(
          `SELECT id::text AS id, type, payload, created_at AS "createdAt", attempts FROM outbox_event
           WHERE published_at IS NULL AND next_attempt_at <= now()
           ORDER BY created_at, id LIMIT $1::int FOR UPDATE SKIP LOCKED`,
          batchSize,
        );
        let delivered = 0;
        for (const row of rows) {
          if (stopped || Date.now() - started > budgetMs) break;
          const event: DomainEvent = {
            id: row.id,
            type: row.type,
            source: options.source,
            payload: row.payload,
            createdAt: new Date(row.createdAt).toISOString(),
          };
          try {
            await bus.publish(event);
            await tx.$executeRawUnsafe(
              'UPDATE outbox_event SET published_at = now(), last_error = NULL WHERE id = $1::uuid',
              row.id,
            );
            delivered++;
          } catch (error) {
            const attempts = row.attempts + 1;
            const delay = backoffDelay(attempts, options.baseDelayMs, options.maxDelayMs);
            const message = error instanceof Error ? error.message : String(error);
            await tx.$executeRawUnsafe(
              `UPDATE outbox_event SET attempts = attempts + 1, last_error = $3,
                 next_attempt_at = now() + $2::int * interval '1 millisecond' WHERE id = $1::uuid`,
              row.id,
              delay,
              message.slice(0, 1000),
            );
            log.warn(
              { eventId: row.id, type: row.type, attempts, retryInMs: delay, reason: message },
              'event not delivered',
            );
          }
        }
        return { claimed: rows.length, delivered };
      },
      { maxWait: 10_000, timeout: budgetMs + 60_000 },
    );
  }

  async function loop() {
    try {
      while (!stopped) {
        const { claimed } = await tick();
        if (claimed < batchSize) break; // a full batch: more may be due, go on at once
      }
    } catch (error) {
      log.error({ err: error }, 'outbox dispatch failed');
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref?.();
  }

  function run() {
    if (running || stopped) return;
    running = loop().finally(() => {
      running = undefined;
      schedule(intervalMs);
    });
  }

  if (options.autoStart !== false) schedule(0);

  return {
    tick,
    wake() {
      if (!running) schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
