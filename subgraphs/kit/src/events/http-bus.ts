/**
 * The bus on one machine: publishing POSTs the event to every consumer's `POST /events` (the subgraphs, from
 * GEMENG_EVENT_CONSUMERS) with the router secret; a consumer acknowledges with 2xx once its handlers
 * committed. The event counts as published when every consumer acknowledged it; otherwise the dispatcher
 * retries later, and only the consumers that have not acknowledged it yet get it again (remembered in
 * memory; after a restart all do, which idempotent consumers skip).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendJson } from '../http.ts';
import type { Logger } from '../logger.ts';
import { type Bus, type DomainEvent, type EventHandler, type EventReceiver, parseDomainEvent } from './types.ts';

/** Header and value that authenticate the publisher (the router secret, as for /graphql). */
export const EVENT_SECRET_HEADER = 'x-gemeng-router-secret';

export interface HttpBusOptions {
  /** The consumers' `POST /events` URLs. */
  consumers: string[];
  /** Sent in EVENT_SECRET_HEADER; every subgraph of the platform shares it. */
  secret: string;
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
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [EVENT_SECRET_HEADER]: options.secret },
        body: JSON.stringify(event),
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

/**
 * `POST /events` of a subgraph server, after the secret was checked: 204 once the handlers committed (or when
 * none handles the type), 400 for a malformed event, 500 (logged) when a handler failed, to be retried.
 */
export async function receiveEvent(
  req: IncomingMessage,
  res: ServerResponse,
  receiver: EventReceiver,
  log: Logger,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { errors: [{ message: 'POST an event to /events.' }] });
  const body = await readJson(req, 1_000_000);
  const event = body instanceof Error ? body : parseDomainEvent(body);
  if (event instanceof Error) return sendJson(res, 400, { errors: [{ message: event.message }] });
  try {
    await receiver.receive(event);
  } catch (error) {
    log.error({ err: error, eventId: event.id, type: event.type }, 'event handler failed');
    return sendJson(res, 500, { errors: [{ message: 'The event could not be handled: it will be delivered again.' }] });
  }
  log.info({ eventId: event.id, type: event.type, source: event.source }, 'event received');
  res.writeHead(204).end();
}
