import type { ChildProcess } from 'node:child_process';
import { freePort, launchRouter, type RunningStack } from '../../../scripts/stack.ts';
import type { GatewayRuntimeName } from './types.ts';

export interface ExtraRouter {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<{ child: ChildProcess; stop(): Promise<void> }>();

/** Starts one more router process of the given runtime on the stack's subgraphs, and waits until it is ready. */
export async function startRouter(stack: RunningStack, runtime: GatewayRuntimeName): Promise<ExtraRouter> {
  const router = await launchRouter({
    port: await freePort(),
    runtime,
    routerSecret: stack.routerSecret,
    subgraphUrls: stack.subgraphUrls,
    corsOrigins: [],
    logDir: stack.logDir,
    logName: `bench-router-${runtime}`,
    env: { LOG_LEVEL: 'warn' },
  });
  running.add(router);
  router.child.once('exit', () => running.delete(router));
  if (router.child.pid === undefined) throw new Error(`the ${runtime} router has no process id`);
  return { url: router.url, pid: router.child.pid, stop: router.stop };
}

/** Stops every router this module started and that still runs (on failure or interruption). */
export async function stopAllRouters(): Promise<void> {
  await Promise.all([...running].map((router) => router.stop()));
}
