/**
 * A migrated, empty identity database for one test file, on the test project's PostgreSQL (embedded or external):
 * a copy of the run's migrated template, so that the migrations run once per run rather than once per file.
 */
import { fileURLToPath } from 'node:url';
import { createMigratedDatabase } from '@gemeng/subgraph-kit/testing';
import { inject } from 'vitest';
import { createDb, type Db } from '../src/db.ts';

export const IDENTITY_DIR = fileURLToPath(new URL('..', import.meta.url));

export interface IdentityTestDatabase {
  db: Db;
  url: string;
  /** Disconnects and drops the database. */
  close(): Promise<void>;
}

/** With `seed: true`, the demo communes are there as well (identity's seed). */
export async function identityTestDatabase(name: string, options = { seed: false }): Promise<IdentityTestDatabase> {
  const database = await createMigratedDatabase(inject('postgresUrl'), IDENTITY_DIR, name, options);
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
