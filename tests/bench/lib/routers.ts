import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, type RunningStack, SUBGRAPHS } from '../../../scripts/stack.ts';
import type { GatewayRuntimeName } from './types.ts';

export interface ExtraRouter {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Starts one more router process of the given runtime on the stack's subgraphs, and waits until it is ready. */
export async function startRouter(stack: RunningStack, runtime: GatewayRuntimeName): Promise<ExtraRouter> {
  const port = await freePort();
  const logPath = join(stack.logDir, `bench-router-${runtime}.log`);
  const log = openSync(logPath, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'router/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ROUTER_PORT: String(port),
      GEMENG_GATEWAY: runtime,
      GEMENG_ROUTER_SECRET: stack.routerSecret,
      ...Object.fromEntries(SUBGRAPHS.map((name) => [`GEMENG_${name.toUpperCase()}_URL`, stack.subgraphUrls[name]])),
    },
    // The IPC channel makes the router stop (runService) when this process ends, however it ends.
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stop = () => terminate(child);
  try {
    await waitReady(child, `http://127.0.0.1:${port}/readyz`, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error(`the ${runtime} router has no process id`);
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid, stop };
}

/** Stops every router this module started and that still runs (on failure or interruption). */
export async function stopAllRouters(): Promise<void> {
  await Promise.all([...running].map((child) => terminate(child)));
}

async function waitReady(child: ChildProcess, url: string, logPath: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the router stopped while starting: see ${logPath}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the router was not ready after ${timeoutMs / 1000} s: see ${logPath}`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
