/**
 * The four subgraphs in one Node process, for `npm start` alone (docs/adr/0006-compiled-lean-services.md): each
 * keeps its own HTTP port, Prisma client, database, event key and domain events, exactly as when it runs alone
 * (subgraphs/<name>/src/main.ts, one process per service, as production and the tests run them); only the Node
 * runtime, the kit and the libraries are loaded once instead of four times.
 *
 * Started by the stack launcher (scripts/stack.ts, `subgraphs: 'one-process'`) with the settings every subgraph
 * shares in its environment and, in GEMENG_HOSTED_SUBGRAPHS, a JSON object of each one's own (PORT,
 * DATABASE_URL, GEMENG_EVENT_KEY). With GEMENG_HOSTED_MIGRATE=seed it migrates and seeds each database first.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runService, StartupError } from '@gemeng/service-kit';
import { type RunningSubgraph, type SubgraphDefinition, startSubgraphFromEnv } from '@gemeng/subgraph-kit';
import { prepareDatabase, subgraphProject } from '@gemeng/subgraph-kit/database';
import { seed as billingSeed } from '../subgraphs/billing/prisma/seed.ts';
import { definition as billing } from '../subgraphs/billing/src/definition.ts';
import { seed as cultureSeed } from '../subgraphs/culture/prisma/seed.ts';
import { definition as culture } from '../subgraphs/culture/src/definition.ts';
import { seed as identitySeed } from '../subgraphs/identity/prisma/seed.ts';
import { definition as identity } from '../subgraphs/identity/src/definition.ts';
import { seed as proceduresSeed } from '../subgraphs/procedures/prisma/seed.ts';
import { definition as procedures } from '../subgraphs/procedures/src/definition.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Hosted {
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own Prisma client type
  definition: SubgraphDefinition<any>;
  // biome-ignore lint/suspicious/noExplicitAny: the seed takes that client
  seed: (db: any) => Promise<void>;
}

const SUBGRAPHS: Record<string, Hosted> = {
  identity: { definition: identity, seed: identitySeed },
  procedures: { definition: procedures, seed: proceduresSeed },
  culture: { definition: culture, seed: cultureSeed },
  billing: { definition: billing, seed: billingSeed },
};

/** Each hosted subgraph's own settings, from GEMENG_HOSTED_SUBGRAPHS. */
function ownSettings(): Record<string, NodeJS.ProcessEnv> {
  const raw = process.env.GEMENG_HOSTED_SUBGRAPHS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    throw new StartupError('GEMENG_HOSTED_SUBGRAPHS is not set to a JSON object: start the platform with npm start');
  }
  const settings = parsed as Record<string, NodeJS.ProcessEnv>;
  for (const name of Object.keys(settings)) {
    if (!SUBGRAPHS[name]) throw new StartupError(`GEMENG_HOSTED_SUBGRAPHS names "${name}", which is no subgraph`);
  }
  return settings;
}

runService('subgraphs', async () => {
  const settings = ownSettings();
  const { GEMENG_HOSTED_SUBGRAPHS: _own, GEMENG_HOSTED_MIGRATE: migrate, ...shared } = process.env;
  if (migrate) {
    // The seeds run as `gemeng-subgraph migrate --seed` runs them, outside NODE_ENV=production (identity's demo
    // people are refused there); nothing else runs in this process meanwhile.
    const nodeEnv = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      // One after the other: the schema engine (WASM) is loaded once and used by one migration at a time.
      for (const [name, own] of Object.entries(settings)) {
        const { definition, seed } = SUBGRAPHS[name] as Hosted;
        const project = subgraphProject(join(ROOT, 'subgraphs', name));
        await prepareDatabase(project, own.DATABASE_URL ?? '', {
          seed: migrate === 'seed',
          modules: { createDb: definition.createDb, seed },
        });
      }
    } finally {
      if (nodeEnv !== undefined) process.env.NODE_ENV = nodeEnv;
    }
  }
  const running: RunningSubgraph[] = [];
  const stop = async () => {
    for (const subgraph of running.reverse()) await subgraph.stop();
  };
  try {
    for (const [name, own] of Object.entries(settings)) {
      const { definition } = SUBGRAPHS[name] as Hosted;
      running.push(await startSubgraphFromEnv(definition, { ...shared, ...own }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
});
