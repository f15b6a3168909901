import {
  authFromEnv,
  createLogger,
  host,
  list,
  loadConfig,
  port,
  postgresUrl,
  runService,
  secret,
} from '@gemeng/service-kit';
import type { GraphQLSchema } from 'graphql';
import type { ServicesFactory } from './context.ts';
import { eventStreamPrefix, natsUrl } from './events/nats/settings.ts';
import { type SubgraphEvents, startEvents } from './events/runtime.ts';
import { eventPrivateKey, eventPublicKeys } from './events/signing.ts';
import type { SqlClient, TransactionalDb, TxOf } from './events/types.ts';
import { type Maintenance, startMaintenance } from './maintenance.ts';
import { type RunningSubgraph, type SubgraphOptions, startSubgraph } from './server.ts';

interface Database {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export interface SubgraphDefinition<Db extends Database> {
  name: string;
  defaultPort: number;
  schema: GraphQLSchema;
  createDb(databaseUrl: string): Db;
  /** Its rules per request (its `src/services.ts`, `createServices`), reached as `ctx.services`. */
  services?: ServicesFactory<Db, unknown>;
  /** Public routes besides /graphql (see SubgraphOptions.publicRoutes), built once the database exists. */
  publicRoutes?: (
    db: Db,
    env: NodeJS.ProcessEnv,
  ) => Promise<{ handle: NonNullable<SubgraphOptions<Db>['publicRoutes']>; stop?: () => Promise<void> }>;
  /** Routes under /internal/ for the router alone (see SubgraphOptions.internalRoutes). */
  internalRoutes?: (db: Db, env: NodeJS.ProcessEnv) => NonNullable<SubgraphOptions<Db>['internalRoutes']>;
  /** Domain events it handles or publishes (its `src/events.ts`); delivered to GEMENG_EVENT_CONSUMERS. */
  events?: SubgraphEvents<Db>;
  /** Housekeeping (its `src/maintenance.ts`, or `eventRetention`): run after start, then hourly, see maintenance.ts. */
  maintenance?: Maintenance<TxOf<Db> & SqlClient>;
}

/**
 * Starts a subgraph from the environment: PORT, HOST, DATABASE_URL, GEMENG_ROUTER_SECRET, for access tokens
 * GEMENG_OIDC_ISSUER and GEMENG_GRAPH_AUDIENCE (see `authFromEnv`), and for domain events
 * GEMENG_EVENT_CONSUMERS, GEMENG_EVENT_KEY (its own signing key) and GEMENG_EVENT_KEYS (the publishers' public
 * keys), see events/signing.ts, or NATS_URL and GEMENG_EVENT_STREAM_PREFIX for NATS JetStream (events/nats/).
 */
export async function startSubgraphFromEnv<Db extends Database>(
  definition: SubgraphDefinition<Db>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningSubgraph> {
  const config = loadConfig(
    {
      port: port('PORT', definition.defaultPort),
      host: host('HOST'),
      databaseUrl: postgresUrl('DATABASE_URL'),
      routerSecret: secret('GEMENG_ROUTER_SECRET'),
      eventConsumers: list('GEMENG_EVENT_CONSUMERS'),
      eventKey: eventPrivateKey('GEMENG_EVENT_KEY'),
      eventKeys: eventPublicKeys('GEMENG_EVENT_KEYS'),
      natsUrl: natsUrl('NATS_URL'),
      eventStreamPrefix: eventStreamPrefix('GEMENG_EVENT_STREAM_PREFIX'),
    },
    env,
  );
  const auth = authFromEnv(env);
  const db = definition.createDb(config.databaseUrl);
  const routes = await definition.publicRoutes?.(db, env);
  const log = createLogger(definition.name);
  const events =
    definition.events &&
    (await startEvents(definition.name, definition.events, db, {
      // NATS_URL set: NATS JetStream; else the local HTTP bus to GEMENG_EVENT_CONSUMERS
      broker: config.natsUrl ? { url: config.natsUrl, prefix: config.eventStreamPrefix } : undefined,
      consumers: config.eventConsumers,
      signingKey: config.eventKey,
      publicKeys: config.eventKeys,
      log,
    }));
  const maintenance =
    definition.maintenance &&
    startMaintenance({
      // A Prisma client: its transaction client is TxOf<Db>, which the tasks receive.
      db: db as unknown as TransactionalDb<TxOf<Db> & SqlClient>,
      maintenance: definition.maintenance,
      log: log.child({ component: 'maintenance' }),
    });
  return startSubgraph({
    name: definition.name,
    schema: definition.schema,
    db,
    ...(definition.services ? { services: definition.services } : {}),
    ...(routes ? { publicRoutes: routes.handle } : {}),
    ...(events?.endpoint ? { events: events.endpoint } : {}),
    ...(definition.internalRoutes ? { internalRoutes: definition.internalRoutes(db, env) } : {}),
    onStop: async () => {
      await maintenance?.stop();
      await events?.stop();
      await routes?.stop?.();
    },
    port: config.port,
    host: config.host,
    routerSecret: config.routerSecret,
    ...(auth ? { auth } : {}),
    log,
  });
}

/** The `main` of a subgraph process. */
export function runSubgraph<Db extends Database>(definition: SubgraphDefinition<Db>): void {
  runService(definition.name, () => startSubgraphFromEnv(definition));
}
