import '@gemeng/subgraph-kit/testing';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** The external PostgreSQL (≥ 15): GEMENG_TEST_POSTGRES_URL, else the CI machine's server on 127.0.0.1:5432. */
export default async function setup(project: TestProject) {
  const url = process.env.GEMENG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    if (Number(rows[0]?.server_version_num) < 150000) throw new Error('PostgreSQL 15 or newer is required');
  } catch (error) {
    throw new Error(
      `The postgres test project needs a PostgreSQL ≥ 15 at ${url.replace(/:[^:@/]+@/, ':***@')} (${error instanceof Error ? error.message : error}): start one or set GEMENG_TEST_POSTGRES_URL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  project.provide('postgresUrl', url);
  project.provide('postgresTarget', 'postgres');
}
