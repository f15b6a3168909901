/** Moved to `@gemeng/service-kit` (every Node service needs it); kept so kit modules import it as before. */
export {
  ACCESS_TOKEN_ALGORITHMS,
  type AuthOptions,
  callerFrom,
  createTokenVerifier,
  INVALID_TOKEN_MESSAGE,
  InvalidTokenError,
  refuseAllTokens,
  TokenVerificationUnavailableError,
  type TokenVerifier,
  tokenVerifierFor,
} from '@gemeng/service-kit';
