/**
 * What the event tests share: real databases (identity's migrations give the outbox_event table, procedures'
 * the processed_event table), each subgraph's Ed25519 key pair as the stack hands them out, the broker of the
 * tests (the machine's NATS, GEMENG_TEST_NATS_URL) and a NATS server of a test's own for restarts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@gemeng/service-kit';
import { inject } from 'vitest';
import { prepareDatabase } from '../src/database/prepare.ts';
import { loadDb, loadSchema, subgraphProject } from '../src/database/project.ts';
import { consumeOnce } from '../src/events/consumer.ts';
import { createHttpBus } from '../src/events/http-bus.ts';
import { deleteEventStreams } from '../src/events/nats/streams.ts';
import { publishInTransaction } from '../src/events/outbox.ts';
import {
  eventPrivateKey,
  eventPublicKeys,
  eventSigner,
  eventVerifier,
  generateEventKeyPair,
} from '../src/events/signing.ts';
import type { Bus, DomainEvent, EventHandler, SqlClient, TransactionalDb } from '../src/events/types.ts';
import { type RunningSubgraph, startSubgraph } from '../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

export type Db = TransactionalDb & SqlClient & { $disconnect(): Promise<void> };

const root = fileURLToPath(new URL('../../', import.meta.url));
export const identity = subgraphProject(join(root, 'identity'));
export const procedures = subgraphProject(join(root, 'procedures'));
export const log = createLogger('events-test');
export const TYPE = 'identity.test-happened';
/** The machine's NATS with JetStream (CI has one on 127.0.0.1:4222). */
export const NATS_URL = process.env.GEMENG_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

// Each subgraph's own key pair, as the stack hands them out (GEMENG_EVENT_KEY, GEMENG_EVENT_KEYS).
const identityKeys = generateEventKeyPair();
const cultureKeys = generateEventKeyPair();
export const publicKeys = eventPublicKeys('GEMENG_EVENT_KEYS').read(
  `identity:${identityKeys.publicKey},culture:${cultureKeys.publicKey}`,
);
const privateKey = (pair: typeof identityKeys) => eventPrivateKey('GEMENG_EVENT_KEY').read(pair.privateKey) as never;
export const identitySigningKey = privateKey(identityKeys);
export const identitySigner = eventSigner('identity', identitySigningKey);
export const cultureSigner = eventSigner('culture', privateKey(cultureKeys));

/**
 * procedures' handlers of the tests, each once per event (`consumeOnce`), recording into `handled`:
 * `identity.user-erased` as `erased:<userId>`; TYPE as its id, after failing once when the payload says
 * `fail`, and always failing when it says `poison`.
 */
export function consumerHandlers(consumer: Db, handled: string[]): Record<string, EventHandler> {
  return {
    'identity.user-erased': consumeOnce(consumer, async (event) => {
      handled.push(`erased:${(event.payload as { userId: string }).userId}`);
    }),
    [TYPE]: consumeOnce(consumer, async (event) => {
      const payload = event.payload as { fail?: boolean; poison?: boolean };
      if (payload.poison) throw new Error(`poisoned ${event.id}`);
      if (payload.fail && !handled.includes(`failed:${event.id}`)) {
        handled.push(`failed:${event.id}`);
        throw new Error('the handler fails once');
      }
      handled.push(event.id);
    }),
  };
}

export const ROUTER_SECRET = randomBytes(32).toString('base64url');

/** The procedures subgraph's server with `POST /events` for `consumerHandlers`, on `port` (0: any free one). */
export async function startHttpConsumer(
  consumer: Db,
  handled: string[],
  port = 0,
): Promise<{ url: string; server: RunningSubgraph }> {
  const bus = createHttpBus({ consumers: [], log });
  for (const [type, handler] of Object.entries(consumerHandlers(consumer, handled))) bus.subscribe(type, handler);
  const server = await startSubgraph({
    name: 'procedures',
    schema: await loadSchema(procedures),
    db: consumer,
    port,
    routerSecret: ROUTER_SECRET,
    events: { receiver: bus, verify: eventVerifier(publicKeys) },
    log,
  });
  return { url: server.url.replace(/\/graphql$/, '/events'), server };
}

