/** `npm start` explains what stops it in one line, before it starts anything. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function start(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code, stderr: stderr.trim() };
}

// Each case starts `scripts/start.ts` in a process of its own (TypeScript through tsx): seconds, not milliseconds.
describe('npm start refuses to start, in one clear line', { timeout: 30_000 }, () => {
  it('when a port is already in use, naming the port and the setting that moves it', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };
    try {
      const { code, stderr } = await start({ IDENTITY_PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toBe(
        `gemeng start: port ${port} is already in use: stop what holds it, or set IDENTITY_PORT to another port`,
      );
    } finally {
      blocker.close();
    }
  });

  it.each([
    [{ ROUTER_PORT: 'four thousand' }, 'gemeng start: ROUTER_PORT="four thousand" is not a TCP port'],
    [{ GEMENG_POSTGRES_URL: 'mysql://db/gemeng' }, 'gemeng start: GEMENG_POSTGRES_URL must start with postgres://'],
  ])('when a setting is malformed: %o', async (env, message) => {
    const { code, stderr } = await start(env);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
