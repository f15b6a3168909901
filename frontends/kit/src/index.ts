export { DEFAULT_GRAPHQL_ENDPOINT, ENDPOINT_META_NAME, type GemengGlobalConfig, resolveEndpoint } from './config.ts';
export { ConfigurationError } from './errors.ts';
export { GemengElement, type GemengElementOptions, gemengStyles } from './gemeng-element.ts';
export {
  type GraphQLErrorEntry,
  GraphQLRequestError,
  type GraphQLRequestErrorKind,
  type GraphQLRequestOptions,
  graphqlRequest,
} from './graphql-client.ts';
export {
  type Catalog,
  type Catalogs,
  closestLangAttribute,
  createTranslator,
  DEFAULT_LANGUAGE,
  FALLBACKS,
  formatDateTime,
  formatEuroCents,
  formatNumber,
  intlLocales,
  isLanguage,
  LANGUAGES,
  type Language,
  type Message,
  type MessageParams,
  matchLanguage,
  type NegotiateOptions,
  negotiateLanguage,
  type PluralMessage,
  translate,
} from './i18n.ts';
export {
  type AttributeMap,
  type AttributeSource,
  applicationContainerId,
  type LifeCycles,
  litApplication,
  pickStringProps,
  type SingleSpaProps,
} from './single-spa.ts';
