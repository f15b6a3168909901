/** The token endpoint, revocation, and what the page keeps of an answer (in memory only). */
import { decodeJwtPayload } from './pkce.ts';
import { AuthError, type AuthUser, type ProviderMetadata } from './types.ts';

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly idToken: string;
  readonly expiresAt: number;
  readonly user: AuthUser;
}

export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  expires_in?: number;
  token_type?: string;
  error?: string;
  error_description?: string;
}

/**
 * The level of assurance: from the access token first (what the graph checks; renewed at each refresh, when an
 * ID token may not come back), else from the ID token's claims. An opaque access token is not an error.
 */
function acrFrom(accessToken: string, idClaims: Record<string, unknown>): string | undefined {
  try {
    const acr = decodeJwtPayload(accessToken).acr;
    if (typeof acr === 'string') return acr;
  } catch {
    // Not a JWT: only the ID token can tell.
  }
  return typeof idClaims.acr === 'string' ? idClaims.acr : undefined;
}

function userFrom(claims: Record<string, unknown>, acr: string | undefined): AuthUser {
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
  return {
    sub: String(claims.sub ?? ''),
    ...(text('name') ? { name: text('name') } : {}),
    ...(text('email') ? { email: text('email') } : {}),
    ...(typeof claims.email_verified === 'boolean' ? { emailVerified: claims.email_verified } : {}),
    ...(text('locale') ? { locale: text('locale') } : {}),
    ...(acr ? { acr } : {}),
  };
}

/**
 * What the page keeps of a token response, once checked: the ID token (the new one, or the previous one after a
 * refresh that sent none) was issued by `issuer` for `clientId`, carries the request's `nonce` (when there was a
 * request) and names the same person as before (after a refresh).
 */
export function acceptTokens(
  body: TokenResponse,
  previous: Tokens | undefined,
  expected: { readonly issuer: string; readonly clientId: string; readonly nonce: string | undefined },
): Tokens {
  if (!body.access_token || (!body.id_token && !previous)) {
    throw new AuthError('The token endpoint returned no tokens.', 'invalid-response');
  }
  const idToken = body.id_token ?? previous?.idToken ?? '';
  const claims = decodeJwtPayload(idToken);
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (String(claims.iss).replace(/\/+$/, '') !== expected.issuer || !audience.includes(expected.clientId)) {
    throw new AuthError('The ID token was not issued for this client.', 'invalid-response');
  }
  if (expected.nonce !== undefined && claims.nonce !== expected.nonce) {
    throw new AuthError('The ID token does not match the request (nonce).', 'invalid-state');
  }
  if (previous && claims.sub !== previous.user.sub) {
    throw new AuthError('The refreshed tokens belong to someone else.', 'invalid-response');
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 300;
  return {
    accessToken: body.access_token,
    // Rotation: each refresh returns the next refresh token; keep the old one only if none came.
    refreshToken: body.refresh_token ?? previous?.refreshToken,
    idToken,
    expiresAt: Date.now() + expiresIn * 1000,
    user: userFrom(claims, acrFrom(body.access_token, claims)),
  };
}

/** One request to the token endpoint as the public client; a refusal is an {@link AuthError} `provider`. */
export async function tokenRequest(
  fetchImpl: typeof fetch,
  metadata: ProviderMetadata,
  clientId: string,
  params: Record<string, string>,
): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await fetchImpl(metadata.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ ...params, client_id: clientId }).toString(),
      credentials: 'omit',
    });
  } catch (error) {
    throw new AuthError('Could not reach the sign-in service.', 'network', { cause: error });
  }
  const body = (await response.json().catch(() => ({}))) as TokenResponse;
  if (!response.ok || body.error) {
    throw new AuthError(
      body.error_description ?? body.error ?? `HTTP ${response.status} from the token endpoint`,
      'provider',
    );
  }
  return body;
}

/** Revokes a refresh token (RFC 7009); a failure is ignored: it ends with the provider's session anyway. */
export async function revokeRefreshToken(
  fetchImpl: typeof fetch,
  metadata: ProviderMetadata,
  clientId: string,
  refreshToken: string | undefined,
): Promise<void> {
  if (!metadata.revocation_endpoint || !refreshToken) return;
  try {
    await fetchImpl(metadata.revocation_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: refreshToken,
        token_type_hint: 'refresh_token',
        client_id: clientId,
      }).toString(),
      credentials: 'omit',
      keepalive: true,
      signal: AbortSignal.timeout(3_000),
    });
  } catch {
    // The session ends at the provider anyway; an unrevoked refresh token expires on its own.
  }
}
