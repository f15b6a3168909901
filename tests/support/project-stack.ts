/**
 * The global-setup side of a data project's one platform (./shared-stack.ts): started on the project's
 * PostgreSQL server in databases named with the run's prefix, its URLs provided to the test files.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropTestDatabases } from '@gemeng/subgraph-kit/testing';
import type { TestProject } from 'vitest/node';
import { type RunningStack, startStack } from '../../scripts/stack.ts';
import { describeStack, type SharedStackInfo, TEST_CORS_ORIGIN } from './shared-stack.ts';
import type { TestTarget } from './stack.ts';

/** A new prefix for the databases (and NATS streams) of one run: `t<6 hex>_`. */
export const newRunPrefix = () => `t${randomBytes(3).toString('hex')}_`;

export interface ProjectStackOptions {
  target: TestTarget;
  /** Admin URL of the project's PostgreSQL server. */
  serverUrl: string;
  prefix: string;
  eventBus: SharedStackInfo['eventBus'];
  nats?: SharedStackInfo['nats'];
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the platform and provides `stack`, `postgresUrl`, `postgresTarget` and `testRunPrefix`; the function
 * it returns stops the platform and drops every database of the run (the templates and whatever a file left).
 */
export async function startProjectStack(
  project: TestProject,
  options: ProjectStackOptions,
): Promise<() => Promise<void>> {
  project.provide('postgresUrl', options.serverUrl);
  project.provide('postgresTarget', options.target);
  project.provide('testRunPrefix', options.prefix);
  const dropDatabases = async () => {
    await dropTestDatabases(options.serverUrl, options.prefix);
  };
  if (!(await platformNeeded(project))) return dropDatabases;

  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), `gemeng-${options.target}-stack-`)); // the services' logs
  await chmod(dataDir, 0o755);
  let stack: RunningStack | undefined;
  const stop = async () => {
    await stack?.stop();
    await dropDatabases();
    await rm(dataDir, { recursive: true, force: true });
  };
  // A busy machine (2 cores, several runs at once) may need more than a service's default 60 s to be ready.
  process.env.GEMENG_READY_TIMEOUT_SECONDS ??= '240';
  try {
    stack = await startStack({
      postgres: { serverUrl: options.serverUrl },
      databasePrefix: options.prefix,
      dataDir,
      ports: 'ephemeral',
      shell: false,
      corsOrigins: [TEST_CORS_ORIGIN],
      ...(options.env ? { env: options.env } : {}),
    });
  } catch (error) {
    await dropDatabases().catch(() => {}); // the logs stay, for the error's "see …/logs/<service>.log"
    throw error;
  }
  project.provide('stack', describeStack(stack, options.target, options.eventBus, options.nats));
  console.log(
    `${options.target}: one platform for all files, ready in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(domain events on ${options.eventBus === 'nats' ? 'NATS JetStream' : 'the local bus'}; logs in ${stack.logDir})`,
  );
  return stop;
}

/**
 * Whether a test file this run selected uses the shared platform (calls `sharedStack()`): a run of the subgraphs'
 * own data tests alone (`vitest run --project embedded subgraphs/culture`) starts no platform.
 */
async function platformNeeded(project: TestProject): Promise<boolean> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  for (const file of testFiles) if ((await readFile(file, 'utf8')).includes('sharedStack()')) return true;
  return false;
}
