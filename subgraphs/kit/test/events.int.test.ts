/**
 * The transactional outbox end to end on a real PostgreSQL: identity's migrations give the outbox_event
 * table, procedures' the processed_event table and a real subgraph server with `POST /events`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { prepareDatabase } from '../src/database/prepare.ts';
import { loadDb, loadSchema, subgraphProject } from '../src/database/project.ts';
import { consumeOnce } from '../src/events/consumer.ts';
import { startDispatcher } from '../src/events/dispatcher.ts';
import { createHttpBus, EVENT_SECRET_HEADER } from '../src/events/http-bus.ts';
import { publishInTransaction } from '../src/events/outbox.ts';
import type { Bus, DomainEvent, SqlClient, TransactionalDb } from '../src/events/types.ts';
import { createLogger } from '../src/logger.ts';
import { type RunningSubgraph, startSubgraph } from '../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

type Db = TransactionalDb & SqlClient & { $disconnect(): Promise<void> };

const root = fileURLToPath(new URL('../../', import.meta.url));
const identity = subgraphProject(join(root, 'identity'));
const procedures = subgraphProject(join(root, 'procedures'));
const log = createLogger('events-test');
const secret = randomBytes(32).toString('base64url');
const databases: TestDatabase[] = [];
const clients: Db[] = [];
const servers: RunningSubgraph[] = [];

let publisher: Db;
let replica: Db;
let consumer: Db;
/** Event ids in the order the consumer's handler committed them. */
const handled: string[] = [];

async function database(name: string, project: typeof identity) {
  const created = await createTestDatabase(inject('postgresUrl'), name);
  databases.push(created);
  await prepareDatabase(project, created.url, { seed: false });
  return created.url;
}

async function client(project: typeof identity, url: string): Promise<Db> {
  const db = (await loadDb(project, url)) as unknown as Db;
  clients.push(db);
  return db;
}

/** The procedures subgraph's server with a consumer of `test.happened`, on `port` (0: any free one). */
async function startConsumer(port = 0): Promise<{ url: string; server: RunningSubgraph }> {
  const bus = createHttpBus({ consumers: [], secret, log });
  bus.subscribe(
    'test.happened',
    consumeOnce(consumer, async (event) => {
      if ((event.payload as { fail?: boolean }).fail && !handled.includes(`failed:${event.id}`)) {
        handled.push(`failed:${event.id}`);
        throw new Error('the handler fails once');
      }
      handled.push(event.id);
    }),
  );
  const server = await startSubgraph({
    name: 'procedures',
    schema: await loadSchema(procedures),
    db: consumer,
    port,
    routerSecret: secret,
    events: bus,
    log,
  });
  servers.push(server);
  return { url: server.url.replace(/\/graphql$/, '/events'), server };
}

/** A bus that records what it is given, slowly enough for two dispatchers to overlap. */
function recordingBus(delayMs = 0): Bus & { events: DomainEvent[] } {
  const events: DomainEvent[] = [];
  return {
    events,
    async publish(event) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      events.push(event);
    },
    subscribe() {},
    async close() {},
  };
}

const publish = (db: Db, payload: Record<string, unknown> = {}) =>
  db.$transaction((tx) => publishInTransaction(tx, 'test.happened', payload as never));

async function outbox(db: Db) {
  return db.$queryRawUnsafe<{ id: string; published_at: Date | null; attempts: number; last_error: string | null }[]>(
    'SELECT id::text, published_at, attempts, last_error FROM outbox_event ORDER BY created_at',
  );
}

beforeAll(async () => {
  const [publisherUrl, consumerUrl] = await Promise.all([
    database('events_publisher', identity),
    database('events_consumer', procedures),
  ]);
  publisher = await client(identity, publisherUrl);
  replica = await client(identity, publisherUrl);
  consumer = await client(procedures, consumerUrl);
});

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => {});
  for (const db of clients) await db.$disconnect().catch(() => {});
  for (const created of databases) await created.drop();
});

beforeEach(async () => {
  await publisher.$executeRawUnsafe('DELETE FROM outbox_event');
});

