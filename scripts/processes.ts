/**
 * The platform's processes as the stack launcher runs them: each service under tsx with its log in
 * <dataDir>/logs, a subgraph's migrations run to the end, readiness polled, and a clean stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '@gemeng/subgraph-kit';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function launch(name: string, entry: string, logDir: string, env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { NODE_ENV: 'production', ...env },
    // The IPC channel closes when this process ends, however it ends: the child then stops (runService).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    for (const line of chunk.toString().split('\n')) if (line.trim()) tail.push(line);
    while (tail.length > 20) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', () => log.end());
  (child as ChildProcess & { tail?: string[] }).tail = tail;
  return child;
}

/** The last thing a failed process said: its one-line start-up error, or the last log line. */
function lastWords(child: ChildProcess): string {
  const tail = (child as ChildProcess & { tail?: string[] }).tail ?? [];
  const plain = tail.filter((line) => !line.startsWith('{'));
  return (plain.at(-1) ?? tail.at(-1) ?? '').trim();
}

export function runToEnd(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'subgraphs/kit/src/database/cli.ts'), ...args], {
    cwd: join(ROOT, 'subgraphs', name),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logDir, `${name}.migrate.log`), { flags: 'a' });
  let output = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output += chunk.toString();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      log.end();
      if (code === 0) resolve();
      else {
        const line = output.trim().split('\n').filter(Boolean).at(-1) ?? `exit code ${code}`;
        reject(new StartupError(line.replace(/^gemeng-subgraph \w+: /, '')));
      }
    });
  });
}

/** How long a service may take to answer its readiness check: GEMENG_READY_TIMEOUT_SECONDS (default 60; more on a busy machine). */
const readyTimeoutMs = () => (Number(process.env.GEMENG_READY_TIMEOUT_SECONDS) || 60) * 1000;

export async function waitReady(
  name: string,
  child: ChildProcess,
  url: string,
  logDir: string,
  timeoutMs = readyTimeoutMs(),
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StartupError(
        `${name} stopped while starting: ${lastWords(child) || `see ${join(logDir, `${name}.log`)}`}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError(`${name} was not ready after ${timeoutMs / 1000} s: see ${join(logDir, `${name}.log`)}`);
}

export function terminate(child: ChildProcess): Promise<void> {
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
