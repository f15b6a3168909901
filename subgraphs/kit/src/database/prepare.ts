import { StartupError } from '../service.ts';
import { loadDb, loadSeed, type SubgraphProject } from './project.ts';
import { applyMigrations } from './schema-engine.ts';
import { redact } from './url.ts';

/** Applies the committed migrations the database lacks, then (optionally) the idempotent seed. */
export async function prepareDatabase(
  project: SubgraphProject,
  databaseUrl: string,
  options: { seed: boolean },
): Promise<{ applied: string[] }> {
  let applied: string[];
  try {
    applied = await applyMigrations(databaseUrl, project);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    throw new StartupError(`migrating ${project.name} on ${redact(databaseUrl)} failed: ${reason}`);
  }
  if (options.seed) {
    const seed = await loadSeed(project);
    if (seed) {
      const db = await loadDb(project, databaseUrl);
      try {
        await seed(db);
      } finally {
        await db.$disconnect();
      }
    }
  }
  return { applied };
}
