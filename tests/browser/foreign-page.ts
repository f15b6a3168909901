import type { APIRequestContext, Page } from '@playwright/test';
import { embedPage } from '../support/embed-site.ts';
import { moduleGraph } from '../support/module-graph.ts';
import { embedPort, shellUrl } from './env.ts';

/**
 * A commune's website on another origin than the portal: `http://127.0.0.1:<GEMENG_EMBED_PORT>`, which the
 * router allows (the global setup's corsOrigins). The page is served by Playwright's routing, so that files
 * running side by side need no server (and no port) of their own; everything else it loads comes from the network.
 */
export const foreignOrigin = (): string => `http://127.0.0.1:${embedPort()}`;

export async function openForeignPage(
  page: Page,
  path: string,
  content: { title: string; head?: string; main: string; lang?: string },
): Promise<string> {
  const url = `${foreignOrigin()}${path}`;
  const body = embedPage(content.title, content.head ?? '', content.main, content.lang);
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await page.goto(url);
  return url;
}

export interface ServedManifest {
  version: string;
  runtime: string;
  loader: { evergreen: string; pinned: string; integrity: string };
  widgets: { tag: string; module: string; package: string; attributes: { name: string }[] }[];
}

export async function servedManifest(request: APIRequestContext): Promise<ServedManifest> {
  const response = await request.get(`${shellUrl()}/widgets/manifest.json`);
  if (!response.ok()) throw new Error(`/widgets/manifest.json answered ${response.status()}`);
  return (await response.json()) as ServedManifest;
}

/**
 * Every module `entry` (a URL the shell serves) may load within its own package folder: its static imports and
 * what it imports lazily (its message catalogs, lazy sections), with their own static imports.
 */
export async function ownModules(request: APIRequestContext, entry: string): Promise<string[]> {
  const scope = entry.slice(0, entry.lastIndexOf('/') + 1);
  const read = async (url: string) => {
    const response = await request.get(url);
    return response.ok() ? await response.text() : undefined;
  };
  const graph = await moduleGraph(entry, scope, read);
  const all = new Set(graph.static);
  for (const lazy of graph.dynamic) for (const url of (await moduleGraph(lazy, scope, read)).static) all.add(url);
  return [...all];
}
