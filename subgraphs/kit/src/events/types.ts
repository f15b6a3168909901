/**
 * Domain events: facts one subgraph announces to the others ("identity.user-erased"), written in the same
 * transaction as the change (transactional outbox, ./outbox.ts) and delivered at least once through a `Bus`.
 * See docs/adr/0005-domain-events-outbox.md.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface DomainEvent<Payload extends JsonValue = JsonValue> {
  /** A UUID, unique per event: consumers record it to handle each event once. */
  id: string;
  /** `<subgraph>.<what-happened>` in kebab case, e.g. `identity.user-erased`. */
  type: string;
  /** The subgraph that wrote it. */
  source: string;
  payload: Payload;
  /** When the change was committed (the outbox row's created_at), ISO-8601 UTC. */
  createdAt: string;
}

/** Handles one delivery; throwing makes the bus deliver the event again later. */
export type EventHandler = (event: DomainEvent) => Promise<void>;

/**
 * Where events go once committed. At-least-once delivery, no order guaranteed across events: consumers are
 * idempotent (see `consumeOnce`). Two implementations: `createHttpBus` on one machine, and `createNatsBus`
 * (./nats/bus.ts) on NATS JetStream when NATS_URL is set.
 */
export interface Bus {
  /** Resolves once the bus holds the event durably (every consumer acknowledged it, for the HTTP bus). */
  publish(event: DomainEvent): Promise<void>;
  /** Runs `handler` for each event of this type that reaches this process. */
  subscribe(type: string, handler: EventHandler): void;
  /** Starts delivering to the subscribed handlers, once every `subscribe` was made (the NATS bus's consumers). */
  start?(): Promise<void>;
  close(): Promise<void>;
}

/** The receiving end a subgraph server hands `POST /events` to. */
export interface EventReceiver {
  receive(event: DomainEvent): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function isEventType(type: string): boolean {
  return TYPE.test(type);
}

/** A well-formed event, or an Error that says what is wrong with the value. */
export function parseDomainEvent(value: unknown): DomainEvent | Error {
  if (typeof value !== 'object' || value === null) return new Error('An event is a JSON object.');
  const event = value as Record<string, unknown>;
  if (typeof event.id !== 'string' || !UUID.test(event.id)) return new Error('The event id must be a UUID.');
  if (typeof event.type !== 'string' || !isEventType(event.type)) {
    return new Error('The event type must look like "subgraph.what-happened".');
  }
  if (typeof event.source !== 'string' || !event.source) return new Error('The event needs a source.');
  if (typeof event.createdAt !== 'string' || Number.isNaN(Date.parse(event.createdAt))) {
    return new Error('The event needs createdAt as an ISO-8601 instant.');
  }
  if (!('payload' in event)) return new Error('The event needs a payload.');
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    source: event.source,
    payload: event.payload as JsonValue,
    createdAt: event.createdAt,
  };
}

/** What the outbox and the consumers need of a Prisma client or of its transaction client. */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A Prisma client: interactive transactions over `Tx`. */
export interface TransactionalDb<Tx extends SqlClient = SqlClient> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
}

/** The transaction client of a Prisma client type. */
export type TxOf<Db> = Db extends { $transaction<R>(fn: (tx: infer Tx) => Promise<R>, ...rest: never[]): unknown }
  ? Tx
  : never;
