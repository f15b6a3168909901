import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import type { ServicesFactory } from '../context.ts';
import type { PrismaProject } from './schema-engine.ts';

/**
 * A subgraph package by convention: `prisma/schema.prisma`, `prisma/migrations/`, `prisma/seed.ts`
 * (`export async function seed(db)`), `src/db.ts` (`export function createDb(url)`) and
 * `src/schema/index.ts` (`export const schema`).
 */
export interface SubgraphProject extends PrismaProject {
  name: string;
  dir: string;
}

export function subgraphProject(dir: string): SubgraphProject {
  const root = resolve(dir);
  const schemaPath = join(root, 'prisma', 'schema.prisma');
  if (!existsSync(schemaPath)) throw new Error(`${root} is not a subgraph package: prisma/schema.prisma is missing`);
  return {
    name: root.split('/').pop() ?? root,
    dir: root,
    schemaPath,
    migrationsDir: join(root, 'prisma', 'migrations'),
  };
}

interface Disconnectable {
  $disconnect(): Promise<void>;
}

export async function loadDb(project: SubgraphProject, databaseUrl: string): Promise<Disconnectable> {
  const module = (await import(pathToFileURL(join(project.dir, 'src', 'db.ts')).href)) as {
    createDb(url: string): Disconnectable;
  };
  return module.createDb(databaseUrl);
}

export async function loadSeed(project: SubgraphProject): Promise<((db: Disconnectable) => Promise<void>) | undefined> {
  const path = join(project.dir, 'prisma', 'seed.ts');
  if (!existsSync(path)) return undefined;
  return ((await import(pathToFileURL(path).href)) as { seed(db: Disconnectable): Promise<void> }).seed;
}

/** The subgraph's `createServices` (`src/services.ts`, see `ServicesFactory`), when it has one. */
export async function loadServices<Db>(project: SubgraphProject): Promise<ServicesFactory<Db, unknown> | undefined> {
  const path = join(project.dir, 'src', 'services.ts');
  if (!existsSync(path)) return undefined;
  return ((await import(pathToFileURL(path).href)) as { createServices: ServicesFactory<Db, unknown> }).createServices;
}

export async function loadSchema(project: SubgraphProject): Promise<GraphQLSchema> {
  return (
    (await import(pathToFileURL(join(project.dir, 'src', 'schema', 'index.ts')).href)) as { schema: GraphQLSchema }
  ).schema;
}
