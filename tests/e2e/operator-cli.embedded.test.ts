/**
 * The operator command finds `npm start`'s embedded database by itself: its password file in the data folder
 * and its port. Only the embedded project has such a cluster (the test run's own stands in for npm start's).
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, prepareDatabase, subgraphProject, withDatabase } from '@gemeng/subgraph-kit/database';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { runCommand } from '../../subgraphs/identity/src/operator/command.ts';

const identity = subgraphProject(fileURLToPath(new URL('../../subgraphs/identity', import.meta.url)));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gemeng-cli-'));
  await chmod(dataDir, 0o755);
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

it('grants on the running embedded cluster without a URL (its password file and port, as npm start keeps them)', async () => {
  // The test run's embedded server stands in for npm start's: its gemeng_identity, migrated.
  const server = new URL(inject('postgresUrl'));
  await ensureDatabase(server.toString(), 'gemeng_identity');
  const url = withDatabase(server.toString(), 'gemeng_identity');
  await prepareDatabase(identity, url, { seed: true });
  await writeFile(join(dataDir, 'postgres.password'), decodeURIComponent(server.password));
  const embedded = createDb(url);
  try {
    const target = await embedded.user.create({
      data: {
        email: `first.operator.${Date.now()}@example.lu`,
        name: 'First',
        passwordHash: 'x',
        emailVerifiedAt: new Date(),
      },
    });
    const result = await runCommand(
      ['operator', 'grant', target.email],
      { GEMENG_EMBEDDED_POSTGRES_PORT: server.port },
      dataDir,
    );
    expect(result).toMatchObject({ code: 0 });
    expect((await embedded.user.findUniqueOrThrow({ where: { id: target.id } })).operator).toBe(true);
  } finally {
    await embedded.$disconnect();
  }
});
