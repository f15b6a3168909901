/**
 * The local HTTP bus: a real subgraph server with `POST /events` accepts an event only as signed by the
 * subgraph that owns it, and the dispatcher retries a consumer that is down with backoff.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDispatcher } from '../src/events/dispatcher.ts';
import { createHttpBus } from '../src/events/http-bus.ts';
import { EVENT_SIGNATURE_HEADER, EVENT_TIMESTAMP_HEADER } from '../src/events/signing.ts';
import type { DomainEvent } from '../src/events/types.ts';
import { ROUTER_SECRET_HEADER, type RunningSubgraph } from '../src/server.ts';
import {
  anEvent,
  cultureSigner,
  type EventDatabases,
  eventDatabases,
  freePort,
  identitySigner,
  log,
  outbox,
  processedCount,
  publish,
  ROUTER_SECRET,
  startHttpConsumer,
} from './events-support.ts';

let dbs: EventDatabases;
const servers: RunningSubgraph[] = [];
/** What the consumer's handlers committed (see consumerHandlers). */
const handled: string[] = [];

async function startConsumer(port = 0) {
  const started = await startHttpConsumer(dbs.consumer, handled, port);
  servers.push(started.server);
  return started;
}

beforeAll(async () => {
  dbs = await eventDatabases();
});

afterAll(async () => {
  for (const server of servers) await server.stop().catch(() => {});
  await dbs.close();
});

beforeEach(async () => {
  await dbs.publisher.$executeRawUnsafe('DELETE FROM outbox_event');
});

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

describe('a consumer over HTTP', () => {
  it('answers 204 to every copy of an event it handled once, and 400 to a malformed one', async () => {
    const { url } = await startConsumer();
    const event = anEvent();
    const post = (body: unknown) => signedPost(url, JSON.stringify(body));
    expect(await post(event)).toBe(204);
    expect(await Promise.all([post(event), post(event), post(event)])).toEqual([204, 204, 204]);
    expect(handled.filter((id) => id === event.id)).toHaveLength(1);
    expect(await processedCount(dbs.consumer, event.id)).toBe(1);
    expect(await post({ ...event, id: 'not-a-uuid' })).toBe(400);
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
      headers: { 'content-type': 'application/json', [ROUTER_SECRET_HEADER]: ROUTER_SECRET },
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
    const port = await freePort();
    const bus = createHttpBus({ consumers: [`http://127.0.0.1:${port}/events`], signer: identitySigner, log });
    const dispatcher = startDispatcher({
      db: dbs.publisher,
      bus,
      source: 'identity',
      log,
      autoStart: false,
      baseDelayMs: 1000, // long enough to tick again within it on a loaded machine
    });
    const id = await publish(dbs.publisher);
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 0 });
    let [row] = await outbox(dbs.publisher);
    expect(row).toMatchObject({ published_at: null, attempts: 1 });
    expect(row?.last_error).toMatch(/unreachable/);
    // not due yet: the backoff holds it back
    expect(await dispatcher.tick()).toEqual({ claimed: 0, delivered: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1250)); // 1 s ± 20 %
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 0 });
    expect((await outbox(dbs.publisher))[0]?.attempts).toBe(2);

    await startConsumer(port);
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(await outbox(dbs.publisher))[0]?.published_at) {
      await dispatcher.tick();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    [row] = await outbox(dbs.publisher);
    expect(row?.published_at).toBeInstanceOf(Date);
    expect(handled.filter((handledId) => handledId === id)).toHaveLength(1);
  });

  it('records a failed delivery in the outbox row, and delivers on a later tick', async () => {
    const { url } = await startConsumer();
    const bus = createHttpBus({ consumers: [url], signer: identitySigner, log });
    const dispatcher = startDispatcher({
      db: dbs.publisher,
      bus,
      source: 'identity',
      log,
      autoStart: false,
      baseDelayMs: 50,
    });
    const id = await publish(dbs.publisher, { fail: true });
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 0 });
    expect((await outbox(dbs.publisher))[0]?.last_error).toMatch(/answered 500/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 1 });
    expect(handled.filter((handledId) => handledId.endsWith(id))).toEqual([`failed:${id}`, id]);
  });
});
