/** A migrated, empty identity database for one test file, on the test project's PostgreSQL (embedded or external). */
import { fileURLToPath } from 'node:url';
import { prepareDatabase, subgraphProject } from '@gemeng/subgraph-kit/database';
import { createTestDatabase } from '@gemeng/subgraph-kit/testing';
import { inject } from 'vitest';
import { createDb, type Db } from '../src/db.ts';

export interface IdentityTestDatabase {
  db: Db;
  url: string;
  /** Disconnects and drops the database. */
  close(): Promise<void>;
}

export async function identityTestDatabase(name: string): Promise<IdentityTestDatabase> {
  const database = await createTestDatabase(inject('postgresUrl'), name);
  await prepareDatabase(subgraphProject(fileURLToPath(new URL('..', import.meta.url))), database.url, { seed: false });
  const db = createDb(database.url);
  return {
    db,
    url: database.url,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
