/**
 * What a page really loads, measured in Chromium: every response of a fresh browser context (empty cache) with
 * the bytes that crossed the network (`request.sizes()`: the body as sent, so compressed when the server
 * compressed it, plus the headers).
 */
import type { Browser, Page } from '@playwright/test';

export interface LoadedResource {
  url: string;
  resourceType: string;
  status: number;
  contentType: string;
  /** `gzip`, `br` or `identity`. */
  encoding: string;
  /** Body bytes as transferred (compressed). */
  bodyBytes: number;
  headerBytes: number;
}

export interface PageLoad {
  url: string;
  resources: LoadedResource[];
  /** The JavaScript among them. */
  scripts: LoadedResource[];
  /** Body bytes of all JavaScript, as transferred. */
  scriptBytes: number;
  /** Body + header bytes of everything. */
  totalBytes: number;
}

export const isScript = (resource: Pick<LoadedResource, 'contentType' | 'url'>): boolean =>
  /javascript|ecmascript/.test(resource.contentType) || /\.m?js(\?|$)/.test(new URL(resource.url).pathname);

/**
 * Opens `url` in a new context, waits until `ready(page)` resolves and the network has been idle, and returns what
 * was loaded.
 */
export async function measurePageLoad(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
): Promise<PageLoad> {
  const context = await browser.newContext({ locale: 'fr-LU', serviceWorkers: 'block' });
  const page = await context.newPage();
  const pending: Promise<LoadedResource | undefined>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return undefined;
        const sizes = await request.sizes();
        const headers = await response.allHeaders();
        return {
          url: request.url(),
          resourceType: request.resourceType(),
          status: response.status(),
          contentType: headers['content-type'] ?? '',
          encoding: headers['content-encoding'] ?? 'identity',
          bodyBytes: sizes.responseBodySize,
          headerBytes: sizes.responseHeadersSize,
        };
      })().catch(() => undefined),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const resources = (await Promise.all(pending)).filter((resource) => resource !== undefined);
    const scripts = resources.filter(isScript);
    return {
      url,
      resources,
      scripts,
      scriptBytes: scripts.reduce((sum, script) => sum + script.bodyBytes, 0),
      totalBytes: resources.reduce((sum, resource) => sum + resource.bodyBytes + resource.headerBytes, 0),
    };
  } finally {
    await context.close();
  }
}
