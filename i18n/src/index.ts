export {
  dateTimeFormat,
  formatDateTime,
  formatEuroCents,
  formatList,
  formatNumber,
  numberFormat,
  todayInLuxembourg,
} from './format.ts';
export {
  DEFAULT_LANGUAGE,
  FALLBACKS,
  intlLocales,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  matchLanguage,
  TIME_ZONE,
} from './languages.ts';
export {
  type Catalog,
  type CatalogLoader,
  createMessages,
  defineMessages,
  loadMessages,
  type MessageSet,
  type MessageSource,
  Messages,
  type MessageValues,
  type Translate,
} from './messages.ts';
export {
  acceptedLanguage,
  type LanguageRange,
  type LanguageSource,
  negotiateLanguage,
  parseAcceptLanguage,
} from './negotiate.ts';
