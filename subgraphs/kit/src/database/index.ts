export {
  dropDatabase,
  ensureDatabase,
  externalPostgres,
  type PostgresServer,
  startEmbeddedPostgres,
} from './embedded.ts';
export { prepareDatabase } from './prepare.ts';
export { countStatements, createPrismaClient } from './prisma.ts';
export { loadDb, loadSchema, loadSeed, type SubgraphProject, subgraphProject } from './project.ts';
export { applyMigrations, diffMigrations } from './schema-engine.ts';
export { poolConfig, redact, withDatabase } from './url.ts';
