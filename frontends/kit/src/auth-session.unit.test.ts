// @vitest-environment happy-dom
/**
 * The session beyond one page: the silent restore on load (ADR 11: `prompt=none` in a hidden frame, whose
 * redirect the stand-in provider gives here; the frame itself is tried in tests/browser/session-restore), the
 * other tabs of the origin, and a token the graph refuses.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentAuthorize } from './auth/frame.ts';
import { AuthClient, authClient, codeChallenge } from './auth.ts';
import { provider, signedIn } from './auth-test-support.ts';
import { graphqlRequest } from './graphql-client.ts';

vi.mock('./auth/frame.ts', () => ({ silentAuthorize: vi.fn() }));
const frame = vi.mocked(silentAuthorize);

afterEach(() => {
  vi.restoreAllMocks();
  frame.mockReset();
  sessionStorage.clear();
  localStorage.clear();
});

/** What the browser keeps of the sign-in, in both storages: never a token. */
function stored(): string {
  const all = [localStorage, sessionStorage].flatMap((storage) =>
    Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`),
  );
  return all.join('\n');
}

describe('silent restore', () => {
  it('restores the provider session with prompt=none, PKCE, state and nonce, once this browser signed in', async () => {
    const stub = provider({ issuer: 'http://id1.test/oidc' });
    frame.mockImplementation(async (url) => stub.answer(url));
    // A visitor who never signed in here: no frame, no request.
    expect(await new AuthClient({ issuer: stub.issuer, fetch: stub.fetch }).restore()).toBe(false);
    expect(frame).not.toHaveBeenCalled();
    expect(stub.fetch).not.toHaveBeenCalled();

    await signedIn(stub);
    expect(stored()).not.toMatch(/access-|refresh-|eyJ/);
    // The reload: a new page, nothing in memory.
    const reloaded = new AuthClient({ issuer: stub.issuer, fetch: stub.fetch });
    const states: string[] = [];
    reloaded.subscribe((state) => states.push(state.status));
    expect(await reloaded.restore()).toBe(true);
    expect(states.filter((status, i) => status !== states[i - 1])).toEqual(['anonymous', 'pending', 'signed-in']);
    expect(reloaded.state).toMatchObject({ status: 'signed-in', user: { sub: 'u1', name: 'Léa Muller' } });

    const [url, redirectUri] = frame.mock.calls[0]!;
    const params = new URL(url).searchParams;
    expect(params.get('prompt')).toBe('none');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('resource')).toBe('urn:gemeng:graph');
    expect(redirectUri).toBe(`${location.origin}/auth/callback`);
    const exchange = stub.calls.at(-1)!;
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(await codeChallenge(exchange.get('code_verifier') ?? '')).toBe(params.get('code_challenge'));
    expect(await reloaded.getAccessToken()).toBe('access-2');
    expect(stored()).not.toMatch(/access-|refresh-|eyJ/);
  });

  it('stays anonymous without a word when the provider has nobody signed in, and does not ask again', async () => {
    const stub = provider({ issuer: 'http://id2.test/oidc' });
    frame.mockImplementation(async (url) => stub.answer(url));
    await signedIn(stub);
    stub.session.active = false;
    const warn = vi.spyOn(console, 'warn');
    const reloaded = new AuthClient({ issuer: stub.issuer, fetch: stub.fetch });
    expect(await reloaded.restore()).toBe(false);
    expect(reloaded.state).toEqual({ status: 'anonymous' });
    expect(warn).not.toHaveBeenCalled();
    expect(await new AuthClient({ issuer: stub.issuer, fetch: stub.fetch }).restore()).toBe(false);
    expect(frame).toHaveBeenCalledTimes(1);
  });

  it('refuses a silent answer to another request (state) or for another sign-in (nonce)', async () => {
    const stub = provider({ issuer: 'http://id3.test/oidc' });
    await signedIn(stub);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const exchanges = stub.calls.length;
    frame.mockImplementationOnce(async (url) => {
      const answer = stub.answer(url);
      answer.searchParams.set('state', 'forged');
      return answer;
    });
    const reloaded = new AuthClient({ issuer: stub.issuer, fetch: stub.fetch });
    expect(await reloaded.restore({ force: true })).toBe(false);
    expect(stub.calls.length).toBe(exchanges); // the code was not even exchanged
    frame.mockImplementationOnce(async (url) => {
      const answer = stub.answer(url);
      stub.setNonce('someone-elses');
      return answer;
    });
    expect(await reloaded.restore({ force: true })).toBe(false);
    expect(reloaded.state).toEqual({ status: 'anonymous' });
  });
});

describe('one session across tabs and requests', () => {
  it('signs the other tabs out with this one, and in again after a sign-in here', async () => {
    const stub = provider({ issuer: 'http://id4.test/oidc' });
    frame.mockImplementation(async (url) => stub.answer(url));
    const first = await signedIn(stub);
    const second = new AuthClient({ issuer: stub.issuer, fetch: stub.fetch });
    expect(await second.restore()).toBe(true);

    await first.signOut();
    stub.session.active = false;
    await vi.waitFor(() => expect(second.state).toEqual({ status: 'anonymous' }));
    expect(await second.getAccessToken()).toBeUndefined();

    stub.session.active = true;
    await signedIn(stub);
    await vi.waitFor(() => expect(second.state.status).toBe('signed-in'));
  });

  it('checks the session when the graph refuses the token (401): signed out once the provider refuses too', async () => {
    const stub = provider({ issuer: 'http://id5.test/oidc' });
    frame.mockImplementation(async (url) => stub.answer(url));
    await signedIn(stub); // the page's client restores the session this one started
    const client = authClient({ issuer: stub.issuer, fetch: stub.fetch });
    expect(await client.restore()).toBe(true);
    const router = vi.fn(async () => Response.json({ errors: [{ message: 'Unauthorized' }] }, { status: 401 }));
    const ask = () =>
      graphqlRequest('http://127.0.0.1:4000/graphql', 'query { me { id } }', undefined, {
        fetch: router as unknown as typeof fetch,
        accessToken: () => client.getAccessToken(),
      }).catch(() => undefined);

    // The session is still there (the 401 had another cause): one renewal, still signed in.
    const before = await client.getAccessToken();
    await ask();
    await vi.waitFor(async () => expect(await client.getAccessToken()).not.toBe(before));
    expect(stub.calls.at(-1)?.get('grant_type')).toBe('refresh_token');
    expect(client.state.status).toBe('signed-in');
    // Ended elsewhere: the renewal is refused and the page is signed out.
    stub.session.active = false;
    await ask();
    await vi.waitFor(() => expect(client.state).toEqual({ status: 'anonymous' }));
    // A token this page no longer holds changes nothing.
    client.tokenRejected('access-1');
    expect(client.state).toEqual({ status: 'anonymous' });
  });
});
