import { ConfigError, httpUrl, loadConfig, type Setting } from '../config.ts';
import type { AuthOptions } from './verify.ts';

export const DEFAULT_GRAPH_AUDIENCE = 'urn:gemeng:graph';

/**
 * Access token settings shared by the router and the subgraphs: GEMENG_OIDC_ISSUER (http(s) URL; unset:
 * auth is off and any access token is refused) and GEMENG_GRAPH_AUDIENCE (default `urn:gemeng:graph`).
 */
export function authFromEnv(env: NodeJS.ProcessEnv = process.env): AuthOptions | undefined {
  if (!env.GEMENG_OIDC_ISSUER) return undefined;
  const audience: Setting<string> = {
    env: 'GEMENG_GRAPH_AUDIENCE',
    read: (raw) => raw?.trim() || DEFAULT_GRAPH_AUDIENCE,
  };
  const config = loadConfig({ issuer: httpUrl('GEMENG_OIDC_ISSUER'), audience }, env);
  const url = new URL(config.issuer);
  if (url.search || url.hash) {
    throw new ConfigError(`GEMENG_OIDC_ISSUER="${config.issuer}" must not have a query or fragment (RFC 8414)`);
  }
  return { issuer: config.issuer, audience: config.audience };
}
