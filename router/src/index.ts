export { type RouterOptions, type RunningRouter, startRouter } from './router.ts';
export { GATEWAY_RUNTIMES, type GatewayRuntimeName } from './runtimes/types.ts';
export { readSupergraph, subgraphUrls, withSubgraphUrls } from './supergraph.ts';
