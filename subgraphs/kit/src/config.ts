/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export {
  ConfigError,
  host,
  httpUrl,
  list,
  loadConfig,
  oneOf,
  port,
  postgresUrl,
  type Setting,
  secret,
} from '@gemeng/service-kit';
