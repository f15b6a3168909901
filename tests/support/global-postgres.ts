import '@gemeng/subgraph-kit/testing';
import { deleteEventStreams } from '@gemeng/subgraph-kit/nats';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { newRunPrefix, startProjectStack } from './project-stack.ts';

const redacted = (url: string) => url.replace(/:[^:@/]+@/, ':***@');

/**
 * The `postgres` run: the external PostgreSQL (≥ 15) of GEMENG_TEST_POSTGRES_URL, else the CI machine's server
 * on 127.0.0.1:5432, and on it the one platform every file of the project shares (./shared-stack.ts), with
 * domain events on NATS JetStream (GEMENG_TEST_NATS_URL, else 127.0.0.1:4222) in streams of the run's own prefix.
 * At the end, the run's databases and streams are dropped.
 */
export default async function setup(project: TestProject) {
  const url = process.env.GEMENG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    if (Number(rows[0]?.server_version_num) < 150000) throw new Error('PostgreSQL 15 or newer is required');
  } catch (error) {
    throw new Error(
      `The postgres test project needs a PostgreSQL ≥ 15 at ${redacted(url)} (${error instanceof Error ? error.message : error}): start one or set GEMENG_TEST_POSTGRES_URL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  const natsUrl = process.env.GEMENG_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
  const prefix = newRunPrefix();
  const streamPrefix = prefix.slice(0, -1); // t<hex>: the run's streams, subjects and consumers
  const dropStreams = () => deleteEventStreams({ url: natsUrl, prefix: streamPrefix });
  const stopStack = await startProjectStack(project, {
    target: 'postgres',
    serverUrl: url,
    prefix,
    eventBus: 'nats',
    nats: { url: natsUrl, streamPrefix },
    env: { NATS_URL: natsUrl, GEMENG_EVENT_STREAM_PREFIX: streamPrefix },
  }).catch(async (error: unknown) => {
    await dropStreams().catch(() => {});
    throw error;
  });
  return async () => {
    try {
      await stopStack();
    } finally {
      await dropStreams();
    }
  };
}
