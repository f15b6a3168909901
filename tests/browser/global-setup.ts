import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserNotFoundError, publishBrowser, resolveBrowser } from '../support/chromium.ts';
import { startEmbedSite } from '../support/embed-site.ts';

/** A free TCP port on 127.0.0.1, for the page that embeds the widget from another origin. */
async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function requireBuild(relative: string, pkg: string): void {
  const path = fileURLToPath(new URL(relative, import.meta.url));
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run "npm run build -w ${pkg}" (or "npm run build") before the browser tests.`);
  }
}

/** Chooses the Chromium the workers launch (tests/support/chromium.ts); the one-line reason when there is none. */
async function chooseBrowser(): Promise<string | null> {
  try {
    const browser = await resolveBrowser();
    publishBrowser(browser);
    console.log(`· browser: ${browser.source} (${browser.executablePath})`);
    return null;
  } catch (error) {
    if (error instanceof BrowserNotFoundError) return error.message;
    throw error;
  }
}

/** Without a browser, one line instead of a stack trace per test. */
function stopForBrowser(problem: string): never {
  console.error(problem);
  process.exit(1);
}

/**
 * Chooses the browser and starts the whole stack once for all browser tests and publishes its URLs through the environment
 * (GEMENG_SHELL_URL, GEMENG_ROUTER_URL, GEMENG_OIDC_ISSUER, GEMENG_MAIL_INBOX_URL, GEMENG_EMBED_PORT,
 * GEMENG_IDENTITY_DATABASE_URL), which workers inherit. With GEMENG_SHELL_URL and GEMENG_ROUTER_URL already
 * set, an already running stack is used instead (`npm start`'s issuer and mail catcher by default; tests
 * that act as the town hall also need GEMENG_IDENTITY_DATABASE_URL); its router and identity must then allow http://127.0.0.1:${GEMENG_EMBED_PORT ?? 8090}
 * (GEMENG_CORS_ORIGINS).
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.GEMENG_SHELL_URL && process.env.GEMENG_ROUTER_URL) {
    process.env.GEMENG_EMBED_PORT ??= '8090';
    process.env.GEMENG_OIDC_ISSUER ??= 'http://localhost:4001/oidc';
    process.env.GEMENG_MAIL_INBOX_URL ??= 'http://127.0.0.1:8025/';
    const problem = await chooseBrowser();
    if (problem) stopForBrowser(problem);
    return undefined;
  }
  requireBuild('../../frontends/kit/dist/manifest.json', '@gemeng/frontend-kit');
  requireBuild('../../frontends/identity/dist/manifest.json', '@gemeng/frontend-identity');
  requireBuild('../../frontends/portal/dist/manifest.json', '@gemeng/frontend-portal');
  requireBuild('../../shell/dist/index.html', '@gemeng/shell');

  const embedPort = await freePort();
  process.env.GEMENG_EMBED_PORT = String(embedPort);
  // A second commune website whose pages the tests write into a folder (see browser/foreign-page.ts).
  const foreignFolder = await mkdtemp(join(tmpdir(), 'gemeng-foreign-site-'));
  const foreign = await startEmbedSite(0, foreignFolder);
  process.env.GEMENG_FOREIGN_ORIGIN = foreign.origin;
  process.env.GEMENG_FOREIGN_FOLDER = foreignFolder;
  const { startStack } = await import('../support/stack.ts');
  // The browser is unpacked and tried while the stack starts.
  const [stack, problem] = await Promise.all([
    startStack({ corsOrigins: [`http://127.0.0.1:${embedPort}`, foreign.origin] }),
    chooseBrowser(),
  ]);
  const stopForeign = async () => {
    await foreign.close();
    await rm(foreignFolder, { recursive: true, force: true });
  };
  if (problem) {
    await stack.stop();
    await stopForeign();
    stopForBrowser(problem);
  }
  process.env.GEMENG_SHELL_URL = stack.shellUrl;
  process.env.GEMENG_ROUTER_URL = stack.routerUrl;
  process.env.GEMENG_OIDC_ISSUER = stack.oidcIssuer;
  if (!stack.mail) throw new Error('The browser tests read mail from the local catcher: unset SMTP_URL.');
  process.env.GEMENG_MAIL_INBOX_URL = stack.mail.inboxUrl;
  // The town hall's side of some tests (an agent, a code card) starts from identity's database.
  process.env.GEMENG_IDENTITY_DATABASE_URL = stack.databaseUrls.identity;
  return async () => {
    await stack.stop();
    await stopForeign();
  };
}
