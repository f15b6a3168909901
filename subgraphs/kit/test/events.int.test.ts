/**
 * The transactional outbox end to end on a real PostgreSQL: identity's migrations give the outbox_event
 * table, procedures' the processed_event table and a real subgraph server with `POST /events`, which accepts
 * an event only as signed by the subgraph that owns it.
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
import { createHttpBus } from '../src/events/http-bus.ts';
import { publishInTransaction } from '../src/events/outbox.ts';
import {
  EVENT_SIGNATURE_HEADER,
  EVENT_TIMESTAMP_HEADER,
  eventPrivateKey,
  eventPublicKeys,
  eventSigner,
  eventVerifier,
  generateEventKeyPair,
} from '../src/events/signing.ts';
import type { Bus, DomainEvent, SqlClient, TransactionalDb } from '../src/events/types.ts';
import { createLogger } from '../src/logger.ts';
import { ROUTER_SECRET_HEADER, type RunningSubgraph, startSubgraph } from '../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

type Db = TransactionalDb & SqlClient & { $disconnect(): Promise<void> };

const root = fileURLToPath(new URL('../../', import.meta.url));
const identity = subgraphProject(join(root, 'identity'));
const procedures = subgraphProject(join(root, 'procedures'));
const log = createLogger('events-test');
const secret = randomBytes(32).toString('base64url');
const TYPE = 'identity.test-happened';
// Each subgraph's own key pair, as the stack hands them out (GEMENG_EVENT_KEY, GEMENG_EVENT_KEYS).
const identityKeys = generateEventKeyPair();
const cultureKeys = generateEventKeyPair();
const publicKeys = eventPublicKeys('GEMENG_EVENT_KEYS').read(
  `identity:${identityKeys.publicKey},culture:${cultureKeys.publicKey}`,
);
const privateKey = (pair: typeof identityKeys) => eventPrivateKey('GEMENG_EVENT_KEY').read(pair.privateKey) as never;
const identitySigner = eventSigner('identity', privateKey(identityKeys));
const cultureSigner = eventSigner('culture', privateKey(cultureKeys));
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

/** The procedures subgraph's server with a consumer of TYPE, on `port` (0: any free one). */
async function startConsumer(port = 0): Promise<{ url: string; server: RunningSubgraph }> {
  const bus = createHttpBus({ consumers: [], log });
  bus.subscribe(
    'identity.user-erased',
    consumeOnce(consumer, async (event) => {
      handled.push(`erased:${(event.payload as { userId: string }).userId}`);
    }),
  );
  bus.subscribe(
    TYPE,
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
    events: { receiver: bus, verify: eventVerifier(publicKeys) },
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
  db.$transaction((tx) => publishInTransaction(tx, TYPE, payload as never));

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
        await publishInTransaction(tx, TYPE, { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const bus = recordingBus();
    const dispatcher = startDispatcher({ db: publisher, bus, source: 'identity', log, autoStart: false });
    expect(await dispatcher.tick()).toEqual({ claimed: 0, delivered: 0 });
    expect(bus.events).toEqual([]);

    const id = await publish(publisher, { n: 2 });
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 1 });
    expect(bus.events).toEqual([expect.objectContaining({ id, type: TYPE, source: 'identity' })]);
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

function anEvent(overrides: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: randomUUID(),
    type: TYPE,
    source: 'identity',
    payload: {},
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** POSTs `body` to a consumer as `signer` would, plus `headers`; resolves to the status. */
async function signedPost(
  url: string,
  body: string,
  signer = identitySigner,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signer.headers(body), ...headers },
    body,
  });
  await response.body?.cancel();
  return response.status;
}

