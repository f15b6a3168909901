/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export { type Authentication, authenticate } from '@gemeng/service-kit';
