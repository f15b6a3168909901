/**
 * Delivery from the outbox to a consumer's handlers, the same tests on both buses: the local HTTP bus (the
 * embedded default) and NATS JetStream (the machine's broker, GEMENG_TEST_NATS_URL, with a stream prefix of
 * each test's own). At least once into idempotent handlers: each event is handled exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Dispatcher, startDispatcher } from '../src/events/dispatcher.ts';
import { createHttpBus } from '../src/events/http-bus.ts';
import { connectNatsBus } from '../src/events/nats/bus.ts';
import { eventVerifier } from '../src/events/signing.ts';
import type { Bus } from '../src/events/types.ts';
import {
  anEvent,
  consumerHandlers,
  type EventDatabases,
  eventDatabases,
  freePort,
  identitySigner,
  log,
  NATS_URL,
  outbox,
  processedCount,
  publicKeys,
  publish,
  startHttpConsumer,
  testPrefix,
  waitFor,
} from './events-support.ts';

let dbs: EventDatabases;
/** What the consumer's handlers committed (see consumerHandlers). */
const handled: string[] = [];

interface Harness {
  /** Starts procedures' consumer (consumerHandlers); `stop()` takes it down again. */
  startConsumer(): Promise<{ stop(): Promise<void> }>;
  /** identity's side: the bus its dispatcher publishes on. */
  publisherBus(): Promise<Bus>;
  close(): Promise<void>;
}

const harnesses: Record<'http' | 'nats', () => Promise<Harness>> = {
  async http() {
    const port = await freePort();
    const buses: Bus[] = [];
    return {
      async startConsumer() {
        const { server } = await startHttpConsumer(dbs.consumer, handled, port);
        return { stop: () => server.stop() };
      },
      async publisherBus() {
        const bus = createHttpBus({ consumers: [`http://127.0.0.1:${port}/events`], signer: identitySigner, log });
        buses.push(bus);
        return bus;
      },
      async close() {
        for (const bus of buses) await bus.close();
      },
    };
  },
  async nats() {
    const { prefix, cleanup } = testPrefix();
    const buses: Bus[] = [];
    const verify = eventVerifier(publicKeys);
    return {
      async startConsumer() {
        const bus = await connectNatsBus({
          url: NATS_URL,
          prefix,
          subgraph: 'procedures',
          verify,
          log,
          retryBaseMs: 100,
        });
        for (const [type, handler] of Object.entries(consumerHandlers(dbs.consumer, handled))) {
          bus.subscribe(type, handler);
        }
        await bus.start();
        buses.push(bus);
        return { stop: () => bus.close() };
      },
      async publisherBus() {
        const bus = await connectNatsBus({
          url: NATS_URL,
          prefix,
          subgraph: 'identity',
          signer: identitySigner,
          verify,
          log,
        });
        buses.push(bus);
        return bus;
      },
      async close() {
        for (const bus of buses) await bus.close().catch(() => {});
        await cleanup();
      },
    };
  },
};

beforeAll(async () => {
  dbs = await eventDatabases();
});

afterAll(async () => {
  await dbs.close();
});

beforeEach(async () => {
  await dbs.publisher.$executeRawUnsafe('DELETE FROM outbox_event');
});

const allPublished = async () => (await outbox(dbs.publisher)).every((row) => row.published_at !== null);

describe.each(['http', 'nats'] as const)('delivery on the %s bus', (kind) => {
  let harness: Harness;
  let dispatcher: Dispatcher | undefined;

  beforeEach(async () => {
    harness = await harnesses[kind]();
    return async () => {
      await dispatcher?.stop();
      dispatcher = undefined;
      await harness.close();
    };
  });

  async function startPolling() {
    const bus = await harness.publisherBus();
    dispatcher = startDispatcher({ db: dbs.publisher, bus, source: 'identity', log, intervalMs: 50, baseDelayMs: 100 });
  }

  it('handles an event once, however often and however concurrently it is published', async () => {
    await harness.startConsumer();
    const bus = await harness.publisherBus();
    const event = anEvent();
    await bus.publish(event);
    await bus.publish(event);
    await Promise.all([bus.publish(event), bus.publish(event), bus.publish(event)]);
    await waitFor('the event is handled', () => handled.includes(event.id));
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second copy would arrive meanwhile
    expect(handled.filter((id) => id === event.id)).toHaveLength(1);
    expect(await processedCount(dbs.consumer, event.id)).toBe(1);
  });

  it('gets the event again when its handler failed, its changes rolled back with it', async () => {
    await harness.startConsumer();
    await startPolling();
    const id = await publish(dbs.publisher, { fail: true });
    await waitFor('the event is handled', () => handled.includes(id));
    expect(handled.filter((handledId) => handledId.endsWith(id))).toEqual([`failed:${id}`, id]);
    expect(await processedCount(dbs.consumer, id)).toBe(1);
    await waitFor('the outbox row is marked published', allPublished);
  });

  it('catches up, once it is back, on what was published while the consumer was down', async () => {
    const consumer = await harness.startConsumer();
    await consumer.stop();
    await startPolling();
    const ids = [await publish(dbs.publisher, { n: 1 }), await publish(dbs.publisher, { n: 2 })];
    if (kind === 'nats') {
      // the broker holds them: published without any consumer up
      await waitFor('the outbox rows are marked published', allPublished);
    } else {
      // nobody acknowledges: the dispatcher keeps them and retries
      await waitFor('a delivery failed', async () => (await outbox(dbs.publisher)).every((row) => row.attempts > 0));
      expect(await allPublished()).toBe(false);
    }
    ids.push(await publish(dbs.publisher, { n: 3 }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ids.filter((id) => handled.includes(id))).toEqual([]);

    await harness.startConsumer();
    await waitFor('every event is handled', () => ids.every((id) => handled.includes(id)), 20_000);
    await waitFor('every outbox row is marked published', allPublished, 20_000);
    for (const id of ids) expect(handled.filter((handledId) => handledId === id)).toHaveLength(1);
  });
});
