import '@gemeng/subgraph-kit/testing';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@gemeng/subgraph-kit/database';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/stack.ts';
import { newRunPrefix, startProjectStack } from './project-stack.ts';

/**
 * The `embedded` run: one embedded PostgreSQL in a temporary folder on a free port, and on it the one platform
 * every file of the project shares (./shared-stack.ts), with domain events on the local bus as `npm start`.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'gemeng-test-pg-'));
  await chmod(dir, 0o755); // PostgreSQL may run as the `postgres` user
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort() }).catch(
    async (error: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw error;
    },
  );
  const stopServer = async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  let stopStack: () => Promise<void>;
  try {
    stopStack = await startProjectStack(project, {
      target: 'embedded',
      serverUrl: server.url('postgres'),
      prefix: newRunPrefix(),
      eventBus: 'local',
      env: { NATS_URL: undefined, GEMENG_EVENT_STREAM_PREFIX: undefined },
    });
  } catch (error) {
    await stopServer();
    throw error;
  }
  return async () => {
    await stopStack();
    await stopServer();
  };
}
