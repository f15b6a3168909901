import '@gemeng/subgraph-kit/testing';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@gemeng/subgraph-kit/database';
import type { TestProject } from 'vitest/node';

/** One embedded PostgreSQL for the whole `embedded` run, in a temporary folder on a free port. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'gemeng-test-pg-'));
  await chmod(dir, 0o755); // PostgreSQL may run as the `postgres` user
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port });
  project.provide('postgresUrl', server.url('postgres'));
  project.provide('postgresTarget', 'embedded');
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
