/**
 * What every Gemeng Node service needs, and nothing more: configuration from the environment, JSON logs,
 * HTTP helpers, access-token verification, the router's secret, and `runService`. The router and the shell's
 * server use it as it is; `@gemeng/subgraph-kit` builds on it for Pothos and Prisma.
 */
export * from './auth/index.ts';
export type { Caller } from './caller.ts';
export * from './client-address.ts';
export * from './config.ts';
export { closeServer, createSafeServer, listen, readJson, sendJson } from './http.ts';
export { createLogger, type Logger } from './logger.ts';
export { requestIdFrom } from './request.ts';
export { carriesRouterSecret, ROUTER_SECRET_HEADER } from './router-secret.ts';
export { describeStartupFailure, runService, type Service, StartupError } from './service.ts';
