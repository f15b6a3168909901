/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export { closeServer, createSafeServer, listen, readJson, sendJson } from '@gemeng/service-kit';
export { headerMap, sendGraphQLResponse } from '@gemeng/service-kit/apollo';
