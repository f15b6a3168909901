import { createHash } from 'node:crypto';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { embedLoaderSource, integrityOf, LOADER_MAIN, type LoaderSettings, pinnedLoaderPath } from './embed-loader.ts';

const LOADER_URL = 'https://portal.example.lu/embed.js';
const settings: LoaderSettings = {
  graphqlEndpoint: '/graphql',
  oidcIssuer: 'https://id.example.lu/oidc',
  runtime: '/widgets/kit/gemeng-runtime-AbC12345.js',
  modules: {
    'gemeng-commune-card': '/widgets/portal/gemeng-commune-card-Xy123456.js',
    'gemeng-login': '/widgets/identity/gemeng-login-Lo123456.js',
    'gemeng-account': '/widgets/identity/gemeng-account-Ac123456.js',
  },
};

const windows: Window[] = [];
afterEach(async () => {
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

/**
 * A commune page (happy-dom) with the given body, and the loader's logic run in it exactly as /embed.js runs it.
 * Importing a module defines its element (with an open shadow root holding `shadow`), as the real modules do.
 */
function communePage(
  body: string,
  options: { shadow?: Record<string, string>; before?: (window: Window) => void } = {},
) {
  const window = new Window({ url: 'https://www.dudelange.lu/' });
  windows.push(window);
  window.document.body.innerHTML = body;
  options.before?.(window);
  const imported: string[] = [];
  const tagOf = Object.fromEntries(
    Object.entries(settings.modules).map(([tag, url]) => [new URL(url, LOADER_URL).href, tag]),
  );
  const importModule = async (url: string) => {
    imported.push(url);
    const tag = tagOf[url]!;
    const shadow = options.shadow?.[tag] ?? '';
    window.customElements.define(
      tag,
      class extends window.HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = shadow;
        }
      },
    );
    return {};
  };
  const main = new Function(`return ${LOADER_MAIN}`)();
  main(settings, LOADER_URL, importModule, window);
  const preloads = () =>
    [...window.document.querySelectorAll('link[rel="modulepreload"]')].map((link) => link.getAttribute('href'));
  return { window, imported, preloads };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the embed loader', () => {
  it('loads only the modules of the tags in the page, and preloads the runtime once', async () => {
    const { imported, preloads } = communePage(
      '<main><gemeng-commune-card commune="dudelange"></gemeng-commune-card><gemeng-commune-card></gemeng-commune-card></main>',
    );
    expect(imported).toEqual(['https://portal.example.lu/widgets/portal/gemeng-commune-card-Xy123456.js']);
    expect(preloads()).toEqual(['https://portal.example.lu/widgets/kit/gemeng-runtime-AbC12345.js']);
  });

  it('loads nothing, not even the runtime, on a page without Gemeng elements', async () => {
    const { imported, preloads, window } = communePage('<main><h1>Bienvenue</h1><my-widget></my-widget></main>');
    window.document.body.append(window.document.createElement('p'));
    await tick();
    expect(imported).toEqual([]);
    expect(preloads()).toEqual([]);
  });

  it('loads a widget that appears later, once, and not one already defined by the page', async () => {
    const { window, imported, preloads } = communePage('<main></main>', {
      before: (window) => window.customElements.define('gemeng-account', class extends window.HTMLElement {}),
    });
    const main = window.document.querySelector('main')!;
    main.innerHTML = '<section><gemeng-login></gemeng-login><gemeng-account></gemeng-account></section>';
    await tick();
    main.append(window.document.createElement('gemeng-login'));
    await tick();
    expect(imported).toEqual(['https://portal.example.lu/widgets/identity/gemeng-login-Lo123456.js']);
    expect(preloads()).toHaveLength(1);
  });

  it('loads a widget that another widget renders in its open shadow root', async () => {
    const { imported } = communePage('<gemeng-account></gemeng-account>', {
      shadow: { 'gemeng-account': '<header><gemeng-login></gemeng-login></header>' },
    });
    for (let i = 0; i < 5 && imported.length < 2; i++) await tick();
    expect(imported).toEqual([
      'https://portal.example.lu/widgets/identity/gemeng-account-Ac123456.js',
      'https://portal.example.lu/widgets/identity/gemeng-login-Lo123456.js',
    ]);
  });

  it('sets the endpoint (resolved against the loader URL) and the issuer, keeping what the page set', () => {
    const { window } = communePage('', {
      before: (window) => {
        (window as unknown as { gemengConfig: object }).gemengConfig = { oidcIssuer: 'https://other.example/oidc' };
      },
    });
    expect((window as unknown as { gemengConfig: object }).gemengConfig).toEqual({
      graphqlEndpoint: 'https://portal.example.lu/graphql',
      oidcIssuer: 'https://other.example/oidc',
    });
  });

  it('does not take an element with id="gemengConfig" for the config (DOM clobbering)', () => {
    const { window } = communePage('', {
      before: (window) => {
        window.document.body.innerHTML =
          '<a id="gemengConfig" href="https://evil.example/graphql" name="graphqlEndpoint"></a>';
        // What a browser's named access does; happy-dom may not, so the element is put there by hand.
        (window as unknown as { gemengConfig: unknown }).gemengConfig = window.document.getElementById('gemengConfig');
      },
    });
    const config = (window as unknown as { gemengConfig: unknown }).gemengConfig;
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(config).toEqual({
      graphqlEndpoint: 'https://portal.example.lu/graphql',
      oidcIssuer: 'https://id.example.lu/oidc',
    });
  });
});

describe('the loader source', () => {
  const source = embedLoaderSource(settings, '1.2.0');

  it('inlines the settings as JSON and runs the logic with the module URL and a dynamic import', () => {
    expect(source).toContain(JSON.stringify(settings));
    expect(source).toContain('import.meta.url, (url) => import(url), globalThis);');
    expect(source).toContain('// Gemeng embed loader 1.2.0');
    // Valid JavaScript as a module body (import.meta needs a module: checked up to it).
    expect(() => new Function(source.replace('import.meta.url', "''").replace('import(url)', 'url'))).not.toThrow();
  });

  it('has an SRI value and a pinned name that follow its bytes', () => {
    expect(integrityOf(source)).toBe(`sha384-${createHash('sha384').update(source).digest('base64')}`);
    expect(pinnedLoaderPath(source, '1.2.0')).toMatch(/^\/embed\/1\.2\.0\/embed-[A-Za-z0-9_-]{12}\.js$/);
    expect(pinnedLoaderPath(`${source} `, '1.2.0')).not.toBe(pinnedLoaderPath(source, '1.2.0'));
  });

  it('leaves the issuer out when there is none', () => {
    expect(embedLoaderSource({ graphqlEndpoint: '/graphql', modules: {} }, '1.2.0')).not.toContain('oidcIssuer":');
  });
});
