/**
 * Which Chromium the browser tests drive, resolved once (tests/browser/global-setup.ts) and handed to the
 * workers through the environment:
 *
 * 1. CHROMIUM_PATH, when set (an explicit choice: never replaced by another browser);
 * 2. a system Chromium (Debian's /usr/bin/chromium, chromium-browser, …);
 * 3. the headless Chromium inside the npm package @sparticuz/chromium (a devDependency of @gemeng/tests), unpacked
 *    once into node_modules/.cache, so `npm install && npm test` needs no apt step and no download.
 *
 * Each candidate is launched once before it is chosen. When none works, one line says what was tried and how to
 * fix it.
 */
import { existsSync } from 'node:fs';
import { access, constants, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwright } from '@playwright/test';

/** Flags for any Chromium here: no sandbox as root in containers, no GPU, no /dev/shm limits, no background traffic. */
export const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
];

export const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** What the workers read (set by the global setup; see browserFromEnvironment). */
const PATH_VARIABLE = 'GEMENG_BROWSER_PATH';
const ARGS_VARIABLE = 'GEMENG_BROWSER_ARGS';

export interface ResolvedBrowser {
  executablePath: string;
  args: string[];
  /** Where it came from, for the log line. */
  source: string;
  /** Extra environment for the browser process (fonts for the packaged Chromium on a machine without any). */
  env?: Record<string, string>;
}

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/**
 * Flags of @sparticuz/chromium that we leave out, because its defaults are made for AWS Lambda: tests must see
 * the web's security model as users' browsers have it (same-origin policy, CORS, site isolation, mixed content),
 * one process per renderer, and Playwright chooses the headless mode and the GPU flags (BASE_ARGS).
 */
const DROPPED_SPARTICUZ_FLAGS = [
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features=',
  '--enable-features=',
  '--single-process',
  '--headless',
  '--use-gl',
  '--use-angle',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--in-process-gpu',
  '--disable-webgl',
];

/** @sparticuz/chromium's flags that suit a test machine, then ours, without duplicates. */
export function mergeSparticuzArgs(packaged: readonly string[]): string[] {
  const kept = packaged.filter((flag) => !DROPPED_SPARTICUZ_FLAGS.some((dropped) => flag.startsWith(dropped)));
  return [...new Set([...kept, ...BASE_ARGS])];
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launches and closes the browser once; the reason it fails, in one line, or null. */
async function launchProblem(browser: ResolvedBrowser): Promise<string | null> {
  try {
    const launched = await playwright.launch({
      executablePath: browser.executablePath,
      args: browser.args,
      headless: true,
      timeout: 30_000,
      ...(browser.env ? { env: { ...process.env, ...browser.env } } : {}),
    });
    await launched.close();
    return null;
  } catch (error) {
    // Playwright's first line is generic ("browser has been closed"); what the browser printed says why.
    const lines = (error instanceof Error ? error.message : String(error)).split('\n');
    const printed = lines.findLast((line) => /^\[pid=\d+\]\[err\]/.test(line))?.replace(/^\[pid=\d+\]\[err\] */, '');
    return (printed || lines[0] || 'does not start').replace(/^browserType\.launch: /, '').trim();
  }
}

function packageRoot(): string {
  // build/index.js → the package folder; its package.json is not exported, so read it from there.
  return join(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..');
}

/**
 * Unpacks @sparticuz/chromium into node_modules/.cache/gemeng-chromium-<version> (kept between runs). The package
 * unpacks into os.tmpdir(): it is pointed at a folder of this process, which is then renamed into place, so two
 * runs that start together never use a half-written binary.
 */
async function unpackSparticuz(): Promise<ResolvedBrowser> {
  const { default: packaged } = await import('@sparticuz/chromium');
  const root = packageRoot();
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const cache = join(root, '..', '..', '.cache', `gemeng-chromium-${version}`);
  if (!existsSync(join(cache, 'chromium'))) {
    const scratch = `${cache}.${process.pid}`;
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    // executablePath() reads os.tmpdir() synchronously, before its first await: restore TMPDIR right after.
    const unpacking = packaged.executablePath(join(root, 'bin'));
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
    await unpacking;
    try {
      await rename(scratch, cache);
    } catch {
      await rm(scratch, { recursive: true, force: true }); // another run got there first
    }
  }
  const hasFonts = existsSync('/etc/fonts/fonts.conf');
  return {
    executablePath: join(cache, 'chromium'),
    args: mergeSparticuzArgs(packaged.args),
    source: `@sparticuz/chromium ${version}`,
    ...(hasFonts ? {} : { env: { FONTCONFIG_PATH: join(cache, 'fonts') } }),
  };
}

/** The first Chromium that launches (see the file's comment), or a BrowserNotFoundError with one line. */
export async function resolveBrowser(env: NodeJS.ProcessEnv = process.env): Promise<ResolvedBrowser> {
  const fix = 'set CHROMIUM_PATH to a Chromium executable, or run "npm install" (it brings @sparticuz/chromium)';
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    const browser = { executablePath: explicit, args: BASE_ARGS, source: 'CHROMIUM_PATH' };
    const problem = (await isExecutable(explicit)) ? await launchProblem(browser) : 'no such executable file';
    if (problem) throw new BrowserNotFoundError(`CHROMIUM_PATH=${explicit} does not work (${problem}): ${fix}.`);
    return browser;
  }
  const tried: string[] = [];
  for (const path of SYSTEM_CHROMIUMS) {
    if (!(await isExecutable(path))) {
      tried.push(`${path} (missing)`);
      continue;
    }
    const browser = { executablePath: path, args: BASE_ARGS, source: path };
    const problem = await launchProblem(browser);
    if (!problem) return browser;
    tried.push(`${path} (${problem})`);
  }
  let packaged: ResolvedBrowser;
  try {
    packaged = await unpackSparticuz();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const problem = code === 'ERR_MODULE_NOT_FOUND' ? 'not installed' : (error as Error).message.split('\n')[0];
    tried.push(`@sparticuz/chromium (${problem})`);
    throw new BrowserNotFoundError(`No Chromium for the browser tests; tried ${tried.join(', ')}: ${fix}.`);
  }
  const problem = await launchProblem(packaged);
  const failed = tried.filter((entry) => !entry.endsWith('(missing)'));
  if (!problem && failed.length) packaged.source += `; ${failed.join(', ')} did not start`;
  if (problem) {
    tried.push(`${packaged.source} at ${packaged.executablePath} (${problem})`);
    throw new BrowserNotFoundError(`No Chromium for the browser tests; tried ${tried.join(', ')}: ${fix}.`);
  }
  return packaged;
}

/** Hands the resolved browser to Playwright's workers (they inherit the global setup's environment). */
export function publishBrowser(browser: ResolvedBrowser): void {
  process.env[PATH_VARIABLE] = browser.executablePath;
  process.env[ARGS_VARIABLE] = JSON.stringify(browser.args);
  for (const [name, value] of Object.entries(browser.env ?? {})) process.env[name] = value;
}

/** The launch options for playwright.config.ts: the resolved browser in workers, nothing before the global setup. */
export function browserFromEnvironment(): { executablePath?: string; args: string[] } {
  const executablePath = process.env[PATH_VARIABLE];
  const args = process.env[ARGS_VARIABLE];
  return { ...(executablePath ? { executablePath } : {}), args: args ? (JSON.parse(args) as string[]) : BASE_ARGS };
}
