/**
 * The modules the shared runtime (`dist/gemeng-runtime-<hash>.js`) provides. Widget packages import them by
 * their usual specifiers; their build points those imports at the runtime instead of bundling a copy.
 *
 * Most modules are re-exported whole (`export *`). A module whose names clash with another's (lit's static
 * `html` next to lit's `html`) is listed with every export it has and the name the runtime gives it.
 */
export const RUNTIME_MODULES: Readonly<Record<string, Readonly<Record<string, string>> | 'all'>> = {
  lit: 'all',
  'lit/directives/if-defined.js': 'all',
  'lit/directives/unsafe-html.js': 'all',
  'lit/static-html.js': {
    html: 'staticHtml',
    svg: 'staticSvg',
    mathml: 'staticMathml',
    literal: 'literal',
    unsafeStatic: 'unsafeStatic',
    withStatic: 'withStatic',
  },
  '@gemeng/frontend-kit': 'all',
  '@gemeng/i18n': 'all',
};

/** Packages whose every module must come from the runtime: a second copy of lit would break elements. */
export const RUNTIME_PACKAGES = [
  'lit',
  'lit-html',
  'lit-element',
  '@lit/reactive-element',
  '@gemeng/frontend-kit',
  '@gemeng/i18n',
];

/** The bare specifier widget chunks import the runtime by, rewritten to its relative URL (`output.paths`). */
export const RUNTIME_ID = '@gemeng/runtime';

/**
 * Vite's helper around lazy imports (it preloads a lazy chunk's dependencies beside it). Each build emits its own
 * copy (`preload-helper-<hash>.js`), one per widget package, so the runtime exports its copy and widget chunks
 * take it from there: one helper on a page, whatever packages its widgets come from.
 */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** Source of the runtime's entry: every module above, re-exported, plus the popup callback hand-over. */
export function runtimeEntrySource(): string {
  const lines = Object.entries(RUNTIME_MODULES).map(([specifier, names]) =>
    names === 'all'
      ? `export * from ${JSON.stringify(specifier)};`
      : `export { ${Object.entries(names)
          .map(([name, as]) => (name === as ? name : `${name} as ${as}`))
          .join(', ')} } from ${JSON.stringify(specifier)};`,
  );
  return [
    ...lines,
    `export { __vitePreload } from ${JSON.stringify(PRELOAD_HELPER_ID)};`,
    // A sign-in popup landing on a commune website's /auth/callback hands the answer to its opener as soon as
    // any Gemeng widget (hence the runtime) loads there; the opener also reads the popup's address itself.
    `import { notifyOpener } from '@gemeng/frontend-kit';`,
    'notifyOpener();',
    '',
  ].join('\n');
}

/** Source of the module that stands for `specifier` in a widget chunk (renamed exports only), else undefined. */
export function runtimeShimSource(specifier: string): string | undefined {
  const names = RUNTIME_MODULES[specifier];
  if (!names || names === 'all') return undefined;
  const list = Object.entries(names).map(([name, as]) => (name === as ? name : `${as} as ${name}`));
  return `export { ${list.join(', ')} } from ${JSON.stringify(RUNTIME_ID)};\n`;
}

/** The package a bare specifier belongs to (`@scope/name` or `name`), undefined for relative and absolute ids. */
export function packageOf(specifier: string): string | undefined {
  if (/^[./\0]|^[a-z]+:/i.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
