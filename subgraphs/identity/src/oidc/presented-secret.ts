/**
 * API client secrets are stored only as their SHA-256 (api_client.secret_hash), but oidc-provider compares a
 * presented `client_secret` with the client's own. So the adapter reads the secret the request presents (HTTP
 * Basic, RFC 6749 §2.3.1, or `client_secret` in the form body, the two methods discovery advertises) from the
 * provider's request context, and hands the provider that secret as the client's only when its hash matches.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import Provider from 'oidc-provider';

/** SHA-256 of a secret, hex: what api_client.secret_hash holds. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The secret of an `Authorization: Basic` header: client id and secret are form-urlencoded before base64
 * (RFC 6749 §2.3.1), decoded as oidc-provider decodes them. Undefined when there is none or it is malformed.
 */
export function basicSecret(authorization: string | undefined): string | undefined {
  const [scheme, credentials] = authorization?.split(' ') ?? [];
  if (scheme?.toLowerCase() !== 'basic' || !credentials) return undefined;
  const basic = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = basic.indexOf(':');
  if (colon === -1) return undefined;
  try {
    return decodeURIComponent(basic.slice(colon + 1).replace(/\+/g, '%20')) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The secret the current request presents: `client_secret_post` (the body, which the provider has parsed by the
 * time it looks the client up) or `client_secret_basic`. Undefined outside a provider request.
 */
export function presentedSecret(): string | undefined {
  const ctx = Provider.ctx;
  if (!ctx) return undefined;
  const posted = (ctx.oidc?.params as { client_secret?: unknown } | undefined)?.client_secret;
  if (typeof posted === 'string' && posted) return posted;
  return basicSecret(ctx.get('authorization') || undefined);
}

/** The presented secret when its SHA-256 equals `secretHash` (compared in constant time), else undefined. */
export function presentedSecretMatching(secretHash: string): string | undefined {
  const secret = presentedSecret();
  if (secret === undefined) return undefined;
  const expected = Buffer.from(secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? secret : undefined;
}
