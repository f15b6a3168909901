import { httpUrl, loadConfig, oneOf, runSubgraph } from '@gemeng/subgraph-kit';
import { createDb } from './db.ts';
import { createOidcProvider } from './oidc/provider.ts';
import { schema } from './schema/index.ts';

runSubgraph({
  name: 'identity',
  defaultPort: 4001,
  schema,
  createDb,
  async publicRoutes(db, env) {
    const config = loadConfig(
      {
        issuer: httpUrl('GEMENG_OIDC_ISSUER', `http://127.0.0.1:${env.PORT ?? 4001}/oidc`),
        graphAudience: { env: 'GEMENG_GRAPH_AUDIENCE', read: (raw) => raw ?? 'urn:gemeng:graph' },
        behindProxy: oneOf('GEMENG_BEHIND_PROXY', ['true', 'false'], 'false'),
      },
      env,
    );
    const oidc = await createOidcProvider(db, { ...config, behindProxy: config.behindProxy === 'true' });
    return { handle: oidc.handle };
  },
});
