/**
 * Verification of the access tokens the identity subgraph's OpenID Connect provider issues: JWT access tokens
 * per RFC 9068 (`typ: at+jwt`), signed with ES256 or RS256 by a key of the issuer's JWKS. The router checks
 * them once at the edge and every subgraph checks them again (defense in depth) to fill `ctx.caller`.
 */
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Caller } from '../caller.ts';
import { createLogger, type Logger } from '../logger.ts';

/** Where access tokens come from and whom they must be for. */
export interface AuthOptions {
  /** The OpenID Connect issuer, exactly as in the tokens' `iss` claim. */
  issuer: string;
  /** The resource indicator of the graph, which must be in the tokens' `aud` claim. */
  audience: string;
  /** The issuer's key set; default `${issuer}/jwks` (oidc-provider's route). */
  jwksUrl?: string;
  /** Clock skew accepted on `exp`, `nbf` and `iat`, in seconds (default 5). */
  clockToleranceSec?: number;
  /**
   * Least time between two key set downloads, in seconds (default 30): a token whose key id is unknown
   * triggers a download (key rotation) unless one happened this recently.
   */
  jwksCooldownSec?: number;
  /** How long the key set is kept before it is downloaded again, in seconds (default 600). */
  jwksCacheMaxAgeSec?: number;
  /** Logger for the reasons tokens are refused, when `verify` is not given the request's own. */
  log?: Logger;
}

/** The only message a client ever gets about a refused token: the reason stays in the logs. */
export const INVALID_TOKEN_MESSAGE = 'The access token is not valid: sign in again.';

/** The Authorization header is malformed or its token is not a valid access token for this graph. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
  constructor() {
    super(INVALID_TOKEN_MESSAGE);
  }
}

/** The token could not be checked because the issuer's key set cannot be fetched (not the caller's fault). */
export class TokenVerificationUnavailableError extends Error {
  override name = 'TokenVerificationUnavailableError';
  constructor() {
    super('Sign-in cannot be checked right now: please try again in a moment.');
  }
}

export interface TokenVerifier {
  /**
   * The caller of a request from its Authorization header: null when there is none (anonymous), a Caller
   * when it carries a valid access token. Throws `InvalidTokenError` otherwise, or
   * `TokenVerificationUnavailableError` when the issuer's keys cannot be fetched.
   */
  verify(authorizationHeader: string | undefined, log?: Logger): Promise<Caller | null>;
}

/** Accepted signature algorithms: asymmetric only (never `none`, never HS*, which would accept forgeries). */
export const ACCESS_TOKEN_ALGORITHMS = ['ES256', 'RS256'];
const ACCESS_TOKEN_TYPE = 'at+jwt';
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const MAX_TOKEN_LENGTH = 8192;

export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  const fallbackLog = options.log ?? createLogger('auth');
  const jwksUrl = new URL(options.jwksUrl ?? `${options.issuer.replace(/\/+$/, '')}/jwks`);
  // Lazy: nothing is fetched before the first token, so a service starts even while the issuer is down.
  const keys = createRemoteJWKSet(jwksUrl, {
    cooldownDuration: (options.jwksCooldownSec ?? 30) * 1000,
    cacheMaxAge: (options.jwksCacheMaxAgeSec ?? 600) * 1000,
    timeoutDuration: 5000,
  });

  return {
    async verify(header, log = fallbackLog) {
      if (header === undefined || header.trim() === '') return null;
      const token = BEARER.exec(header)?.[1];
      if (!token || token.length > MAX_TOKEN_LENGTH) {
        log.warn({ reason: 'the Authorization header is not "Bearer <access token>"' }, 'access token refused');
        throw new InvalidTokenError();
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          typ: ACCESS_TOKEN_TYPE,
          algorithms: ACCESS_TOKEN_ALGORITHMS,
          requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
          clockTolerance: options.clockToleranceSec ?? 5,
        }));
      } catch (error) {
        if (keySetUnavailable(error)) {
          log.error({ err: error, jwksUrl: jwksUrl.href }, 'cannot fetch the issuer key set to check an access token');
          throw new TokenVerificationUnavailableError();
        }
        // Expiry is routine (a client that did not refresh); anything else may be a forgery or a misconfiguration.
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        if (error instanceof errors.JWTExpired) log.debug({ reason }, 'access token refused');
        else log.warn({ reason }, 'access token refused');
        throw new InvalidTokenError();
      }
      const caller = callerFrom(payload, log);
      if (!caller) throw new InvalidTokenError();
      return caller;
    },
  };
}

