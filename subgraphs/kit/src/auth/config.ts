/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export { authFromEnv, DEFAULT_GRAPH_AUDIENCE } from '@gemeng/service-kit';
