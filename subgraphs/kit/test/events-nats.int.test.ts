/**
 * What only the NATS JetStream bus does: de-duplication by event id, dead letters, refusing what its owner did
 * not sign, surviving a broker restart (on a nats-server of this test's own), and one-line start-up errors.
 * The tests share the machine's broker (GEMENG_TEST_NATS_URL) with a stream prefix each.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeStartupFailure, StartupError } from '@gemeng/service-kit';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDispatcher } from '../src/events/dispatcher.ts';
import { connectNatsBus, type NatsBus } from '../src/events/nats/bus.ts';
import { type Broker, connectBroker } from '../src/events/nats/connection.ts';
import { printDeadLetters, readDeadLetters } from '../src/events/nats/dead-letters.ts';
import { eventSubject, streamName } from '../src/events/nats/settings.ts';
import { deleteEventStreams, ensureDomainStream } from '../src/events/nats/streams.ts';
import { startEvents } from '../src/events/runtime.ts';
import { eventVerifier } from '../src/events/signing.ts';
import type { Bus } from '../src/events/types.ts';
import {
  anEvent,
  consumerHandlers,
  cultureSigner,
  type EventDatabases,
  eventDatabases,
  freePort,
  identitySigner,
  identitySigningKey,
  log,
  NATS_URL,
  outbox,
  processedCount,
  publicKeys,
  publish,
  startOwnNatsServer,
  TYPE,
  testPrefix,
  waitFor,
} from './events-support.ts';

let dbs: EventDatabases;
let broker: Broker;
const handled: string[] = [];
const verify = eventVerifier(publicKeys);
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  dbs = await eventDatabases();
  broker = await connectBroker({ url: NATS_URL, name: 'events-nats-test' });
});

afterAll(async () => {
  await broker.close();
  await dbs.close();
});

beforeEach(async () => {
  await dbs.publisher.$executeRawUnsafe('DELETE FROM outbox_event');
  return async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
});

/** A prefix of the test's own, deleted after it. */
function prefixForTest(): string {
  const { prefix, cleanup } = testPrefix();
  cleanups.push(cleanup);
  return prefix;
}

async function bus(
  prefix: string,
  subgraph: 'identity' | 'procedures',
  options: { maxAttempts?: number; url?: string } = {},
): Promise<NatsBus> {
  const created = await connectNatsBus({
    url: NATS_URL,
    prefix,
    subgraph,
    ...(subgraph === 'identity' ? { signer: identitySigner } : {}),
    verify,
    log,
    retryBaseMs: 50,
    retryMaxMs: 200,
    watchdogMs: 500,
    ...options,
  });
  cleanups.push(() => created.close());
  return created;
}

async function consumer(prefix: string, options: { maxAttempts?: number; url?: string } = {}): Promise<NatsBus> {
  const created = await bus(prefix, 'procedures', options);
  for (const [type, handler] of Object.entries(consumerHandlers(dbs.consumer, handled))) {
    created.subscribe(type, handler);
  }
  await created.start();
  return created;
}

describe('publishing on NATS JetStream', () => {
  it('stores an event once when it is published again after a crash, by its id (msgID)', async () => {
    const prefix = prefixForTest();
    const nats = await bus(prefix, 'identity');
    // publishes, then "crashes" before the outbox row is marked: the row stays due
    const crashing: Bus = {
      async publish(event) {
        await nats.publish(event);
        throw new Error('crashed after the ack');
      },
      subscribe() {},
      async close() {},
    };
    const id = await publish(dbs.publisher);
    const options = { db: dbs.publisher, source: 'identity', log, autoStart: false, baseDelayMs: 1 } as const;
    expect(await startDispatcher({ ...options, bus: crashing }).tick()).toEqual({ claimed: 1, delivered: 0 });
    const again = startDispatcher({ ...options, bus: nats });
    await waitFor('the event is published again', async () => (await again.tick()).delivered === 1);
    await nats.publish((await anEventFromOutbox(id)) ?? anEvent({ id }));
    const { state } = await broker.jsm.streams.info(streamName(prefix, 'identity'));
    expect(state.messages).toBe(1);
    expect((await outbox(dbs.publisher))[0]).toMatchObject({ id, attempts: 1 });
  });

  it('refuses to publish a type another subgraph owns', async () => {
    const nats = await bus(prefixForTest(), 'identity');
    await expect(nats.publish(anEvent({ type: 'culture.event-cancelled' }))).rejects.toThrow(
      'identity may not publish culture.event-cancelled',
    );
  });
});