/**
 * For a service without an issuer (GEMENG_OIDC_ISSUER unset): anonymous requests pass, any access token is
 * refused, since it cannot be checked and must not be passed on as if it had been.
 */
export function refuseAllTokens(log: Logger = createLogger('auth')): TokenVerifier {
  return {
    async verify(header, requestLog = log) {
      if (header === undefined || header.trim() === '') return null;
      requestLog.warn(
        { reason: 'no OpenID Connect issuer is configured (GEMENG_OIDC_ISSUER), so no token can be checked' },
        'access token refused',
      );
      throw new InvalidTokenError();
    },
  };
}

/** `createTokenVerifier(auth)`, or `refuseAllTokens()` when auth is off. */
export function tokenVerifierFor(auth: AuthOptions | undefined, log: Logger = createLogger('auth')): TokenVerifier {
  if (auth) return createTokenVerifier({ log, ...auth });
  log.info('no OpenID Connect issuer (GEMENG_OIDC_ISSUER): anonymous requests only, access tokens are refused');
  return refuseAllTokens(log);
}

/** Failures to get the issuer's keys (down, slow, not a key set), as opposed to a bad token. */
function keySetUnavailable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true; // fetch failed: connection refused, DNS, …
  return (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error instanceof errors.JWKInvalid ||
    error.code === errors.JOSEError.code // non-200 or non-JSON key set response
  );
}

const ROLES = new Set(['agent', 'administrator']);

/** The Caller of a verified token's claims, or null (logged) when a required claim has the wrong shape. */
export function callerFrom(payload: JWTPayload, log: Logger): Caller | null {
  const { sub, client_id: clientId } = payload;
  if (typeof sub !== 'string' || sub === '' || typeof clientId !== 'string' || clientId === '') {
    log.warn({ reason: '"sub" or "client_id" is not a non-empty string' }, 'access token refused');
    return null;
  }
  const roles: Caller['roles'] = [];
  const claimed = payload.gemeng_roles;
  if (claimed !== undefined && !Array.isArray(claimed)) log.warn({ sub }, 'gemeng_roles is not an array: ignored');
  for (const entry of Array.isArray(claimed) ? claimed : []) {
    const { communeId, role } = (entry ?? {}) as { communeId?: unknown; role?: unknown };
    if (typeof communeId === 'string' && communeId !== '' && typeof role === 'string' && ROLES.has(role)) {
      roles.push({ communeId, role: role as Caller['roles'][number]['role'] });
    } else {
      log.warn({ sub, entry }, 'malformed gemeng_roles entry: ignored');
    }
  }
  return {
    sub,
    clientId,
    // Anything but an explicit "substantial" counts as the lowest level: never upgrade an unknown value.
    acr: payload.acr === 'substantial' ? 'substantial' : 'low',
    roles,
    operator: payload.gemeng_operator === true,
    scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
    ...(typeof payload.sid === 'string' && payload.sid !== '' ? { sid: payload.sid } : {}),
    ...(typeof payload.auth_time === 'number' && Number.isFinite(payload.auth_time)
      ? { authTime: new Date(payload.auth_time * 1000) }
      : {}),
    ...profileClaims(payload),
  };
}

/** The person's `name`, `email` and `locale` claims that are non-empty strings (API clients' tokens have none). */
function profileClaims(payload: JWTPayload): Pick<Caller, 'name' | 'email' | 'locale'> {
  const profile: Pick<Caller, 'name' | 'email' | 'locale'> = {};
  for (const claim of ['name', 'email', 'locale'] as const) {
    const value = payload[claim];
    if (typeof value === 'string' && value.trim() !== '') profile[claim] = value;
  }
  return profile;
}
