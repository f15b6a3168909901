/**
 * The four subgraphs as the stack launcher starts them: migrated and seeded, then each in a process of its own
 * (`processes`: what production runs, and the tests), or all four in one Node process (`one-process`:
 * scripts/subgraphs-host.ts, `npm start` only; see docs/adr/0006-compiled-lean-services.md).
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { generateEventKeyPair } from '@gemeng/subgraph-kit/event-keys';
import { builtEntry, launch, runToEnd, waitReady } from './processes.ts';

export const SUBGRAPHS = ['identity', 'procedures', 'culture', 'billing'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export type SubgraphsMode = 'processes' | 'one-process';

export interface SubgraphsLaunch {
  mode: SubgraphsMode;
  /** TypeScript under tsx instead of the build. */
  source: boolean;
  root: string;
  ports: Record<SubgraphName, number>;
  databaseUrls: Record<SubgraphName, string>;
  /** What every subgraph gets (router secret, issuer, SMTP, event consumers, …). */
  env: NodeJS.ProcessEnv;
  /** What the migrations and seeds get besides DATABASE_URL. */
  migrationEnv: NodeJS.ProcessEnv | undefined;
  logDir: string;
  progress(line: string): void;
  /** Each process started, to be stopped with the stack. */
  started(names: SubgraphName[], child: ChildProcess): void;
}

/** The entries the mode runs, checked before anything starts (a missing or stale build is one line). */
export function subgraphEntries(mode: SubgraphsMode, source: boolean, root: string): string[] {
  if (mode === 'one-process') {
    return [
      source ? join(root, 'scripts/subgraphs-host.ts') : builtEntry('the subgraphs host', 'dist/subgraphs-host.js'),
    ];
  }
  return SUBGRAPHS.map((name) =>
    source ? join(root, 'subgraphs', name, 'src/main.ts') : builtEntry(name, `subgraphs/${name}/dist/main.js`),
  );
}

export async function startSubgraphs(launch_: SubgraphsLaunch): Promise<void> {
  const { ports, databaseUrls, logDir } = launch_;
  const entries = subgraphEntries(launch_.mode, launch_.source, launch_.root);
  // Each subgraph signs its domain events with a key pair of its own, new at every start; the others get
  // only its public key, and the router none (ADR 5).
  const eventKeys = Object.fromEntries(SUBGRAPHS.map((name) => [name, generateEventKeyPair()])) as Record<
    SubgraphName,
    ReturnType<typeof generateEventKeyPair>
  >;
  const env = {
    ...launch_.env,
    GEMENG_EVENT_KEYS: SUBGRAPHS.map((name) => `${name}:${eventKeys[name].publicKey}`).join(','),
  };
  const own = (name: SubgraphName) => ({
    PORT: String(ports[name]),
    DATABASE_URL: databaseUrls[name],
    GEMENG_EVENT_KEY: eventKeys[name].privateKey,
  });
  const ready = (name: SubgraphName, child: ChildProcess, logName: string) =>
    waitReady(name, child, `http://127.0.0.1:${ports[name]}/readyz`, logDir, undefined, logName);

  if (launch_.mode === 'one-process') {
    launch_.progress('migrating, seeding and starting the four subgraphs (in one process)');
    const child = launch('subgraphs', entries[0] as string, logDir, {
      ...env,
      ...launch_.migrationEnv,
      GEMENG_HOSTED_SUBGRAPHS: JSON.stringify(Object.fromEntries(SUBGRAPHS.map((name) => [name, own(name)]))),
      GEMENG_HOSTED_MIGRATE: 'seed',
      // Four connections per subgraph's database are plenty for one person trying the platform.
      DATABASE_POOL_SIZE: launch_.env.DATABASE_POOL_SIZE ?? '4',
    });
    launch_.started([...SUBGRAPHS], child);
    for (const name of SUBGRAPHS) await ready(name, child, 'subgraphs');
    return;
  }

  launch_.progress('migrating and seeding the four databases');
  await Promise.all(
    SUBGRAPHS.map((name) =>
      runToEnd(name, ['migrate', '--seed'], { ...launch_.migrationEnv, DATABASE_URL: databaseUrls[name] }, logDir, {
        source: launch_.source,
      }),
    ),
  );
  launch_.progress('starting the subgraphs');
  await Promise.all(
    SUBGRAPHS.map(async (name, index) => {
      const child = launch(name, entries[index] as string, logDir, { ...env, ...own(name) });
      launch_.started([name], child);
      await ready(name, child, name);
    }),
  );
}
