// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthClient, AuthError, authClient, codeChallenge, decodeJwtPayload } from './auth.ts';
import { ISSUER, jwt, provider, signedIn } from './auth-test-support.ts';

// Clients here are on their own: no other tab to tell (auth-session.unit.test.ts tests that).
beforeAll(() => {
  vi.stubGlobal('BroadcastChannel', undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  sessionStorage.clear();
  localStorage.clear();
});

describe('AuthClient', () => {
  it('computes the S256 challenge of RFC 7636 and decodes UTF-8 claims', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(await codeChallenge(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(decodeJwtPayload(jwt({ name: 'Léa' })).name).toBe('Léa');
  });

  it('signs in with a redirect: PKCE, state, nonce and resource out, code in, tokens in memory only', async () => {
    const stub = provider();
    const client = new AuthClient({ issuer: `${ISSUER}/`, fetch: stub.fetch });
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    await client.signIn({ language: 'fr', returnTo: '/communes/dudelange?lang=fr' });
    const authorize = new URL(String(assign.mock.calls[0]?.[0]));
    expect(authorize.origin + authorize.pathname).toBe(`${ISSUER}/auth`);
    const params = authorize.searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('resource')).toBe('urn:gemeng:graph');
    expect(params.get('ui_locales')).toBe('fr');
    expect(params.get('redirect_uri')).toBe(`${location.origin}/auth/callback`);

    stub.setNonce(params.get('nonce') ?? '');
    const states: string[] = [];
    client.subscribe((state) => states.push(state.status));
    const { returnTo } = await client.handleRedirectCallback(
      `${location.origin}/auth/callback?code=c1&state=${params.get('state')}`,
    );
    expect(returnTo).toBe('/communes/dudelange?lang=fr');
    expect(states).toContain('pending');
    expect(states.at(-1)).toBe('signed-in');
    expect(client.state).toMatchObject({ status: 'signed-in', user: { sub: 'u1', name: 'Léa Muller' } });
    const exchange = stub.calls[0]!;
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(await codeChallenge(exchange.get('code_verifier') ?? '')).toBe(params.get('code_challenge'));
    expect(await client.getAccessToken()).toBe('access-1');
    // Nothing of the tokens is stored; the transaction is gone too.
    expect(sessionStorage.length).toBe(0);
    // A callback replayed later is refused.
    await expect(
      client.handleRedirectCallback(`${location.origin}/auth/callback?code=c1&state=${params.get('state')}`),
    ).rejects.toMatchObject({ code: 'invalid-state' });
  });

  it('refreshes once for concurrent callers and uses the rotated refresh token next time', async () => {
    const stub = provider();
    const client = new AuthClient({ issuer: ISSUER, fetch: stub.fetch });
    vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    await client.signIn();
    const state = JSON.parse(sessionStorage.getItem(sessionStorage.key(0) ?? '') ?? '{}') as {
      state: string;
      nonce: string;
    };
    stub.setNonce(state.nonce);
    await client.handleRedirectCallback(`${location.origin}/auth/callback?code=c&state=${state.state}`);
    await Promise.all([client.refresh(), client.refresh()]);
    await client.refresh();
    const refreshes = stub.calls.filter((call) => call.get('grant_type') === 'refresh_token');
    expect(refreshes.map((call) => call.get('refresh_token'))).toEqual(['refresh-1', 'refresh-2']);
    expect(await client.getAccessToken()).toBe('access-3');
  });

  it('refuses an answer whose nonce does not match', async () => {
    const stub = provider();
    const client = new AuthClient({ issuer: ISSUER, fetch: stub.fetch });
    vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    await client.signIn();
    const state = JSON.parse(sessionStorage.getItem(sessionStorage.key(0) ?? '') ?? '{}') as { state: string };
    stub.setNonce('someone-elses');
    const error = await client
      .handleRedirectCallback(`${location.origin}/auth/callback?code=c&state=${state.state}`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(client.state.status).toBe('anonymous');
  });

  it('shares one client per issuer across the page', () => {
    expect(authClient({ issuer: ISSUER })).toBe(authClient({ issuer: `${ISSUER}/` }));
  });

  it('asks for a level of assurance with acr_values only when told to', async () => {
    const client = new AuthClient({ issuer: ISSUER, fetch: provider().fetch });
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    await client.signIn();
    await client.signIn({ acr: 'substantial' });
    const [plain, stepUp] = assign.mock.calls.map((call) => new URL(String(call[0])).searchParams);
    expect(plain?.has('acr_values')).toBe(false);
    expect(stepUp?.get('acr_values')).toBe('substantial');
  });

  it('asks for a recent second factor with max_age from a step-up challenge, and refuses a made-up age', async () => {
    const client = new AuthClient({ issuer: ISSUER, fetch: provider().fetch });
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => {});
    await client.signIn({ acr: 'substantial', maxAge: 600 });
    await client.signIn({ acr: 'substantial', maxAge: 0 });
    const [sudo, now] = assign.mock.calls.map((call) => new URL(String(call[0])).searchParams);
    expect(sudo?.get('acr_values')).toBe('substantial');
    expect(sudo?.get('max_age')).toBe('600');
    expect(now?.get('max_age')).toBe('0');
    await expect(client.signIn({ acr: 'substantial', maxAge: -1 })).rejects.toThrow(RangeError);
    await expect(client.signIn({ maxAge: 1.5 })).rejects.toThrow(RangeError);
    expect(assign).toHaveBeenCalledTimes(2);
  });

  it('exposes the level of assurance from the access token, renewed at each refresh', async () => {
    const stub = provider({
      accessClaims: (rotation) => ({ sub: 'u1', aud: 'urn:gemeng:graph', acr: rotation === 1 ? 'low' : 'substantial' }),
      idClaims: { acr: 'low' },
    });
    const client = await signedIn(stub);
    expect(client.state).toMatchObject({ status: 'signed-in', user: { acr: 'low' } });
    const seen: (string | undefined)[] = [];
    client.subscribe((state) => seen.push(state.status === 'signed-in' ? state.user.acr : undefined));
    await client.refresh();
    expect(client.state).toMatchObject({ status: 'signed-in', user: { acr: 'substantial' } });
    expect(seen).toEqual(['low', 'substantial']);
  });

  it('forgets the tokens on this page alone: anonymous at once, subscribers told, no request to the provider', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const stub = provider();
      const client = await signedIn(stub);
      expect(vi.getTimerCount()).toBe(1); // the renewal a minute before expiry
      const assign = vi.mocked(window.location.assign);
      const requests = vi.mocked(stub.fetch).mock.calls.length;
      const seen: string[] = [];
      client.subscribe((state) => seen.push(state.status));

      client.forget();
      expect(client.state).toEqual({ status: 'anonymous' });
      expect(seen).toEqual(['signed-in', 'anonymous']);
      expect(await client.getAccessToken()).toBeUndefined();
      expect(vi.getTimerCount()).toBe(0);
      // No revocation, no end-session redirect: the page stays and the provider is not asked.
      expect(vi.mocked(stub.fetch).mock.calls.length).toBe(requests);
      expect(assign).toHaveBeenCalledTimes(1); // the sign-in's redirect only
      expect(sessionStorage.length).toBe(0);

      client.forget(); // already anonymous: nothing changes, nobody is told
      expect(seen).toEqual(['signed-in', 'anonymous']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not let a renewal that was in flight sign the forgotten person in again', async () => {
    const stub = provider();
    const client = await signedIn(stub);
    const answer = vi.mocked(stub.fetch).getMockImplementation()!;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.mocked(stub.fetch).mockImplementationOnce(async (input, init) => {
      await held;
      return answer(input, init);
    });
    const renewal = client.refresh();
    client.forget();
    release();
    await renewal;
    expect(stub.calls.at(-1)?.get('grant_type')).toBe('refresh_token');
    expect(client.state).toEqual({ status: 'anonymous' });
    expect(await client.getAccessToken()).toBeUndefined();
  });

  it('falls back to the ID token for the level when the access token is opaque, and to nothing', async () => {
    const withClaim = await signedIn(provider({ idClaims: { acr: 'substantial' } }));
    expect(withClaim.state).toMatchObject({ user: { acr: 'substantial' } });
    sessionStorage.clear();
    const without = await signedIn(provider());
    expect(without.state.status).toBe('signed-in');
    expect(without.state.status === 'signed-in' && 'acr' in without.state.user).toBe(false);
  });
});
