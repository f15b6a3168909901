import {
  authFromEnv,
  ConfigError,
  host,
  httpUrl,
  list,
  loadConfig,
  oneOf,
  port,
  runService,
  type Setting,
  secret,
} from '@gemeng/service-kit';
import { revocationPollSeconds } from './revocations.ts';
import { startRouter } from './router.ts';
import { GATEWAY_RUNTIMES } from './runtimes/types.ts';
import { readSupergraph, subgraphUrls } from './supergraph.ts';

/** Whole seconds between 1 and a day. */
function seconds(env: string, fallback: number): Setting<number> {
  return {
    env,
    read(raw) {
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 86_400) {
        throw new ConfigError(`${env}="${raw}" is not a number of seconds between 1 and 86400`);
      }
      return Number(raw);
    },
  };
}

runService('router', async () => {
  const supergraphSdl = readSupergraph(process.env.GEMENG_SUPERGRAPH_PATH);
  const config = loadConfig({
    port: port('ROUTER_PORT', 4000),
    host: host('ROUTER_HOST'),
    routerSecret: secret('GEMENG_ROUTER_SECRET'),
    // Chosen by measurement: docs/adr/0003-gateway-runtime.md.
    runtime: oneOf('GEMENG_GATEWAY', GATEWAY_RUNTIMES, 'hive-rust'),
    corsOrigins: list('GEMENG_CORS_ORIGINS', ['http://127.0.0.1:8080', 'http://localhost:8080']),
    // Ended sessions and revoked API clients: identity's list, fetched this often.
    revocationPollSeconds: revocationPollSeconds('GEMENG_REVOCATION_POLL_SECONDS'),
    // The communes' website origins come from identity, fetched again this often.
    originsRefreshSeconds: seconds('GEMENG_CORS_REFRESH_SECONDS', 30),
    behindProxy: oneOf('GEMENG_BEHIND_PROXY', ['true', 'false'], 'false'),
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
  const { originsRefreshSeconds, behindProxy, ...rest } = config;
  return startRouter({
    supergraphSdl,
    subgraphUrls: routes,
    ...rest,
    originsRefreshMs: originsRefreshSeconds * 1000,
    behindProxy: behindProxy === 'true',
    revocationPollMs: config.revocationPollSeconds * 1000,
    ...(auth ? { auth } : {}),
  });
});
