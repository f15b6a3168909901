import { RUNTIME_ID, runtimeOf, runtimePlugin } from '@gemeng/frontend-kit/build';
import { gemengMessages } from '@gemeng/i18n/vite';
import { defineConfig } from 'vite';

// The shell bundles single-spa and its own code. The frontend kit and i18n come from the shared runtime the
// widgets use (one copy on the page: one sign-in client, one set of message catalogs), which the server
// preloads; turbo builds the kit first. Applications stay outside: the page learns their URLs from the server
// (<meta name="gemeng:applications">) and imports them from /widgets/. The server compresses the output
// (brotli or gzip, once, kept in memory). Its messages are precompiled, so the ICU parser stays out.
const runtime = runtimeOf();
const runtimeUrl = `/widgets/kit/${runtime.runtime}`;

export default defineConfig({
  plugins: [gemengMessages(), runtimePlugin(runtime, runtimeUrl)],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Every browser the portal supports knows <link rel="modulepreload">: no polyfill in the page's script.
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { paths: { [RUNTIME_ID]: runtimeUrl } } },
  },
});
