/**
 * A whole platform of its own, for the browser tests, the benchmarks, and the few data tests that must restart
 * or reconfigure one (the others share their vitest project's platform: ./shared-stack.ts): real processes on
 * free ports, on the embedded PostgreSQL (a temporary cluster) or, with GEMENG_TEST_DATABASE=postgres, on the
 * external server (GEMENG_TEST_POSTGRES_URL, default 127.0.0.1:5432) in databases of their own that are dropped
 * at the end.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase } from '@gemeng/subgraph-kit/database';
import { type RunningStack, type StackOptions, SUBGRAPHS, startStack as start } from '../../scripts/stack.ts';

export type TestTarget = 'embedded' | 'postgres';

export interface TestStackOptions extends Pick<StackOptions, 'corsOrigins' | 'gatewayRuntime' | 'shell' | 'env'> {
  target?: TestTarget;
  /** For the embedded target: reuse this folder (to test that data survives a restart). */
  dataDir?: string;
  /** For the postgres target: the server (default GEMENG_TEST_POSTGRES_URL or 127.0.0.1:5432). */
  postgresUrl?: string;
}

export function externalPostgresUrl(): string {
  return process.env.GEMENG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function startStack(options: TestStackOptions = {}): Promise<RunningStack & { target: TestTarget }> {
  const target = options.target ?? (process.env.GEMENG_TEST_DATABASE === 'postgres' ? 'postgres' : 'embedded');
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'gemeng-stack-')));
  await chmod(dataDir, 0o755); // the embedded server may run as the `postgres` user
  const prefix = `t${randomBytes(3).toString('hex')}_`;
  const serverUrl = options.postgresUrl ?? externalPostgresUrl();
  const stack = await start({
    ...options,
    dataDir,
    ports: 'ephemeral',
    ...(target === 'postgres' ? { postgres: { serverUrl }, databasePrefix: prefix } : {}),
  });
  return {
    ...stack,
    target,
    async stop() {
      await stack.stop();
      if (target === 'postgres') {
        for (const name of SUBGRAPHS) await dropDatabase(serverUrl, `${prefix}${name}`);
      }
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