describe('a consumer', () => {
  it('handles an event once, however often and however concurrently it arrives', async () => {
    const { url } = await startConsumer();
    const event = anEvent();
    const post = (body: unknown) => signedPost(url, JSON.stringify(body));
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

    expect(await post({ ...event, id: 'not-a-uuid' })).toBe(400);
  });

  it('gets the event again when its handler failed, and its changes were rolled back with it', async () => {
    const { url } = await startConsumer();
    const bus = createHttpBus({ consumers: [url], signer: identitySigner, log });
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

describe('who may publish', () => {
  let url: string;
  beforeAll(async () => {
    ({ url } = await startConsumer());
  });
  const erasure = (source: string) =>
    anEvent({ type: 'identity.user-erased', source, payload: { userId: randomUUID() } });
  const erased = (event: DomainEvent) => handled.includes(`erased:${(event.payload as { userId: string }).userId}`);

  it('refuses an event that carries the router secret instead of a publisher signature', async () => {
    const event = erasure('identity');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ROUTER_SECRET_HEADER]: secret },
      body: JSON.stringify(event),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Events are accepted only as signed by the subgraph that owns them.' }],
    });
    expect(erased(event)).toBe(false);
  });

  it("refuses identity's events signed with culture's key, whatever source they claim", async () => {
    const claimingCulture = erasure('culture');
    expect(await signedPost(url, JSON.stringify(claimingCulture), cultureSigner)).toBe(403);
    const claimingIdentity = erasure('identity');
    expect(await signedPost(url, JSON.stringify(claimingIdentity), cultureSigner)).toBe(403);
    // culture's key under identity's name: the signature does not match identity's public key
    const body = JSON.stringify(claimingIdentity);
    const forged = cultureSigner.headers(body)[EVENT_SIGNATURE_HEADER]?.replace(/^culture:/, 'identity:') ?? '';
    expect(await signedPost(url, body, cultureSigner, { [EVENT_SIGNATURE_HEADER]: forged })).toBe(403);
    expect(erased(claimingCulture) || erased(claimingIdentity)).toBe(false);
  });

  it('accepts an event signed by the subgraph that owns its type', async () => {
    const event = erasure('identity');
    expect(await signedPost(url, JSON.stringify(event))).toBe(204);
    expect(erased(event)).toBe(true);
  });

  it("refuses an event signed by its publisher but another subgraph's type, or another source", async () => {
    const foreignType = anEvent({ type: 'culture.event-cancelled' });
    expect(await signedPost(url, JSON.stringify(foreignType))).toBe(403);
    const foreignSource = erasure('culture');
    expect(await signedPost(url, JSON.stringify(foreignSource))).toBe(403);
    expect(erased(foreignSource)).toBe(false);
  });

  it('refuses a tampered body, an old signature and a malformed one', async () => {
    const event = erasure('identity');
    const body = JSON.stringify(event);
    const signed = identitySigner.headers(body);
    const tampered = body.replace((event.payload as { userId: string }).userId, randomUUID());
    expect(await signedPost(url, tampered, identitySigner, signed)).toBe(403);
    const old = identitySigner.headers(body, Date.now() - 10 * 60_000);
    expect(await signedPost(url, body, identitySigner, old)).toBe(403);
    const future = { ...signed, [EVENT_TIMESTAMP_HEADER]: String(Date.now() + 10 * 60_000) };
    expect(await signedPost(url, body, identitySigner, future)).toBe(403);
    for (const malformed of ['identity:abc', 'identity', `identity:${'é'.repeat(128)}`, `nobody:${'0'.repeat(128)}`]) {
      expect(await signedPost(url, body, identitySigner, { [EVENT_SIGNATURE_HEADER]: malformed })).toBe(403);
    }
    expect(erased(event)).toBe(false);
    // the same event, signed as sent, still goes through
    expect(await signedPost(url, body)).toBe(204);
    expect(erased(event)).toBe(true);
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
    const bus = createHttpBus({ consumers: [`http://127.0.0.1:${port}/events`], signer: identitySigner, log });
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
    const bus = createHttpBus({ consumers: [url], signer: identitySigner, log });
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
