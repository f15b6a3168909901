import type { GraphQLSchema } from 'graphql';
import { host, loadConfig, port, postgresUrl, secret } from './config.ts';
import { createLogger } from './logger.ts';
import { type RunningSubgraph, startSubgraph } from './server.ts';
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
}

/** Starts a subgraph from the environment: PORT, HOST, DATABASE_URL, GEMENG_ROUTER_SECRET. */
export function startSubgraphFromEnv<Db extends Database>(
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
  return startSubgraph({
    name: definition.name,
    schema: definition.schema,
    db: definition.createDb(config.databaseUrl),
    port: config.port,
    host: config.host,
    routerSecret: config.routerSecret,
    log: createLogger(definition.name),
  });
}

/** The `main` of a subgraph process. */
export function runSubgraph<Db extends Database>(definition: SubgraphDefinition<Db>): void {
  runService(definition.name, () => startSubgraphFromEnv(definition));
}
