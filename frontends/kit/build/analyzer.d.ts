// Types for what the build uses of @custom-elements-manifest/analyzer 0.11.0 beyond its index.d.ts.
declare module '@custom-elements-manifest/analyzer' {
  export const ts: typeof import('typescript');
  export function create(options: {
    modules: import('typescript').SourceFile[];
    plugins?: unknown[];
    context?: Record<string, unknown>;
  }): import('./custom-elements.ts').CemPackage;
}

declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  export function litPlugin(): unknown[];
}
