/** A stand-in OpenID provider for the sign-in client's unit tests (happy-dom). */
import { vi } from 'vitest';
import { AuthClient } from './auth.ts';

export const ISSUER = 'http://id.test/oidc';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'none' })}.${b64(claims)}.sig`;

export interface ProviderOptions {
  /** Claims of a JWT access token for the nth token response (1-based); undefined: an opaque token. */
  readonly accessClaims?: (rotation: number) => Record<string, unknown> | undefined;
  /** Extra ID token claims (e.g. `acr`). */
  readonly idClaims?: Record<string, unknown>;
  /** Default {@link ISSUER}; another one keeps a test's clients apart from the other tests' (tabs). */
  readonly issuer?: string;
}

/**
 * A stand-in provider: discovery, a token endpoint that rotates refresh tokens (and refuses them once the
 * session has ended: `session.active = false`), and `answer(url)`, the redirect its authorization endpoint gives
 * a `prompt=none` request: a code while the session is active, else `login_required`.
 */
export function provider(options: ProviderOptions = {}) {
  const calls: URLSearchParams[] = [];
  const issuer = options.issuer ?? ISSUER;
  const session = { active: true };
  let nonce = '';
  let rotation = 0;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/.well-known/openid-configuration')) {
      return Response.json({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        end_session_endpoint: `${issuer}/session/end`,
      });
    }
    const body = new URLSearchParams(String(init?.body));
    calls.push(body);
    if (body.get('grant_type') === 'refresh_token' && !session.active) {
      return Response.json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, { status: 400 });
    }
    rotation += 1;
    const accessClaims = options.accessClaims?.(rotation);
    return Response.json({
      access_token: accessClaims ? jwt(accessClaims) : `access-${rotation}`,
      refresh_token: `refresh-${rotation}`,
      id_token: jwt({ iss: issuer, aud: 'gemeng-portal', sub: 'u1', name: 'Léa Muller', nonce, ...options.idClaims }),
      expires_in: 600,
    });
  });
  const answer = (authorization: string): URL => {
    const params = new URL(authorization).searchParams;
    const callback = new URL(params.get('redirect_uri') ?? '');
    callback.searchParams.set('state', params.get('state') ?? '');
    if (session.active) {
      nonce = params.get('nonce') ?? '';
      callback.searchParams.set('code', `code-${rotation}`);
    } else {
      callback.searchParams.set('error', 'login_required');
    }
    return callback;
  };
  const setNonce = (value: string) => (nonce = value);
  return { issuer, fetch: fetch as unknown as typeof globalThis.fetch, calls, session, answer, setNonce };
}

/** Signs in through a redirect callback and returns the client. */
export async function signedIn(stub: ReturnType<typeof provider>): Promise<AuthClient> {
  const client = new AuthClient({ issuer: stub.issuer, fetch: stub.fetch });
  vi.spyOn(window.location, 'assign').mockImplementation(() => {});
  await client.signIn();
  const key = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i)).find(
    (name) => name?.startsWith('gemeng:auth:') && !name.startsWith('gemeng:auth:logout:'),
  );
  const stored = JSON.parse(sessionStorage.getItem(key ?? '') ?? '{}') as {
    state: string;
    nonce: string;
  };
  stub.setNonce(stored.nonce);
  await client.handleRedirectCallback(`${location.origin}/auth/callback?code=c&state=${stored.state}`);
  return client;
}
