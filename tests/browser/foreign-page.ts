import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { embedPage } from '../support/embed-site.ts';
import { moduleGraph } from '../support/module-graph.ts';
import { shellUrl } from './env.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the browser tests' global setup starts the foreign site.`);
  return value;
}

/**
 * A commune's website on another origin than the portal (127.0.0.1 on a port of its own), which the router
 * allows: the global setup serves the pages that tests write into its folder, so that files running side by side
 * share it. (Pages that Playwright's routing fulfils would have no address, and Chromium's local network access
 * checks refuse their requests to the portal on loopback.)
 */
export const foreignOrigin = (): string => required('GEMENG_FOREIGN_ORIGIN');

export async function openForeignPage(
  page: Page,
  path: string,
  content: { title: string; head?: string; main: string; lang?: string },
): Promise<string> {
  if (!/^\/[\w-]+\.html$/.test(path)) throw new Error(`"${path}" is not a page name such as /gemeinde.html.`);
  await writeFile(
    join(required('GEMENG_FOREIGN_FOLDER'), path),
    embedPage(content.title, content.head ?? '', content.main, content.lang),
  );
  const url = `${foreignOrigin()}${path}`;
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
