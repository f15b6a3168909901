import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { readJson } from '@gemeng/service-kit';
import { headerMap, sendGraphQLResponse } from '@gemeng/service-kit/apollo';
import { sendBody } from '../compression.ts';
import type { GatewayRuntime, GatewayRuntimeOptions, SubgraphHeaders } from './types.ts';

interface Context {
  subgraphHeaders: SubgraphHeaders;
}

/** @apollo/gateway (JavaScript query planner) on @apollo/server. */
export async function apolloRuntime(options: GatewayRuntimeOptions): Promise<GatewayRuntime> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          for (const [key, value] of Object.entries<string>(context.subgraphHeaders ?? {}))
            request.http?.headers.set(key, value);
        },
      }),
  });
  const server = new ApolloServer<Context>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://router');
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      if (body instanceof Error) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] }));
        return;
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search: url.search, body },
        context: async () => ({ subgraphHeaders: options.subgraphHeaders(req) }),
      });
      if (response.body.kind !== 'complete') return sendGraphQLResponse(res, response); // incremental delivery
      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      await sendBody(req, res, Buffer.from(response.body.string));
    },
    stop: () => server.stop(),
  };
}
