import type { IncomingMessage } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { sendBody } from '../compression.ts';
import type { GatewayRuntime, GatewayRuntimeOptions } from './types.ts';

/**
 * Hive Gateway; with `rustPlanner` its query planning and execution plan come from the Rust planner shipped in
 * @graphql-hive/router-runtime (not combined with `jit`, which loses data with that planner: see STACK.md).
 */
export async function hiveRuntime(options: GatewayRuntimeOptions & { rustPlanner: boolean }): Promise<GatewayRuntime> {
  const unifiedGraphHandler = options.rustPlanner
    ? (await import('@graphql-hive/router-runtime')).unifiedGraphHandler
    : undefined;
  const gateway = createGatewayRuntime<{ req?: IncomingMessage }>({
    supergraph: options.supergraphSdl,
    ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    cors: false, // the router's front answers CORS for the configured origins
    healthCheckEndpoint: '/__hive/healthz',
    readinessCheckEndpoint: '/__hive/readyz',
    maskedErrors: true,
    logging: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'error',
    propagateHeaders: {
      fromClientToSubgraphs: ({ context }) => {
        const req = (context as { req?: IncomingMessage } | undefined)?.req;
        return req ? options.subgraphHeaders(req) : {};
      },
    },
  });

  return {
    async handle(req, res) {
      // Through the fetch API: the runtime's own Node adapter left responses unfinished on Node 20.
      const chunks: Buffer[] = [];
      if (req.method !== 'GET' && req.method !== 'HEAD') for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'router'}`), {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      const response = await gateway.fetch(request, { req });
      res.statusCode = response.status;
      response.headers.forEach((value, key) => {
        res.setHeader(key, value);
      });
      await sendBody(req, res, Buffer.from(await response.arrayBuffer()));
    },
    async stop() {
      await gateway.dispose();
    },
  };
}
