/**
 * Lighthouse 12.2.3 (the tests workspace's devDependency; 13 needs Node 22) on a URL, with its default mobile
 * settings (simulated throttling), in the Chromium the browser tests use (`CHROME_PATH`). It runs as its own
 * process: its CLI launches and closes the browser.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedBrowser } from '../../support/chromium.ts';

export interface LighthouseResult {
  url: string;
  /** 0–100, or null when Lighthouse could not score it. */
  performance: number | null;
  accessibility: number | null;
  lcpMs: number | null;
  fcpMs: number | null;
  totalBlockingTimeMs: number | null;
  cumulativeLayoutShift: number | null;
  speedIndexMs: number | null;
  /** Bytes the page transferred, as Lighthouse counts them. */
  totalByteWeight: number | null;
  /** "Enable text compression": bytes it would save, and the responses sent uncompressed. */
  textCompressionSavings: number | null;
  uncompressed: string[];
  /** Failed accessibility audits, by id. */
  accessibilityFailures: string[];
  /** Why it did not run, when it did not. */
  problem?: string;
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    | {
        score: number | null;
        numericValue?: number;
        details?: { overallSavingsBytes?: number; items?: { url?: string }[] };
      }
    | undefined
  >;
}

function lighthouseCli(root: string): string {
  return join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');
}

export async function runLighthouse(root: string, browser: ResolvedBrowser, url: string): Promise<LighthouseResult> {
  const folder = await mkdtemp(join(tmpdir(), 'gemeng-lighthouse-'));
  const output = join(folder, 'report.json');
  const flags = [...new Set([...browser.args, '--headless=new'])];
  const empty: LighthouseResult = {
    url,
    performance: null,
    accessibility: null,
    lcpMs: null,
    fcpMs: null,
    totalBlockingTimeMs: null,
    cumulativeLayoutShift: null,
    speedIndexMs: null,
    totalByteWeight: null,
    textCompressionSavings: null,
    uncompressed: [],
    accessibilityFailures: [],
  };
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          lighthouseCli(root),
          url,
          '--quiet',
          '--only-categories=performance,accessibility',
          '--output=json',
          `--output-path=${output}`,
          `--chrome-flags=${flags.join(' ')}`,
        ],
        {
          env: { ...process.env, ...browser.env, CHROME_PATH: browser.executablePath },
          timeout: 180_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, _stdout, stderr) =>
          error
            ? reject(new Error(`${error.message.split('\n')[0]} ${stderr.trim().split('\n').at(-1) ?? ''}`))
            : resolve(),
      );
    });
    const report = JSON.parse(await readFile(output, 'utf8')) as Report;
    const score = (id: string) => {
      const value = report.categories[id]?.score;
      return value === null || value === undefined ? null : Math.round(value * 100);
    };
    const numeric = (id: string) => report.audits[id]?.numericValue ?? null;
    return {
      ...empty,
      performance: score('performance'),
      accessibility: score('accessibility'),
      lcpMs: numeric('largest-contentful-paint'),
      fcpMs: numeric('first-contentful-paint'),
      totalBlockingTimeMs: numeric('total-blocking-time'),
      cumulativeLayoutShift: numeric('cumulative-layout-shift'),
      speedIndexMs: numeric('speed-index'),
      totalByteWeight: numeric('total-byte-weight'),
      textCompressionSavings: report.audits['uses-text-compression']?.details?.overallSavingsBytes ?? null,
      uncompressed: (report.audits['uses-text-compression']?.details?.items ?? []).flatMap((item) =>
        item.url ? [item.url] : [],
      ),
      accessibilityFailures: (report.categories.accessibility?.auditRefs ?? [])
        .filter(({ id, weight }) => weight > 0 && report.audits[id]?.score === 0)
        .map(({ id }) => id),
    };
  } catch (error) {
    return { ...empty, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
