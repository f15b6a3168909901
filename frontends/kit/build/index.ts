export { precompress } from './compress.ts';
export type { PackageManifest, WidgetAttribute, WidgetEntry } from './manifest.ts';
export { runtimeConfig } from './runtime.ts';
export { RUNTIME_ID, RUNTIME_MODULES } from './runtime-modules.ts';
export type { RuntimeManifest } from './vite.ts';
export { runtimeOf, runtimePlugin, widgetPackageConfig } from './widget-package.ts';
