#!/usr/bin/env node
/**
 * `npm test`: every phase in order, stopping at the first that fails (with its exit code), then a table of the
 * time each phase took. Plain JavaScript, so that it runs before anything is built.
 *
 *   node scripts/test.mjs                   all phases
 *   node scripts/test.mjs browser unit      only the phases whose name starts with one of these words
 *   node scripts/test.mjs --list            the phases, without running them
 *
 * A phase with several commands runs them side by side (each line prefixed with its name) and fails when one
 * fails; the table shows each command's own time.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {{ name: string, command: string, env?: Record<string, string> }} Step */
/** @typedef {{ name: string, steps: Step[] }} Phase */

/** @type {Phase[]} */
export const PHASES = [
  { name: 'lint', steps: [{ name: 'lint', command: 'npm run lint' }] },
  { name: 'typecheck', steps: [{ name: 'typecheck', command: 'npm run typecheck' }] },
  { name: 'build', steps: [{ name: 'build', command: 'npm run build' }] },
  { name: 'schema', steps: [{ name: 'schema check', command: 'npm run check:schema' }] },
  { name: 'unit', steps: [{ name: 'unit', command: 'vitest run --project unit' }] },
  // One after the other: side by side, both took 7 min 24 s where one after the other took 6 min 46 s.
  { name: 'data', steps: [{ name: 'data (embedded)', command: 'vitest run --project embedded' }] },
  { name: 'data', steps: [{ name: 'data (postgres)', command: 'vitest run --project postgres' }] },
  // The two browser runs side by side: each waits for its own stack's start and for its pages, and on 2 cores
  // both took 6 min 52 s together where one alone took 4 min 30 s.
  {
    name: 'browser',
    steps: [
      { name: 'browser (embedded)', command: 'playwright test -c tests/playwright.config.ts' },
      {
        name: 'browser (postgres)',
        command: 'playwright test -c tests/playwright.config.ts',
        env: { GEMENG_TEST_DATABASE: 'postgres' },
      },
    ],
  },
];

/**
 * Runs one step; resolves with its exit code (128 + the signal's number when a signal ended it).
 * @param {Step} step
 * @param {string | null} prefix lines are prefixed with it (steps side by side), or inherited as they are
 * @returns {Promise<number>}
 */
function run(step, prefix) {
  return new Promise((resolve) => {
    const child = spawn(step.command, {
      cwd: root,
      shell: true,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: {
        ...process.env,
        PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
        ...step.env,
      },
    });
    if (prefix) {
      for (const [stream, target] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = '';
        stream?.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) target.write(`${prefix} ${line}\n`);
        });
        stream?.on('end', () => rest && target.write(`${prefix} ${rest}\n`));
      }
    }
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? (osSignals[signal] ?? 1) : 1));
    });
  });
}

const osSignals = /** @type {Record<string, number>} */ ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 });

/** @param {number} ms */
function duration(ms) {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

/**
 * @param {{ name: string, ms: number, status: string }[]} rows
 * @param {number} totalMs
 */
function printTable(rows, totalMs) {
  const width = Math.max(...rows.map((row) => row.name.length), 'total'.length);
  const lines = ['', 'Time per phase:'];
  for (const row of rows) {
    const time = row.status === 'not run' ? '' : duration(row.ms);
    lines.push(`  ${row.name.padEnd(width)}  ${time.padStart(12)}  ${row.status}`);
  }
  lines.push(`  ${'total'.padEnd(width)}  ${duration(totalMs).padStart(12)}`);
  console.log(lines.join('\n'));
}

async function main() {
  const args = process.argv.slice(2);
  const wanted = args.filter((arg) => !arg.startsWith('--'));
  const phases = wanted.length ? PHASES.filter((phase) => wanted.some((word) => phase.name.startsWith(word))) : PHASES;
  if (args.includes('--list')) {
    for (const phase of PHASES)
      for (const step of phase.steps) console.log(`${phase.name}\t${step.name}\t${step.command}`);
    return 0;
  }
  if (phases.length === 0) {
    console.error(`No phase is called ${wanted.join(' or ')}: ${[...new Set(PHASES.map((p) => p.name))].join(', ')}.`);
    return 2;
  }
  const started = performance.now();
  /** @type {{ name: string, ms: number, status: string }[]} */
  const rows = [];
  let exitCode = 0;
  for (const phase of phases) {
    const side = phase.steps.length > 1;
    const results = await Promise.all(
      phase.steps.map(async (step) => {
        const from = performance.now();
        if (!side) console.log(`\n· ${step.name}: ${step.command}`);
        const code = await run(step, side ? `[${step.name}]` : null);
        return { step, code, ms: performance.now() - from };
      }),
    );
    for (const { step, code, ms } of results) {
      rows.push({ name: step.name, ms, status: code === 0 ? 'ok' : `failed (exit code ${code})` });
      if (code !== 0 && exitCode === 0) exitCode = code;
    }
    if (exitCode !== 0) {
      const rest = phases.slice(phases.indexOf(phase) + 1).flatMap((next) => next.steps);
      for (const step of rest) rows.push({ name: step.name, ms: 0, status: 'not run' });
      break;
    }
  }
  printTable(rows, performance.now() - started);
  return exitCode;
}

process.exitCode = await main();
