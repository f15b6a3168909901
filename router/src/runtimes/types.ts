import type { IncomingMessage, ServerResponse } from 'node:http';

export const GATEWAY_RUNTIMES = ['apollo', 'hive', 'hive-rust'] as const;
export type GatewayRuntimeName = (typeof GATEWAY_RUNTIMES)[number];

/** What the router adds to every subgraph request, computed once per incoming request. */
export type SubgraphHeaders = Record<string, string>;

export interface GatewayRuntimeOptions {
  supergraphSdl: string;
  /** Headers for the subgraph requests made on behalf of this incoming request (secret, request id, …). */
  subgraphHeaders(req: IncomingMessage): SubgraphHeaders;
}

/** A federation gateway behind the router's own HTTP front (health, CORS, limits live in the front). */
export interface GatewayRuntime {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  stop(): Promise<void>;
}
