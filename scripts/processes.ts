/**
 * The platform's processes as the stack launcher runs them: each service's built JavaScript (`dist/`, see
 * gemeng-build) on plain node, or its TypeScript under tsx when asked (`source`), with its log in
 * <dataDir>/logs; a subgraph's migrations run to the end, readiness polled, and a clean stop.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '@gemeng/service-kit';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Node's settings for a lean service (docs/adr/0006): a young generation of 2 MB semi-spaces instead of 16 (a
 * service at rest does not need 48 MB of nursery), and at most two malloc arenas (glibc gives each thread that
 * allocates one of 64 MB, which V8's compiler threads and the WASM query compiler leave mostly empty).
 */
export const LEAN_NODE_FLAGS = ['--max-semi-space-size=2'];
export const LEAN_ENV = { MALLOC_ARENA_MAX: '2' };

/** How a service is run: `.js` (built) on node, `.ts` (sources) under tsx. */
function nodeArgs(entry: string): string[] {
  return entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [...LEAN_NODE_FLAGS, entry];
}

/**
 * The built entry of a service (`dir/entry`, e.g. `router/dist/main.js`), checked: a one-line error when it is
 * missing or when a file it was built from has changed since (gemeng-build records their hashes).
 */
export function builtEntry(name: string, entry: string): string {
  const path = join(ROOT, entry);
  const rebuild = 'run `npm run build` first';
  if (!existsSync(path)) throw new StartupError(`${name} is not built (no ${entry}): ${rebuild}`);
  const dir = dirname(path);
  const inputs = JSON.parse(readFileSync(join(dir, 'build-inputs.json'), 'utf8')) as Record<string, string>;
  for (const [file, hash] of Object.entries(inputs)) {
    const source = join(dir, file);
    if (!existsSync(source) || createHash('sha256').update(readFileSync(source)).digest('base64url') !== hash) {
      throw new StartupError(`${name} was built before ${relative(ROOT, source)} changed: ${rebuild}`);
    }
  }
  return path;
}

export function launch(name: string, entry: string, logDir: string, env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, nodeArgs(entry), {
    cwd: ROOT,
    env: { NODE_ENV: 'production', ...LEAN_ENV, ...env },
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
  // runService's one line names the process ("gemeng identity: …"); the caller names the service.
  return (plain.at(-1) ?? tail.at(-1) ?? '').trim().replace(/^gemeng [\w-]+: /, '');
}

/**
 * A subgraph's migrations (`args`: `migrate --seed`): its built `dist/migrate.js` (which migrates, and seeds
 * with --seed), or with `source` the kit's migration CLI under tsx.
 */
export function runToEnd(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logDir: string,
  options: { source?: boolean } = {},
): Promise<void> {
  const entry = options.source
    ? ['--import', 'tsx', join(ROOT, 'subgraphs/kit/src/database/cli.ts')]
    : [...LEAN_NODE_FLAGS, builtEntry(`${name}'s migrations`, `subgraphs/${name}/dist/migrate.js`)];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: join(ROOT, 'subgraphs', name),
    env: { ...process.env, ...LEAN_ENV, ...env },
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
  /** The process's log file name, when it is not the service's (the subgraphs in one process). */
  logName = name,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StartupError(
        `${name} stopped while starting: ${lastWords(child) || `see ${join(logDir, `${logName}.log`)}`}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new StartupError(`${name} was not ready after ${timeoutMs / 1000} s: see ${join(logDir, `${logName}.log`)}`);
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
