import type { IncomingMessage } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
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
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      if (body instanceof Error) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: body.message, extensions: { code: 'BAD_REQUEST' } }] }));
        return;
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => ({ subgraphHeaders: options.subgraphHeaders(req) }),
      });
      res.statusCode = response.status ?? 200;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      if (response.body.kind === 'complete') res.end(response.body.string);
      else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    },
    stop: () => server.stop(),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return new Error('The request body is not valid JSON: send {"query": "..."} with content-type application/json.');
  }
}
