/**
 * The housekeeping runner on a real PostgreSQL, with procedures' migrations (its processed_event table): the
 * common event retention, one replica at a time, failures logged, the schedule and its end.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@gemeng/service-kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDb, subgraphProject } from '../src/database/project.ts';
import type { SqlClient, TransactionalDb } from '../src/events/types.ts';
import { eventRetention, type MaintenanceTask, startMaintenance } from '../src/maintenance.ts';
import { createMigratedDatabase, type TestDatabase } from '../src/testing.ts';

type Db = TransactionalDb & SqlClient & { $disconnect(): Promise<void> };

const procedures = subgraphProject(join(fileURLToPath(new URL('../../', import.meta.url)), 'procedures'));
let database: TestDatabase;
let db: Db;
let replica: Db;

/** A logger that keeps what it is given. */
function recordingLog() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const at =
    (level: string) =>
    (obj: Record<string, unknown>, msg = '') =>
      lines.push({ level, obj, msg });
  return { lines, log: { info: at('info'), error: at('error'), warn: at('warn') } as unknown as Logger };
}

beforeAll(async () => {
  database = await createMigratedDatabase(inject('postgresUrl'), procedures, 'maintenance', { seed: false });
  db = (await loadDb(procedures, database.url)) as unknown as Db;
  replica = (await loadDb(procedures, database.url)) as unknown as Db;
});
afterAll(async () => {
  await db?.$disconnect();
  await replica?.$disconnect();
  await database?.drop();
});

describe('housekeeping', () => {
  it('deletes processed_event rows older than 30 days, and skips the tables a subgraph does not have', async () => {
    for (const days of [31, 29]) {
      await db.$executeRawUnsafe(
        `INSERT INTO processed_event (id, type, processed_at) VALUES ($1::uuid, 'test.happened', now() - $2::int * interval '1 day')`,
        randomUUID(),
        days,
      );
    }
    const { log, lines } = recordingLog();
    const runner = startMaintenance({ db, maintenance: eventRetention, log, firstRunMs: 3600_000 });
    expect(await runner.run()).toEqual({ 'outbox-events': 0, 'processed-events': 1 });
    await runner.stop();
    const left = await db.$queryRawUnsafe<{ days: number }[]>(
      `SELECT extract(day FROM now() - processed_at)::int AS days FROM processed_event`,
    );
    expect(left).toEqual([{ days: 29 }]);
    expect(lines).toContainEqual({
      level: 'info',
      obj: { deleted: { 'outbox-events': 0, 'processed-events': 1 } },
      msg: 'maintenance done',
    });
  });

  it('runs a task on one replica at a time: the other skips it', async () => {
    // The first replica's task holds the lock until the test lets it go: no timing involved.
    let started!: () => void;
    let release!: () => void;
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const slow: MaintenanceTask = {
      name: 'slow',
      run: async () => {
        calls += 1;
        if (calls === 1) {
          started();
          await released;
        }
        return 1;
      },
    };
    const first = startMaintenance({ db, maintenance: [slow], log: recordingLog().log, firstRunMs: 3600_000 });
    const second = startMaintenance({
      db: replica,
      maintenance: [slow],
      log: recordingLog().log,
      firstRunMs: 3600_000,
    });
    const running = first.run();
    await holding;
    expect(await second.run()).toEqual({}); // the lock is taken
    release();
    expect(await running).toEqual({ slow: 1 });
    expect(await second.run()).toEqual({ slow: 1 }); // released with the first one's transaction
    await Promise.all([first.stop(), second.stop()]);
  });

  it('logs a failing task, rolls it back and runs the others; the function form works too', async () => {
    const { log, lines } = recordingLog();
    const failing: MaintenanceTask = {
      name: 'failing',
      run: async (tx) => {
        await tx.$executeRawUnsafe('DELETE FROM processed_event');
        throw new Error('broken task');
      },
    };
    await db.$executeRawUnsafe('DELETE FROM processed_event');
    await db.$executeRawUnsafe(
      `INSERT INTO processed_event (id, type) VALUES ($1::uuid, 'test.happened')`,
      randomUUID(),
    );
    const runner = startMaintenance({ db, maintenance: [failing, ...eventRetention], log, firstRunMs: 3600_000 });
    expect(await runner.run()).toEqual({ 'outbox-events': 0, 'processed-events': 0 });
    await runner.stop();
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'maintenance task failed' }));
    expect(lines.find((line) => line.level === 'error')?.obj.task).toBe('failing');
    expect(await db.$queryRawUnsafe<unknown[]>('SELECT id FROM processed_event')).toHaveLength(1); // rolled back

    const whole = startMaintenance({
      db,
      maintenance: async (tx) => ({ everything: await tx.$executeRawUnsafe('DELETE FROM processed_event') }),
      log,
      firstRunMs: 3600_000,
    });
    expect(await whole.run()).toEqual({ everything: 1 });
    await whole.stop();
  });

  it('runs shortly after start, then at every interval, until stopped', async () => {
    let passes = 0;
    const counting: MaintenanceTask = { name: 'counting', run: async () => ++passes };
    const runner = startMaintenance({
      db,
      maintenance: [counting],
      log: recordingLog().log,
      firstRunMs: 10,
      intervalMs: 50,
    });
    await expect.poll(() => passes, { timeout: 5000 }).toBeGreaterThanOrEqual(3);
    await runner.stop();
    const stoppedAt = passes;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(passes).toBe(stoppedAt);
  });
});
