/** Domain events in a subgraph process: the bus, the consumers' handlers and the outbox dispatcher. */

import type { KeyObject } from 'node:crypto';
import type { Logger } from '@gemeng/service-kit';
import { ConfigError } from '@gemeng/service-kit';
import { consumeOnce, type TransactionalHandler } from './consumer.ts';
import { type Dispatcher, type DispatcherOptions, startDispatcher } from './dispatcher.ts';
import { createHttpBus, type EventEndpoint } from './http-bus.ts';
import type { NatsBusOptions } from './nats/bus.ts';
import type { BrokerSettings } from './nats/settings.ts';
import { eventSigner, eventVerifier, publicKeyOf } from './signing.ts';
import type { Bus, EventReceiver, SqlClient, TransactionalDb, TxOf } from './types.ts';

/** What a subgraph declares (its `src/events.ts`): handlers by event type, and whether it has an outbox. */
export interface SubgraphEvents<Db> {
  /** The subgraph writes events to its outbox_event table: a dispatcher delivers them. */
  publishes?: boolean;
  /** Each handler runs once per event, in one transaction with the processed_event row (`consumeOnce`). */
  handlers?: Record<string, TransactionalHandler<TxOf<Db>>>;
}

export interface EventsSettings {
  /** The consumers' `POST /events` URLs (GEMENG_EVENT_CONSUMERS). Empty: events stay in the outbox. */
  consumers: string[];
  /** The subgraph's own private key (GEMENG_EVENT_KEY): it signs what the subgraph publishes. */
  signingKey?: KeyObject | undefined;
  /** The publishers' public keys (GEMENG_EVENT_KEYS); the subgraph's own is added from `signingKey`. */
  publicKeys: ReadonlyMap<string, KeyObject>;
  log: Logger;
  dispatcher?: Partial<Omit<DispatcherOptions, 'db' | 'bus' | 'source' | 'log'>>;
  /** NATS_URL and GEMENG_EVENT_STREAM_PREFIX: events go through NATS JetStream (./nats/), not over HTTP. */
  broker?: BrokerSettings | undefined;
  /** Options of the NATS bus (attempts before a dead letter, retry delays), mostly for tests. */
  nats?: Partial<Pick<NatsBusOptions, 'maxAttempts' | 'retryBaseMs' | 'retryMaxMs' | 'ackWaitMs'>>;
  /** Another bus (tests); default the NATS bus with `broker`, else the local HTTP bus. */
  bus?: Bus;
}

export interface RunningEvents {
  /** What `POST /events` hands the events to, after checking who signed them (none on NATS: no /events). */
  endpoint: EventEndpoint | undefined;
  bus: Bus;
  dispatcher: Dispatcher | undefined;
  stop(): Promise<void>;
}

export async function startEvents<Db>(
  name: string,
  events: SubgraphEvents<Db>,
  db: Db,
  settings: EventsSettings,
): Promise<RunningEvents> {
  const publishing = events.publishes && (settings.bus || settings.broker || settings.consumers.length > 0);
  if (publishing && !settings.bus && !settings.signingKey) {
    throw new ConfigError(
      `GEMENG_EVENT_KEY is not set: ${name} publishes domain events and must sign them (see the README)`,
    );
  }
  const signer = settings.signingKey && eventSigner(name, settings.signingKey);
  const publicKeys = new Map(settings.publicKeys);
  if (settings.signingKey) publicKeys.set(name, publicKeyOf(settings.signingKey));
  let http: (Bus & EventReceiver) | undefined;
  let bus: Bus;
  if (settings.bus) bus = settings.bus;
  else if (settings.broker) {
    // loaded only here: without NATS_URL no NATS client is in the process
    const { connectNatsBus, EVENT_RETENTION_MS } = await import('./nats/index.ts');
    bus = await connectNatsBus({
      ...settings.nats,
      ...settings.broker,
      subgraph: name,
      signer,
      // a consumer that was down catches up on events as old as the stream keeps (see ./nats/streams.ts)
      verify: eventVerifier(publicKeys, { maxAgeMs: EVENT_RETENTION_MS + 24 * 60 * 60_000 }),
      log: settings.log.child({ component: 'events' }),
    });
  } else {
    http = createHttpBus({ consumers: settings.consumers, log: settings.log, ...(signer ? { signer } : {}) });
    bus = http;
  }
  // A Prisma client: its transaction client is TxOf<Db>, which the handlers receive.
  const transactional = db as unknown as TransactionalDb;
  for (const [type, handler] of Object.entries(events.handlers ?? {})) {
    bus.subscribe(type, consumeOnce(transactional, handler as TransactionalHandler<SqlClient>));
  }
  try {
    await bus.start?.();
  } catch (error) {
    await bus.close().catch(() => {});
    throw error;
  }
  let dispatcher: Dispatcher | undefined;
  if (publishing) {
    dispatcher = startDispatcher({
      ...settings.dispatcher,
      db: transactional,
      bus,
      source: name,
      log: settings.log.child({ component: 'outbox' }),
    });
  } else if (events.publishes) {
    settings.log.warn('GEMENG_EVENT_CONSUMERS is not set: domain events stay in the outbox until it is');
  }
  return {
    endpoint: settings.bus
      ? { receiver: { receive: async () => {} }, verify: eventVerifier(publicKeys) }
      : http && { receiver: http, verify: eventVerifier(publicKeys) },
    bus,
    dispatcher,
    async stop() {
      await dispatcher?.stop();
      await bus.close();
    },
  };
}

/**
 * The handler of `identity.user-erased { userId }` for a subgraph: each step deletes or anonymises one table's
 * personal data, all in the event's transaction (with its processed_event row).
 */
export function userErasure<Db>(steps: ((tx: TxOf<Db>, userId: string) => Promise<unknown>)[]): SubgraphEvents<Db> {
  return {
    handlers: {
      'identity.user-erased': async (event, tx) => {
        const { userId } = event.payload as { userId: string };
        for (const erase of steps) await erase(tx, userId);
      },
    },
  };
}
