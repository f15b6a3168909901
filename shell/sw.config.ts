import { defineConfig, type Plugin } from 'vite';
import { injectManifest } from 'workbox-build';

/**
 * The portal's service worker: src/sw.ts bundled with the Workbox modules it imports into dist/sw.js (one classic
 * script: every browser runs those as service workers), then workbox-build injects the precache list into it.
 * Runs after the shell's own build (package.json), whose output it lists. See ADR 10.
 */
function precacheList(): Plugin {
  return {
    name: 'gemeng-precache-list',
    apply: 'build',
    async closeBundle() {
      const { count, size, warnings } = await injectManifest({
        swSrc: 'dist/sw.js',
        swDest: 'dist/sw.js',
        globDirectory: 'dist',
        // The shell's own files (hashed names) and what installing needs; widgets are cached as they are used.
        globPatterns: ['assets/*.{js,css}', 'favicon.svg', 'icons/*.png', 'manifest.webmanifest'],
        globIgnores: ['**/*.map', 'sw.js'],
        // The page shell: served by the server (settings injected), revised whenever index.html changes.
        templatedURLs: { '/': ['index.html'] },
        dontCacheBustURLsMatching: /^assets\//,
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.map((entry) => ({
              ...entry,
              url: entry.url.startsWith('/') ? entry.url : `/${entry.url}`,
            })),
            warnings: [],
          }),
        ],
      });
      for (const warning of warnings) this.warn(warning);
      this.info(`precache: ${count} files, ${(size / 1024).toFixed(1)} KB`);
    },
  };
}

export default defineConfig({
  publicDir: false,
  // Workbox reads process.env.NODE_ENV for its development logs: production leaves them out.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [precacheList()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: false,
    lib: { entry: 'src/sw.ts', formats: ['iife'], name: 'gemengServiceWorker', fileName: () => 'sw.js' },
  },
});