/** The event of an outbox row, as the dispatcher publishes it. */
async function anEventFromOutbox(id: string) {
  const [row] = await dbs.publisher.$queryRawUnsafe<{ payload: never; createdAt: Date }[]>(
    'SELECT payload, created_at AS "createdAt" FROM outbox_event WHERE id = $1::uuid',
    id,
  );
  return row && anEvent({ id, payload: row.payload, createdAt: row.createdAt.toISOString() });
}

describe('dead letters', () => {
  it('takes an event whose handler keeps failing out of delivery after N attempts, for operators to list', async () => {
    const prefix = prefixForTest();
    await consumer(prefix, { maxAttempts: 3 });
    const event = anEvent({ payload: { poison: true } });
    const healthy = anEvent();
    const publisher = await bus(prefix, 'identity');
    await publisher.publish(event);
    await publisher.publish(healthy);
    await waitFor('the event is dead-lettered', async () => (await readDeadLetters(broker.jsm, prefix)).length > 0);
    const letters = await readDeadLetters(broker.jsm, prefix);
    expect(letters).toEqual([
      expect.objectContaining({
        subgraph: 'procedures',
        type: TYPE,
        eventId: event.id,
        attempts: 3,
        error: `poisoned ${event.id}`,
        subject: eventSubject(prefix, TYPE),
      }),
    ]);
    expect(JSON.parse(letters[0]?.body ?? '{}')).toEqual(event);
    expect(await processedCount(dbs.consumer, event.id)).toBe(0);
    expect(handled).toContain(healthy.id); // the others go on
    // no longer delivered: nothing waits for an ack
    const info = await broker.jsm.consumers.info(streamName(prefix, 'identity'), `${prefix}-procedures`);
    expect({ pending: info.num_pending, unacknowledged: info.num_ack_pending }).toEqual({
      pending: 0,
      unacknowledged: 0,
    });

    const lines: string[] = [];
    expect(await printDeadLetters({ url: NATS_URL, prefix }, (line) => lines.push(line))).toBe(1);
    expect(lines[1]?.split('\t')).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      'procedures',
      TYPE,
      event.id,
      '3',
      `poisoned ${event.id}`,
    ]);
    // the operator's command prints the same
    const cli = fileURLToPath(new URL('../src/database/cli.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'events', 'dead-letters'], {
      env: { ...process.env, NATS_URL, GEMENG_EVENT_STREAM_PREFIX: prefix },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`procedures\t${TYPE}\t${event.id}\t3\tpoisoned ${event.id}`);
  });

  it('dead-letters, never handles, an event not signed by the subgraph that owns its type', async () => {
    const prefix = prefixForTest();
    await consumer(prefix);
    const forged = anEvent({ type: 'identity.user-erased', source: 'culture', payload: { userId: 'someone' } });
    const body = JSON.stringify(forged);
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(cultureSigner.headers(body))) headers.set(key, value);
    await ensureDomainStream(broker.jsm, prefix, 'identity');
    await broker.js.publish(eventSubject(prefix, forged.type), body, { headers, msgID: forged.id });
    const unsigned = anEvent({ type: 'identity.user-erased', payload: { userId: 'someone-else' } });
    await broker.js.publish(eventSubject(prefix, unsigned.type), JSON.stringify(unsigned), { msgID: unsigned.id });
    await waitFor('both are dead-lettered', async () => (await readDeadLetters(broker.jsm, prefix)).length === 2);
    const letters = await readDeadLetters(broker.jsm, prefix);
    expect(letters.map((letter) => [letter.subgraph, letter.type, letter.attempts])).toEqual([
      ['procedures', 'identity.user-erased', 1],
      ['procedures', 'identity.user-erased', 1],
    ]);
    expect(letters[0]?.error).toBe('refused: culture may not publish identity.user-erased (owned by identity)');
    expect(letters[1]?.error).toMatch(/^refused: unsigned/);
    expect(handled.filter((entry) => entry.startsWith('erased:someone'))).toEqual([]);
  });
});

