import { defineConfig } from 'vite';

// Library mode with lit bundled in: a commune webmaster embeds one file, with no import map or npm.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    lib: {
      entry: 'src/bundle.ts',
      formats: ['es'],
      fileName: () => 'gemeng-portal.js',
    },
  },
});
