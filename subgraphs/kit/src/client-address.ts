/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export {
  addressGroup,
  CLIENT_IP_HEADER,
  CLIENT_USER_AGENT_HEADER,
  type ClientInfo,
  clientAddress,
  clientFromRouter,
  normaliseAddress,
} from '@gemeng/service-kit';
