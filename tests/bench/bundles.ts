/**
 * `npm run bench -- bundles` (or `--scenario bundles`): what the widget code weighs (issue 9's budgets). Runs alone, on the
 * current build (`npm run build` first):
 *
 * 1. gzip (level 9) and brotli sizes of the shared runtime and of each widget's own code (its entry and the chunks
 *    it imports statically, the runtime excluded; lazy sections apart), from every frontends/<package>/dist;
 * 2. the bytes pages really load, measured in Chromium (the browser the browser tests use) on a stack of its own
 *    with the shell: the portal home (the commune chooser), the portal's commune page (/communes/dudelange, the
 *    card), and a commune page of another origin holding only `/embed.js` and a `<gemeng-commune-card>`; for the
 *    latter, any script other than the loader, the runtime and the card's own modules is listed as unexpected;
 * 3. Lighthouse 12.2.3 (mobile, simulated throttling) on the three pages: performance, accessibility, LCP.
 *
 * Budgets: runtime ≤ 25 KB gzip, each widget ≤ 20 KB gzip beyond the runtime, the commune page ≤ 35 KB of
 * JavaScript transferred in total (KB = 1,000 bytes). Figures and ratios only: the exit code is 1 only when a page
 * could not be measured or loaded an unexpected script, 2 when the harness could not run.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { ROOT, type RunningStack, startStack } from '../../scripts/stack.ts';
import { type ResolvedBrowser, resolveBrowser } from '../support/chromium.ts';
import { startEmbedSite } from '../support/embed-site.ts';
import { type BuildSizes, buildSizes, type CodeSize, sizeOf } from './lib/bundle-sizes.ts';
import { type LighthouseResult, runLighthouse } from './lib/lighthouse.ts';
import { measurePageLoad, type PageLoad } from './lib/page-loads.ts';

export const BUNDLES = 'bundles';

const KB = 1000;
export const BUDGETS = { runtimeGzip: 25 * KB, widgetGzip: 20 * KB, communePageScripts: 35 * KB } as const;

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ratio = (value: number, budget: number) =>
  `${(value / budget).toFixed(2)} of the budget (${kb(budget)}): ${value <= budget ? 'within' : 'OVER'}`;

/** A page is measured once its widget has rendered its data (or a problem): its busy part is no longer busy. */
const CARD_READY = 'gemeng-commune-card [part="card"][aria-busy="false"]';
const CHOOSER_READY = 'gemeng-commune-chooser [part="chooser"][aria-busy="false"]';
const readyWhen = (selector: string) => async (page: Page) => {
  await page.locator(selector).waitFor({ timeout: 60_000 });
};

/** `/widgets/<package>/<file>` for a file of `frontends/<package>/dist/`. */
const servedPath = (file: string) => `/widgets/${file.replace('/dist/', '/')}`;

function sizeLines(sizes: BuildSizes): string[] {
  const rows: string[][] = [['code', 'files', 'bytes', 'gzip', 'brotli', 'lazy gzip', 'gzip vs budget']];
  const row = (label: string, code: { own: CodeSize; lazy: CodeSize }, budget: number) => [
    label,
    String(code.own.files.length),
    kb(code.own.bytes),
    kb(code.own.gzip),
    kb(code.own.brotli),
    code.lazy.files.length ? `${kb(code.lazy.gzip)} in ${code.lazy.files.length}` : '—',
    ratio(code.own.gzip, budget),
  ];
  rows.push(row('runtime (kit)', sizes.runtime, BUDGETS.runtimeGzip));
  for (const widget of sizes.widgets) {
    rows.push(row(`<${widget.tag}> (${widget.package})`, widget, BUDGETS.widgetGzip));
  }
  return alignRows(rows);
}

