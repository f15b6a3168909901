import { defineConfig } from 'vite';

// The shell bundles single-spa and its own code; applications stay outside, resolved by the import map.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
