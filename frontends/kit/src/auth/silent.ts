/**
 * Silent restore (ADR 11): an authorization request with `prompt=none` in a hidden frame. The provider answers
 * at once, without a page of its own: back to `<origin>/auth/callback` with a code when its session cookie is
 * there (the frame is same-site with the portal, so the browser sends it), or with `login_required` and the like
 * when not. The answer is read from the frame's address as soon as it is back on this origin.
 *
 * A hint in localStorage (no token, only "this issuer signed someone in here") spares the round trip to visitors
 * who never signed in, and tabs of the same origin tell each other of sign-ins and sign-outs.
 */
import { answerError } from './authorize.ts';
import { silentAuthorize } from './frame.ts';
import { AuthError, STORAGE_PREFIX, type Transaction } from './types.ts';

/** Answers of `prompt=none` that mean "nobody is signed in there (or they must act first)": no error to show. */
export const QUIET_ERRORS: ReadonlySet<string> = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
]);

/**
 * One silent restore: `authorize()` makes the `prompt=none` request, `complete` checks the answer (`state`, then
 * the code exchange with the PKCE verifier and the ID token's `nonce`). True when signed in; false, quietly,
 * when the provider has nobody to sign in or the answer could not be used. The hint goes with any failure but
 * an unreachable provider (offline: the next load tries again).
 */
export async function restoreSession(
  issuer: string,
  steps: {
    readonly authorize: () => Promise<{ transaction: Transaction; url: string }>;
    readonly complete: (answer: URL, transaction: Transaction) => Promise<void>;
  },
): Promise<boolean> {
  try {
    const { transaction, url } = await steps.authorize();
    const answer = await silentAuthorize(url, transaction.redirectUri);
    const error = answerError(answer, transaction);
    if (error && QUIET_ERRORS.has(error)) {
      sessionHint.clear(issuer);
      return false;
    }
    await steps.complete(answer, transaction);
    return true;
  } catch (error) {
    if (!(error instanceof AuthError && error.code === 'network')) sessionHint.clear(issuer);
    console.warn('The sign-in could not be restored:', error instanceof Error ? error.message : error);
    return false;
  }
}

function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** "Someone signed in here through this issuer": a flag, never a token. */
export const sessionHint = {
  key: (issuer: string) => `${STORAGE_PREFIX}hint:${issuer}`,
  has(issuer: string): boolean {
    return localStore()?.getItem(this.key(issuer)) === '1';
  },
  set(issuer: string): void {
    try {
      localStore()?.setItem(this.key(issuer), '1');
    } catch {
      // Storage full or refused: the next load simply does not try a silent restore.
    }
  },
  clear(issuer: string): void {
    localStore()?.removeItem(this.key(issuer));
  },
};

export type TabMessage = 'signed-in' | 'signed-out';

/**
 * The other tabs of this origin: `post('signed-out')` after a sign-out here, `post('signed-in')` after a
 * sign-in. Messages carry no token, only what happened for which issuer.
 */
export function tabChannel(issuer: string, listener: (message: TabMessage) => void): (message: TabMessage) => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel('gemeng:auth');
  // Node's channel (tests, server rendering) would keep the process alive.
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  channel.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { issuer?: unknown; type?: unknown } | null;
    if (data?.issuer !== issuer || (data.type !== 'signed-in' && data.type !== 'signed-out')) return;
    listener(data.type);
  });
  return (type) => channel.postMessage({ issuer, type });
}
