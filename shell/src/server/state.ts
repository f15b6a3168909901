import { readFile, stat } from 'node:fs/promises';
import { type Catalog, catalogSignature, distFolders, readCatalog, tagModules } from './catalog.ts';
import { contentSecurityPolicy } from './csp.ts';
import { embedLoaderSource, integrityOf, pinnedLoaderPath } from './embed-loader.ts';
import type { Operator } from './operator.ts';
import { AUTH_CALLBACK_PATH, applicationForPath, inlineScripts, layoutRoutes, renderPage } from './page.ts';
import { CONTENT_TYPES, Resource } from './resource.ts';

export interface StateSettings {
  readonly routerUrl: string;
  readonly oidcIssuer: string | undefined;
  readonly operator?: Operator;
  readonly version: string;
  readonly frontendsDir: string;
  readonly indexPath: string;
  readonly log: (line: string) => void;
}

/** The public `/widgets/manifest.json` (see the root README's embed section). */
export interface WidgetsManifest {
  readonly version: string;
  readonly runtime: string | undefined;
  readonly loader: { readonly evergreen: '/embed.js'; readonly pinned: string; readonly integrity: string };
  readonly widgets: Catalog['widgets'];
}

/** What the server generates from the builds: made once, and again only when a build changes. */
export interface Generated {
  readonly folders: ReadonlyMap<string, string>;
  readonly catalog: Catalog;
  readonly loader: Resource;
  readonly pinnedLoaderPath: string;
  readonly manifest: Resource;
  readonly csp: string;
  /** The page for a request path (one rendering per application, kept). */
  page(pathname: string): Resource;
  /** Whether a path is one of the portal's pages (a route of the layout, or the sign-in's return). */
  isPage(pathname: string): boolean;
}

function generate(settings: StateSettings, folders: ReadonlyMap<string, string>, catalog: Catalog, template: string) {
  const source = embedLoaderSource(
    {
      graphqlEndpoint: settings.routerUrl,
      oidcIssuer: settings.oidcIssuer,
      runtime: catalog.runtime,
      modules: tagModules(catalog),
    },
    settings.version,
  );
  const pinned = pinnedLoaderPath(source, settings.version);
  const manifest: WidgetsManifest = {
    version: settings.version,
    runtime: catalog.runtime,
    loader: { evergreen: '/embed.js', pinned, integrity: integrityOf(source) },
    widgets: catalog.widgets,
  };
  const routes = layoutRoutes(template);
  const pages = new Map<string, Resource>();
  const generated: Generated = {
    folders,
    catalog,
    loader: Resource.text(source, CONTENT_TYPES['.js']!),
    pinnedLoaderPath: pinned,
    manifest: Resource.text(`${JSON.stringify(manifest, null, 2)}\n`, CONTENT_TYPES['.json']!),
    csp: contentSecurityPolicy(settings.routerUrl, settings.oidcIssuer),
    page(pathname) {
      const application = applicationForPath(routes, pathname);
      const key = application ?? '';
      let page = pages.get(key);
      if (!page) {
        const html = renderPage(template, { ...settings, catalog, application });
        page = Resource.text(html, CONTENT_TYPES['.html']!);
        pages.set(key, page);
      }
      return page;
    },
    isPage(pathname) {
      return pathname === AUTH_CALLBACK_PATH || applicationForPath(routes, pathname) !== undefined;
    },
  };
  return generated;
}

/**
 * Keeps {@link Generated} current: at most once a second, it looks whether a dist manifest or the page changed
 * (a rebuild while the shell runs) and regenerates then.
 */
export function generatedState(settings: StateSettings): () => Promise<Generated> {
  let current: { signature: string; generated: Generated } | undefined;
  let checking: Promise<Generated> | undefined;
  let checkedAt = 0;

  async function check(): Promise<Generated> {
    const folders = await distFolders(settings.frontendsDir);
    const page = await stat(settings.indexPath);
    const signature = `${await catalogSignature(folders)}|${page.size}:${page.mtimeMs}`;
    if (current?.signature === signature) return current.generated;
    const template = await readFile(settings.indexPath, 'utf8');
    const inline = inlineScripts(template);
    if (inline.length > 0) {
      settings.log(`shell: ${settings.indexPath} has ${inline.length} inline script(s); the page's CSP blocks them`);
    }
    const generated = generate(settings, folders, await readCatalog(folders, settings.log), template);
    current = { signature, generated };
    return generated;
  }

  return () => {
    if (!checking || Date.now() - checkedAt > 1_000) {
      checkedAt = Date.now();
      const previous = current?.generated;
      checking = check().catch((error: unknown) => {
        if (!previous) throw error;
        settings.log(`shell: could not read the builds again (${(error as Error).message}); serving the last ones`);
        return previous;
      });
    }
    return checking;
  };
}
