import { StartupError } from '@gemeng/service-kit';
import { loadDb, loadSeed, type SubgraphProject } from './project.ts';
import { applyMigrations } from './schema-engine.ts';
import { redact } from './url.ts';

interface Disconnectable {
  $disconnect(): Promise<void>;
}

/**
 * The subgraph's `createDb` and `seed`, when the caller has them (built code, which cannot import the
 * package's TypeScript at run time); else they are imported from `src/db.ts` and `prisma/seed.ts`.
 */
export interface SubgraphModules<Db extends Disconnectable = Disconnectable> {
  createDb(databaseUrl: string): Db;
  seed?: ((db: Db) => Promise<void>) | undefined;
}

/** Applies the committed migrations the database lacks, then (optionally) the idempotent seed. */
export async function prepareDatabase<Db extends Disconnectable>(
  project: SubgraphProject,
  databaseUrl: string,
  options: { seed: boolean; modules?: SubgraphModules<Db> },
): Promise<{ applied: string[] }> {
  let applied: string[];
  try {
    applied = await applyMigrations(databaseUrl, project);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    throw new StartupError(`migrating ${project.name} on ${redact(databaseUrl)} failed: ${reason}`);
  }
  if (options.seed) {
    const { modules } = options;
    const seed = modules ? modules.seed : await loadSeed(project);
    if (seed) {
      const db = modules ? modules.createDb(databaseUrl) : ((await loadDb(project, databaseUrl)) as Db);
      try {
        await seed(db);
      } finally {
        await db.$disconnect();
      }
    }
  }
  return { applied };
}
