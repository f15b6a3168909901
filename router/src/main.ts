import { authFromEnv, host, httpUrl, list, loadConfig, oneOf, port, runService, secret } from '@gemeng/subgraph-kit';
import { startRouter } from './router.ts';
import { GATEWAY_RUNTIMES } from './runtimes/types.ts';
import { readSupergraph, subgraphUrls } from './supergraph.ts';

runService('router', async () => {
  const supergraphSdl = readSupergraph(process.env.GEMENG_SUPERGRAPH_PATH);
  const config = loadConfig({
    port: port('ROUTER_PORT', 4000),
    host: host('ROUTER_HOST'),
    routerSecret: secret('GEMENG_ROUTER_SECRET'),
    // Chosen by measurement: docs/adr/0003-gateway-runtime.md.
    runtime: oneOf('GEMENG_GATEWAY', GATEWAY_RUNTIMES, 'hive-rust'),
    corsOrigins: list('GEMENG_CORS_ORIGINS', ['http://127.0.0.1:8080', 'http://localhost:8080']),
  });
  // GEMENG_<SUBGRAPH>_URL overrides the routing URL the supergraph declares, for each subgraph.
  const routes = Object.fromEntries(
    Object.entries(subgraphUrls(supergraphSdl)).map(([name, fallback]) => [
      name,
      loadConfig({ url: httpUrl(`GEMENG_${name.toUpperCase()}_URL`, fallback) }).url,
    ]),
  );
  // GEMENG_OIDC_ISSUER, GEMENG_GRAPH_AUDIENCE. Unset issuer: anonymous only, access tokens get 401.
  const auth = authFromEnv();
  return startRouter({ supergraphSdl, subgraphUrls: routes, ...config, ...(auth ? { auth } : {}) });
});
