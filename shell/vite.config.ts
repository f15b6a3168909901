import { gemengMessages } from '@gemeng/i18n/vite';
import { defineConfig } from 'vite';

// The shell bundles single-spa and its own code. Applications stay outside: the page learns their URLs from
// the server (<meta name="gemeng:applications">) and imports them from /widgets/. The server compresses the
// output (brotli or gzip, once, kept in memory). Its messages are precompiled, so the ICU parser stays out.
export default defineConfig({
  plugins: [gemengMessages()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Every browser the portal supports knows <link rel="modulepreload">: no polyfill in the page's script.
    modulePreload: { polyfill: false },
  },
});
