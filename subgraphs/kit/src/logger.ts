/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export { createLogger, type Logger } from '@gemeng/service-kit';
