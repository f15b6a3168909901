export { authFromEnv, DEFAULT_GRAPH_AUDIENCE } from './config.ts';
export { type Authentication, authenticate } from './http.ts';
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
} from './verify.ts';
