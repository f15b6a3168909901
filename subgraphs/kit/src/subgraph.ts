import type { GraphQLSchema } from 'graphql';
import { authFromEnv } from './auth/config.ts';
import { host, loadConfig, port, postgresUrl, secret } from './config.ts';
import { createLogger } from './logger.ts';
import { type RunningSubgraph, type SubgraphOptions, startSubgraph } from './server.ts';
import { runService } from './service.ts';

interface Database {
  $queryRawUnsafe(sql: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

export interface SubgraphDefinition<Db extends Database> {
  name: string;
  defaultPort: number;
  schema: GraphQLSchema;
  createDb(databaseUrl: string): Db;
  /** Public routes besides /graphql (see SubgraphOptions.publicRoutes), built once the database exists. */
  publicRoutes?: (
    db: Db,
    env: NodeJS.ProcessEnv,
  ) => Promise<{ handle: NonNullable<SubgraphOptions<Db>['publicRoutes']>; stop?: () => Promise<void> }>;
}

/**
 * Starts a subgraph from the environment: PORT, HOST, DATABASE_URL, GEMENG_ROUTER_SECRET, and for access
 * tokens GEMENG_OIDC_ISSUER and GEMENG_GRAPH_AUDIENCE (see `authFromEnv`).
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
    },
    env,
  );
  const auth = authFromEnv(env);
  const db = definition.createDb(config.databaseUrl);
  const routes = await definition.publicRoutes?.(db, env);
  return startSubgraph({
    name: definition.name,
    schema: definition.schema,
    db,
    ...(routes ? { publicRoutes: routes.handle, ...(routes.stop ? { onStop: routes.stop } : {}) } : {}),
    port: config.port,
    host: config.host,
    routerSecret: config.routerSecret,
    ...(auth ? { auth } : {}),
    log: createLogger(definition.name),
  });
}

/** The `main` of a subgraph process. */
export function runSubgraph<Db extends Database>(definition: SubgraphDefinition<Db>): void {
  runService(definition.name, () => startSubgraphFromEnv(definition));
}
