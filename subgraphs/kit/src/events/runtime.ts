/** Domain events in a subgraph process: the bus, the consumers' handlers and the outbox dispatcher. */
import type { Logger } from '../logger.ts';
import { consumeOnce, type TransactionalHandler } from './consumer.ts';
import { type Dispatcher, type DispatcherOptions, startDispatcher } from './dispatcher.ts';
import { createHttpBus } from './http-bus.ts';
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
  secret: string;
  log: Logger;
  dispatcher?: Partial<Omit<DispatcherOptions, 'db' | 'bus' | 'source' | 'log'>>;
  /** Another bus (NATS JetStream later); default the local HTTP bus. */
  bus?: Bus;
}

export interface RunningEvents {
  receiver: EventReceiver;
  bus: Bus;
  dispatcher: Dispatcher | undefined;
  stop(): Promise<void>;
}

export function startEvents<Db>(
  name: string,
  events: SubgraphEvents<Db>,
  db: Db,
  settings: EventsSettings,
): RunningEvents {
  const http = createHttpBus({ consumers: settings.consumers, secret: settings.secret, log: settings.log });
  const bus = settings.bus ?? http;
  // A Prisma client: its transaction client is TxOf<Db>, which the handlers receive.
  const transactional = db as unknown as TransactionalDb;
  for (const [type, handler] of Object.entries(events.handlers ?? {})) {
    bus.subscribe(type, consumeOnce(transactional, handler as TransactionalHandler<SqlClient>));
  }
  let dispatcher: Dispatcher | undefined;
  if (events.publishes && (settings.bus || settings.consumers.length > 0)) {
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
    receiver: settings.bus ? { receive: async () => {} } : http,
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
