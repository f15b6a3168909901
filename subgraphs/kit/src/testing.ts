/**
 * Test helpers for subgraph packages: a fresh, migrated and seeded database on the test server (copied from
 * the run's template, ./test-databases.ts), and the subgraph served over real HTTP on a free port.
 */
import 'vitest';
import { randomBytes } from 'node:crypto';
import type { AuthOptions } from '@gemeng/service-kit';
import { createLogger } from '@gemeng/service-kit';
import { loadDb, loadSchema, loadServices, subgraphProject } from './database/project.ts';
import { ROUTER_SECRET_HEADER, startSubgraph } from './server.ts';
import { createMigratedDatabase } from './test-databases.ts';

export {
  createMigratedDatabase,
  createTestDatabase,
  dropTestDatabases,
  type TestDatabase,
  testRunPrefix,
} from './test-databases.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] };
}

export interface TestSubgraph {
  url: string;
  databaseUrl: string;
  routerSecret: string;
  /** POSTs a GraphQL request as the router would (with its secret). */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * Migrates and seeds a fresh database, then serves the subgraph of `dir` on a free port. With `auth` it
 * checks access tokens (see `startTestIssuer` in `@gemeng/subgraph-kit/auth/testing`); without, it refuses them.
 */
export async function startTestSubgraph(
  dir: string,
  serverUrl: string,
  options: { auth?: AuthOptions } = {},
): Promise<TestSubgraph> {
  const project = subgraphProject(dir);
  const database = await createMigratedDatabase(serverUrl, project, project.name, { seed: true });
  const db = (await loadDb(project, database.url)) as Parameters<typeof startSubgraph>[0]['db'];
  const routerSecret = randomBytes(32).toString('base64url');
  const services = await loadServices(project);
  const running = await startSubgraph({
    name: project.name,
    schema: await loadSchema(project),
    db,
    ...(services ? { services } : {}),
    port: 0,
    routerSecret,
    ...(options.auth ? { auth: options.auth } : {}),
    log: createLogger(project.name),
  });
  return {
    url: running.url,
    databaseUrl: database.url,
    routerSecret,
    async query(query, variables, headers = {}) {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ROUTER_SECRET_HEADER]: routerSecret, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLResponse<never>['body'],
      };
    },
    async stop() {
      await running.stop();
      await database.drop();
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the data tests of this vitest project run on. */
    postgresUrl: string;
    postgresTarget: 'embedded' | 'postgres';
    /** The prefix of every database this run creates (`t<hex>_`): the global teardown drops them all. */
    testRunPrefix: string;
  }
}