function alignRows(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, index) => Math.max(...rows.map((row) => row[index]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, index) =>
        index === 0 || index === row.length - 1 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** The JavaScript's size had it been sent as gzip (level 9) rather than as the browser got it (brotli). */
function scriptsAsGzip(load: PageLoad, origin: string): number {
  let bytes = 0;
  for (const script of load.scripts) {
    const url = new URL(script.url);
    const file = /^\/widgets\/([a-z0-9-]+)\/([^/]+)$/.exec(url.pathname);
    const path = file && url.origin === origin ? join(ROOT, 'frontends', file[1]!, 'dist', file[2]!) : undefined;
    bytes += path && existsSync(path) ? sizeOf(readFileSync(path)).gzip : script.bodyBytes;
  }
  return bytes;
}

function loadLines(label: string, load: PageLoad, origin: string): string[] {
  const lines = [
    `${label}: ${kb(load.scriptBytes)} of JavaScript transferred in ${load.scripts.length} files ` +
      `(${kb(scriptsAsGzip(load, origin))} as gzip), ${kb(load.totalBytes)} in all (${load.resources.length} responses)`,
  ];
  for (const script of load.scripts) {
    const url = new URL(script.url);
    const where = url.origin === origin ? url.pathname : url.href;
    lines.push(`  ${kb(script.bodyBytes).padStart(9)}  ${script.encoding.padEnd(8)}  ${where}`);
  }
  return lines;
}

function lighthouseLine(label: string, result: LighthouseResult): string {
  if (result.problem) return `${label}: Lighthouse did not run (${result.problem})`;
  const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
  const failures = result.accessibilityFailures.length ? ` (failed: ${result.accessibilityFailures.join(', ')})` : '';
  return (
    `${label}: performance ${result.performance ?? '—'} (goal ≥ 95), accessibility ${result.accessibility ?? '—'} ` +
    `(goal 100)${failures}, LCP ${seconds(result.lcpMs)} (goal ≤ 2.5 s; ${
      result.lcpMs !== null && result.lcpMs <= 2500 ? 'met' : 'NOT met'
    }), FCP ${seconds(result.fcpMs)}, ` +
    `SI ${seconds(result.speedIndexMs)}, TBT ${result.totalBlockingTimeMs?.toFixed(0) ?? '—'} ms, ` +
    `CLS ${result.cumulativeLayoutShift?.toFixed(3) ?? '—'}, ` +
    `transferred ${result.totalByteWeight === null ? '—' : kb(result.totalByteWeight)}, ` +
    `text compression would save ${result.textCompressionSavings === null ? '—' : kb(result.textCompressionSavings)}` +
    (result.uncompressed.length ? ` (${result.uncompressed.join(', ')})` : '')
  );
}

export async function runBundles(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', multiple: true },
      json: { type: 'string' },
      'no-lighthouse': { type: 'boolean', default: false },
    },
    strict: true,
    // `npm run bench -- bundles` as well as `--scenario bundles`.
    allowPositionals: true,
  });
  let sizes: BuildSizes;
  let browser: ResolvedBrowser;
  try {
    sizes = await buildSizes(ROOT);
    browser = await resolveBrowser();
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  progress(`browser: ${browser.source} (${browser.executablePath})`);

  const dataDir = mkdtempSync(join(tmpdir(), 'gemeng-bundles-'));
  chmodSync(dataDir, 0o755);
  const site = await startEmbedSite();
  let stack: RunningStack | undefined;
  let failed = true;
  try {
    stack = await startStack({
      ports: 'ephemeral',
      dataDir,
      corsOrigins: [site.origin],
      env: { LOG_LEVEL: 'warn' },
      onProgress: progress,
    });
    const shellUrl = (stack.shellUrl ?? '').replace(/\/$/, '');
    site.setPage(
      'Commune de Dudelange',
      `<script type="module" src="${shellUrl}/embed.js"></script>`,
      '<gemeng-commune-card commune="dudelange"></gemeng-commune-card>',
    );
    const pages = [
      { label: 'portal home', url: `${shellUrl}/`, ready: CHOOSER_READY },
      { label: 'portal commune page', url: `${shellUrl}/communes/dudelange`, ready: CARD_READY },
      { label: 'commune page of another origin, commune card only', url: site.url, ready: CARD_READY },
    ];

    const launched = await chromium.launch({
      executablePath: browser.executablePath,
      args: browser.args,
      headless: true,
      ...(browser.env ? { env: { ...process.env, ...browser.env } } : {}),
    });
    const loads: PageLoad[] = [];
    try {
      for (const page of pages) {
        progress(`loading ${page.label} (${page.url})`);
        loads.push(await measurePageLoad(launched, page.url, readyWhen(page.ready)));
      }
    } finally {
      await launched.close();
    }
    const [home, communePage, embed] = loads as [PageLoad, PageLoad, PageLoad];

    // The commune page may load the loader, the runtime and the card's own modules, nothing else.
    const card = sizes.widgets.find((widget) => widget.tag === 'gemeng-commune-card');
    const allowed = new Set(
      [card?.own, card?.lazy, sizes.runtime.own, sizes.runtime.lazy]
        .flatMap((code) => code?.files ?? [])
        .map(servedPath),
    );
    const unexpected = embed.scripts
      .map((script) => new URL(script.url))
      .filter((url) => url.origin === new URL(shellUrl).origin)
      .filter((url) => !allowed.has(url.pathname) && url.pathname !== '/embed.js' && !/^\/embed\//.test(url.pathname))
      .map((url) => url.pathname);

    const lighthouse: LighthouseResult[] = [];
    if (!values['no-lighthouse']) {
      for (const page of pages) {
        progress(`Lighthouse on ${page.label}`);
        lighthouse.push(await runLighthouse(ROOT, browser, page.url));
      }
    }

    const out = [
      '',
      `## bundles: widget code sizes (from the build) and what pages load (Chromium, ${browser.source})`,
      '',
      ...sizeLines(sizes),
      '',
      ...loadLines(pages[0]!.label, home, new URL(shellUrl).origin),
      '',
      ...loadLines(pages[1]!.label, communePage, new URL(shellUrl).origin),
      '',
      ...loadLines(pages[2]!.label, embed, new URL(shellUrl).origin),
      `  JavaScript in total, as transferred: ${ratio(embed.scriptBytes, BUDGETS.communePageScripts)}`,
      `  JavaScript in total, as gzip: ${ratio(scriptsAsGzip(embed, new URL(shellUrl).origin), BUDGETS.communePageScripts)}`,
      unexpected.length
        ? `  UNEXPECTED scripts (neither the loader, the runtime nor the card's own code): ${unexpected.join(', ')}`
        : '  only the loader, the runtime and the card’s own modules (with their message catalogs) were loaded',
      '',
      ...lighthouse.map((result, index) => lighthouseLine(pages[index]?.label ?? result.url, result)),
      '',
    ];
    console.log(out.join('\n'));
    const json = JSON.stringify(
      { budgets: BUDGETS, sizes, pages: { home, communePage, embed }, unexpected, lighthouse },
      null,
      2,
    );
    if (values.json) writeFileSync(values.json, `${json}\n`);
    else console.log(`JSON:\n${json}`);
    failed = unexpected.length > 0;
    return failed ? 1 : 0;
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await site.close();
    await stack?.stop();
    if (failed) progress(`logs kept in ${join(dataDir, 'logs')}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

/** True when the command line asks for the bundles scenario (which runs alone: it starts its own stack and shell). */
export function asksForBundles(argv: string[]): boolean {
  return argv.some((arg) => arg === `--scenario=${BUNDLES}` || arg === BUNDLES);
}
