/**
 * The bus on one machine: publishing POSTs the event to every consumer's `POST /events` (the subgraphs, from
 * GEMENG_EVENT_CONSUMERS), signed with the publisher's own key (./signing.ts); a consumer checks the signature
 * and the publisher's right to the event's type, and acknowledges with 2xx once its handlers committed. The
 * event counts as published when every consumer acknowledged it; otherwise the dispatcher retries later, and
 * only the consumers that have not acknowledged it yet get it again (remembered in memory; after a restart
 * all do, which idempotent consumers skip).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@gemeng/service-kit';
import { sendJson } from '@gemeng/service-kit';
import { checkSignedEvent, type EventSigner, type EventVerifier } from './signing.ts';
import type { Bus, DomainEvent, EventHandler, EventReceiver } from './types.ts';

export interface HttpBusOptions {
  /** The consumers' `POST /events` URLs. */
  consumers: string[];
  /** Signs what this process publishes (its subgraph's key); without it, publishing fails. */
  signer?: EventSigner;
  log: Logger;
  /** Per request (default 5000 ms). */
  timeoutMs?: number;
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

const MAX_REMEMBERED = 10_000;

export function createHttpBus(options: HttpBusOptions): Bus & EventReceiver {
  const handlers = new Map<string, EventHandler[]>();
  const acknowledged = new Map<string, Set<string>>();
  const timeoutMs = options.timeoutMs ?? 5000;

  async function post(url: string, event: DomainEvent) {
    if (!options.signer) throw new Error('no event key (GEMENG_EVENT_KEY) to sign with');
    const body = JSON.stringify(event);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.signer.headers(body) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new Error(`${url} unreachable (${(error as Error).cause ?? (error as Error).message})`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  }

  return {
    async publish(event) {
      const done = acknowledged.get(event.id) ?? new Set<string>();
      const pending = options.consumers.filter((url) => !done.has(url));
      const results = await Promise.allSettled(pending.map((url) => post(url, event)));
      const failures: string[] = [];
      results.forEach((result, index) => {
        if (result.status === 'fulfilled') done.add(pending[index] ?? '');
        else failures.push((result.reason as Error).message);
      });
      if (failures.length === 0) {
        acknowledged.delete(event.id);
        return;
      }
      if (acknowledged.size >= MAX_REMEMBERED) acknowledged.delete(acknowledged.keys().next().value ?? '');
      acknowledged.set(event.id, done);
      throw new DeliveryError(failures.join('; '));
    },
    subscribe(type, handler) {
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
    },
    async receive(event) {
      for (const handler of handlers.get(event.type) ?? []) await handler(event);
    },
    async close() {
      handlers.clear();
      acknowledged.clear();
    },
  };
}

/** What a subgraph server needs to answer `POST /events`. */
export interface EventEndpoint {
  receiver: EventReceiver;
  /** The publishers' public keys (see ./signing.ts). */
  verify: EventVerifier;
}

/**
 * `POST /events` of a subgraph server: 403 unless the body is signed by a known publisher that is the event's
 * source and owns its type; then 204 once the handlers committed (or when none handles the type), 400 for a
 * malformed event, 500 (logged) when a handler failed, to be retried.
 */
export async function receiveEvent(
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: EventEndpoint,
  log: Logger,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ message: 'POST an event to /events.' }] });
  const body = await readBody(req, 1_000_000);
  if (!body) return sendJson(res, 413, { errors: [{ message: 'An event is at most 1000000 bytes.' }] });
  const refuse = (reason: string) => {
    log.warn({ reason }, 'event refused');
    sendJson(res, 403, { errors: [{ message: 'Events are accepted only as signed by the subgraph that owns them.' }] });
  };
  const checked = checkSignedEvent(endpoint.verify, req.headers, body);
  if (!checked.ok && checked.status === 403) return refuse(checked.reason);
  if (!checked.ok) return sendJson(res, 400, { errors: [{ message: checked.reason }] });
  const { event } = checked;
  try {
    await endpoint.receiver.receive(event);
  } catch (error) {
    log.error({ err: error, eventId: event.id, type: event.type }, 'event handler failed');
    return sendJson(res, 500, { errors: [{ message: 'The event could not be handled: it will be delivered again.' }] });
  }
  log.info({ eventId: event.id, type: event.type, source: event.source }, 'event received');
  res.writeHead(204).end();
}

/** The raw body (signatures cover the exact bytes), or undefined when it is larger than `maxBytes`. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
