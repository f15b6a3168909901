/**
 * API client secrets are stored only as their SHA-256 (api_client.secret_hash), but oidc-provider compares a
 * presented `client_secret` with the client's own. So `handle()` in provider.ts reads the secret presented at
 * the token endpoint (HTTP Basic, RFC 6749 §2.3.1) and runs the provider inside `withPresentedSecret`; the
 * adapter then hands the provider the presented secret as the client's only when its hash matches.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, timingSafeEqual } from 'node:crypto';

const presented = new AsyncLocalStorage<string | undefined>();

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

/** Runs `fn` with the secret the request presented (or none) visible to `presentedSecretMatching`. */
export function withPresentedSecret<T>(secret: string | undefined, fn: () => T): T {
  return presented.run(secret, fn);
}

/** The presented secret when its SHA-256 equals `secretHash` (compared in constant time), else undefined. */
export function presentedSecretMatching(secretHash: string): string | undefined {
  const secret = presented.getStore();
  if (secret === undefined) return undefined;
  const expected = Buffer.from(secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? secret : undefined;
}