describe('a broker restart', () => {
  it('loses nothing: the dispatcher retries, the consumer resumes, each event is handled once', async () => {
    const server = await startOwnNatsServer();
    cleanups.push(() => server.destroy());
    const { prefix } = testPrefix(); // its streams go with the server
    const seen: string[] = [];
    const settings = { broker: { url: server.url, prefix }, consumers: [], publicKeys, log };
    const consuming = await startEvents(
      'procedures',
      { handlers: { [TYPE]: async (event) => void seen.push(event.id) } },
      dbs.consumer,
      settings,
    );
    cleanups.push(() => consuming.stop());
    expect(consuming.endpoint).toBeUndefined(); // no POST /events on NATS
    const publishing = await startEvents('identity', { publishes: true }, dbs.publisher, {
      ...settings,
      signingKey: identitySigningKey,
      dispatcher: { intervalMs: 50, baseDelayMs: 100, maxDelayMs: 400 },
    });
    cleanups.push(() => publishing.stop());

    const ids = [await publish(dbs.publisher, { n: 1 }), await publish(dbs.publisher, { n: 2 })];
    await waitFor('the first events are handled', () => ids.every((id) => seen.includes(id)));
    await server.stop();
    ids.push(await publish(dbs.publisher, { n: 3 }), await publish(dbs.publisher, { n: 4 }));
    await waitFor('the dispatcher failed to publish', async () =>
      (await outbox(dbs.publisher)).some((row) => row.attempts > 0 && row.published_at === null),
    );
    await server.start();
    ids.push(await publish(dbs.publisher, { n: 5 }));
    await waitFor('every event is handled', () => ids.every((id) => seen.includes(id)), 30_000);
    await waitFor('every outbox row is marked published', async () =>
      (await outbox(dbs.publisher)).every((row) => row.published_at !== null),
    );
    for (const id of ids) expect(seen.filter((seenId) => seenId === id)).toHaveLength(1);
  });
});

describe('a broker that lost its streams', () => {
  // Its disk is lost: the server comes back empty. (Deleting a stream and creating it again at once is no stand-in:
  // nats-server 2.9 may then lose the new stream's first message to the old one's file removal.)
  it('gets them created again by the publisher and the consumer, and delivery goes on', async () => {
    const server = await startOwnNatsServer();
    cleanups.push(() => server.destroy());
    const { prefix } = testPrefix(); // its streams go with the server
    await consumer(prefix, { url: server.url });
    const publisher = await bus(prefix, 'identity', { url: server.url });
    const first = anEvent();
    await publisher.publish(first);
    await waitFor('the first event is handled', () => handled.includes(first.id));
    await server.wipe();
    await server.start();
    const second = anEvent();
    // the first attempts may find the client reconnecting or no stream; the dispatcher's retry creates it
    const failures: string[] = [];
    const published = () =>
      publisher.publish(second).then(
        () => true,
        (error: Error) => failures.push(error.message) < 0,
      );
    await waitFor('the event is published again', published, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}: ${failures.slice(-3).join('; ')}`);
    });
    await waitFor('the consumer is back and handles it', () => handled.includes(second.id), 30_000);
  });
});

describe('start-up', () => {
  it('stops with one line when the broker is unreachable or has no JetStream', async () => {
    const port = await freePort();
    const unreachable = connectBroker({ url: `nats://127.0.0.1:${port}`, name: 'test', timeoutMs: 1000 });
    await expect(unreachable).rejects.toThrow(StartupError);
    const line = describeStartupFailure(await unreachable.catch((error: unknown) => error));
    expect(line).toMatch(
      new RegExp(
        `^cannot reach the NATS broker at nats://127.0.0.1:${port} \\(.+\\): start nats-server with -js, or fix or unset NATS_URL$`,
      ),
    );

    const plain = await startOwnNatsServer({ jetstream: false });
    cleanups.push(() => plain.destroy());
    const events = startEvents('procedures', { handlers: { [TYPE]: async () => {} } }, dbs.consumer, {
      broker: { url: plain.url, prefix: 'gemeng' },
      consumers: [],
      publicKeys,
      log,
    });
    await expect(events).rejects.toThrow(StartupError);
    expect(describeStartupFailure(await events.catch((error: unknown) => error))).toMatch(
      /^the NATS broker at nats:\/\/127\.0\.0\.1:\d+ has no JetStream \(.+\): start nats-server with -js$/,
    );
  });
});

describe('deleteEventStreams', () => {
  it("deletes one prefix's streams, not those of a longer prefix that starts the same", async () => {
    const prefix = prefixForTest();
    const longer = `${prefix}-events-x`;
    cleanups.push(() => deleteEventStreams({ url: NATS_URL, prefix: longer }));
    await ensureDomainStream(broker.jsm, prefix, 'identity');
    await ensureDomainStream(broker.jsm, longer, 'identity');
    expect(await deleteEventStreams({ url: NATS_URL, prefix })).toEqual([`${prefix}-events-identity`]);
    expect((await broker.jsm.streams.info(streamName(longer, 'identity'))).config.name).toBe(
      `${longer}-events-identity`,
    );
    expect(await deleteEventStreams({ url: NATS_URL, prefix: longer })).toEqual([`${longer}-events-identity`]);
  });
});
