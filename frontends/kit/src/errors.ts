/**
 * Thrown when a widget is set up wrongly (missing attribute, invalid endpoint). The message says what to fix,
 * because the person reading it is usually a commune webmaster, not a Gemeng developer.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}
