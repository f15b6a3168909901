/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export { describeStartupFailure, runService, type Service, StartupError } from '@gemeng/service-kit';