describe('the outbox', () => {
  it('delivers an event only when the transaction that wrote it commits', async () => {
    await expect(
      publisher.$transaction(async (tx) => {
        await publishInTransaction(tx, 'test.happened', { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const bus = recordingBus();
    const dispatcher = startDispatcher({ db: publisher, bus, source: 'identity', log, autoStart: false });
    expect(await dispatcher.tick()).toEqual({ claimed: 0, delivered: 0 });
    expect(bus.events).toEqual([]);

    const id = await publish(publisher, { n: 2 });
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 1 });
    expect(bus.events).toEqual([expect.objectContaining({ id, type: 'test.happened', source: 'identity' })]);
    expect(bus.events[0]?.payload).toEqual({ n: 2 });
    expect((await outbox(publisher))[0]?.published_at).toBeInstanceOf(Date);
    expect(await dispatcher.tick()).toEqual({ claimed: 0, delivered: 0 });
    await dispatcher.stop();
  });

  it('refuses a malformed event type', async () => {
    await expect(publisher.$transaction((tx) => publishInTransaction(tx, 'Not a type', {}))).rejects.toThrow(
      /subgraph\.what-happened/,
    );
  });

  it('is delivered once by two dispatchers polling the same database', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) ids.add(await publish(publisher, { i }));
    const busA = recordingBus(5);
    const busB = recordingBus(5);
    const options = { source: 'identity', log, autoStart: false, batchSize: 5 } as const;
    const a = startDispatcher({ ...options, db: publisher, bus: busA });
    const b = startDispatcher({ ...options, db: replica, bus: busB });
    const drain = async (dispatcher: typeof a) => {
      while ((await outbox(publisher)).some((row) => row.published_at === null)) await dispatcher.tick();
    };
    await Promise.all([drain(a), drain(b)]);
    const delivered = [...busA.events, ...busB.events].map((event) => event.id);
    expect(delivered).toHaveLength(40);
    expect(new Set(delivered)).toEqual(ids);
    expect(busA.events.length).toBeGreaterThan(0);
    expect(busB.events.length).toBeGreaterThan(0);
  });
});

describe('a consumer', () => {
  it('handles an event once, however often and however concurrently it arrives', async () => {
    const { url } = await startConsumer();
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'test.happened',
      source: 'identity',
      payload: {},
      createdAt: new Date().toISOString(),
    };
    const post = (body: unknown, key = secret) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [EVENT_SECRET_HEADER]: key },
        body: JSON.stringify(body),
      }).then((response) => response.status);
    expect(await post(event)).toBe(204);
    expect(await post(event)).toBe(204);
    expect(await Promise.all([post(event), post(event), post(event)])).toEqual([204, 204, 204]);
    expect(handled.filter((id) => id === event.id)).toHaveLength(1);
    expect(
      await consumer.$queryRawUnsafe<{ count: bigint }[]>(
        'SELECT count(*) FROM processed_event WHERE id = $1::uuid',
        event.id,
      ),
    ).toEqual([{ count: 1n }]);

    expect(await post(event, 'x'.repeat(secret.length))).toBe(403);
    expect(await post({ ...event, id: 'not-a-uuid' })).toBe(400);
  });

  it('gets the event again when its handler failed, and its changes were rolled back with it', async () => {
    const { url } = await startConsumer();
    const bus = createHttpBus({ consumers: [url], secret, log });
    const dispatcher = startDispatcher({
      db: publisher,
      bus,
      source: 'identity',
      log,
      autoStart: false,
      baseDelayMs: 50,
    });
    const id = await publish(publisher, { fail: true });
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 0 });
    expect((await outbox(publisher))[0]?.last_error).toMatch(/answered 500/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 1 });
    expect(handled.filter((handledId) => handledId.endsWith(id))).toEqual([`failed:${id}`, id]);
  });
});

describe('delivery over HTTP', () => {
  it('retries with backoff while a consumer is down, and delivers once it is back', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const bus = createHttpBus({ consumers: [`http://127.0.0.1:${port}/events`], secret, log });
    const dispatcher = startDispatcher({
      db: publisher,
      bus,
      source: 'identity',
      log,
      autoStart: false,
      baseDelayMs: 100,
    });
    const id = await publish(publisher);
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 0 });
    let [row] = await outbox(publisher);
    expect(row).toMatchObject({ published_at: null, attempts: 1 });
    expect(row?.last_error).toMatch(/unreachable/);
    // not due yet: the backoff holds it back
    expect(await dispatcher.tick()).toEqual({ claimed: 0, delivered: 0 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 0 });
    expect((await outbox(publisher))[0]?.attempts).toBe(2);

    await startConsumer(port);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(await outbox(publisher))[0]?.published_at) {
      await dispatcher.tick();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    [row] = await outbox(publisher);
    expect(row?.published_at).toBeInstanceOf(Date);
    expect(handled.filter((handledId) => handledId === id)).toHaveLength(1);
  });

  it('polls on its own every interval once started', async () => {
    const { url } = await startConsumer();
    const bus = createHttpBus({ consumers: [url], secret, log });
    const dispatcher = startDispatcher({ db: publisher, bus, source: 'identity', log, intervalMs: 100 });
    try {
      const id = await publish(publisher);
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && !handled.includes(id)) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(handled).toContain(id);
    } finally {
      await dispatcher.stop();
    }
  });
});