export interface EventDatabases {
  /** identity's database (the outbox), and a second client on it: a replica of the publisher. */
  publisher: Db;
  replica: Db;
  /** procedures' database (processed_event). */
  consumer: Db;
  close(): Promise<void>;
}

/** Fresh, migrated databases for a test file; `close()` disconnects and drops them. */
export async function eventDatabases(): Promise<EventDatabases> {
  const created: TestDatabase[] = [];
  const clients: Db[] = [];
  async function database(name: string, project: typeof identity) {
    const db = await createTestDatabase(inject('postgresUrl'), name);
    created.push(db);
    await prepareDatabase(project, db.url, { seed: false });
    return db.url;
  }
  async function client(project: typeof identity, url: string) {
    const db = (await loadDb(project, url)) as unknown as Db;
    clients.push(db);
    return db;
  }
  const [publisherUrl, consumerUrl] = await Promise.all([
    database('events_publisher', identity),
    database('events_consumer', procedures),
  ]);
  return {
    publisher: await client(identity, publisherUrl),
    replica: await client(identity, publisherUrl),
    consumer: await client(procedures, consumerUrl),
    async close() {
      for (const db of clients) await db.$disconnect().catch(() => {});
      for (const db of created) await db.drop();
    },
  };
}

export function anEvent(overrides: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: randomUUID(),
    type: TYPE,
    source: 'identity',
    payload: {},
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Writes a TYPE event to the outbox in a transaction of its own; resolves to its id. */
export const publish = (db: Db, payload: Record<string, unknown> = {}) =>
  db.$transaction((tx) => publishInTransaction(tx, TYPE, payload as never));

export async function outbox(db: Db) {
  return db.$queryRawUnsafe<{ id: string; published_at: Date | null; attempts: number; last_error: string | null }[]>(
    'SELECT id::text, published_at, attempts, last_error FROM outbox_event ORDER BY created_at',
  );
}

export async function processedCount(db: Db, id: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
    'SELECT count(*) FROM processed_event WHERE id = $1::uuid',
    id,
  );
  return Number(row?.count ?? 0);
}

/** A bus that records what it is given, slowly enough for two dispatchers to overlap. */
export function recordingBus(delayMs = 0): Bus & { events: DomainEvent[] } {
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

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A GEMENG_EVENT_STREAM_PREFIX of a test's own, so that parallel runs on one NATS never meet; `cleanup()`
 * deletes its streams.
 */
export function testPrefix(): { prefix: string; cleanup(url?: string): Promise<void> } {
  const prefix = `test-${randomBytes(5).toString('hex')}`;
  return {
    prefix,
    async cleanup(url = NATS_URL) {
      await deleteEventStreams({ url, prefix });
    },
  };
}

export interface OwnNatsServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and empties its storage, as a broker whose disk was lost: start() brings it back empty. */
  wipe(): Promise<void>;
  /** Stops the server and removes its storage. */
  destroy(): Promise<void>;
}

/**
 * A nats-server with JetStream of a test's own (GEMENG_TEST_NATS_SERVER, default /usr/sbin/nats-server), on a
 * free port with its storage in a temporary folder that survives `stop()`/`start()`: restarting it does not
 * disturb the tests that share the machine's broker.
 */
export async function startOwnNatsServer({ jetstream = true } = {}): Promise<OwnNatsServer> {
  const binary = process.env.GEMENG_TEST_NATS_SERVER ?? '/usr/sbin/nats-server';
  const dir = await mkdtemp(join(tmpdir(), 'gemeng-test-nats-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  async function start() {
    const args = ['-a', '127.0.0.1', '-p', String(port), ...(jetstream ? ['-js', '-sd', dir] : [])];
    const started = spawn(binary, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`${binary} not ready after 10 s: ${output}`)), 10_000);
      started.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot run ${binary} (${error.message}): set GEMENG_TEST_NATS_SERVER to a nats-server`));
      });
      started.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Server is ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }
  async function stop() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  }
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    start,
    stop,
    async wipe() {
      await stop();
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir);
    },
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
