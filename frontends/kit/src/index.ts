export {
  AttributeChecker,
  type AttributeProblem,
  type AttributeRule,
  integerBetween,
  languageRule,
  oneOf,
} from './attributes.ts';
export {
  ACR_SUBSTANTIAL,
  type AcrValue,
  AuthClient,
  type AuthClientOptions,
  AuthError,
  type AuthErrorCode,
  type AuthState,
  type AuthUser,
  authClient,
  CALLBACK_PATH,
  codeChallenge,
  DEFAULT_CLIENT_ID,
  DEFAULT_GRAPH_RESOURCE,
  DEFAULT_SCOPE,
  decodeJwtPayload,
  ISSUER_META_NAME,
  isPopupCallback,
  isSilentCallback,
  notifyOpener,
  POPUP_NAME,
  type ProviderMetadata,
  randomToken,
  resolveIssuer,
  resolveSignInMode,
  SILENT_FRAME_NAME,
  type SignInMode,
  type SignInOptions,
  type SignOutOptions,
} from './auth.ts';
export {
  assertTokenEndpoint,
  configured,
  DEFAULT_GRAPHQL_ENDPOINT,
  ENDPOINT_META_NAME,
  type GemengGlobalConfig,
  pageConfig,
  resolveEndpoint,
  tokenOrigins,
} from './config.ts';
export { ConfigurationError } from './errors.ts';
export * from './forms/index.ts';
export { GemengElement, type GemengElementOptions, gemengStyles } from './gemeng-element.ts';
export { graphql, type Operation, type OperationResult, type OperationVariables } from './graphql.ts';
export {
  type GraphQLErrorEntry,
  GraphQLRequestError,
  type GraphQLRequestErrorKind,
  type GraphQLRequestOptions,
  graphqlRequest,
  INSUFFICIENT_USER_AUTHENTICATION,
  isQueryDocument,
  publicQueryUrl,
  type StepUpChallenge,
  stepUpChallenge,
  withStepUp,
} from './graphql-client.ts';
// @gemeng/i18n's browser part and the element's language negotiation (see i18n.ts for the list).
export * from './i18n.ts';
export {
  type AttributeMap,
  type AttributeSource,
  applicationContainerId,
  type LifeCycles,
  litApplication,
  pickStringProps,
  type SingleSpaProps,
} from './single-spa.ts';
