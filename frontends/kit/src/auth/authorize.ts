/** The authorization request (code, PKCE S256, `state`, `nonce`) and the checks of its answer. */
import { safeReturnPath } from '../return-path.ts';
import { codeChallenge, randomToken } from './pkce.ts';
import {
  AuthError,
  CALLBACK_PATH,
  currentPath,
  type ProviderMetadata,
  type SignInOptions,
  STORAGE_PREFIX,
  sessionStore,
  type Transaction,
} from './types.ts';

export interface AuthorizeParams extends SignInOptions {
  readonly clientId: string;
  readonly scope: string;
  readonly resource: string;
  /** `none`: answer at once, without a page (silent restore). */
  readonly prompt?: 'none';
}

/** A new transaction and the URL of its authorization request. */
export async function authorizationRequest(
  metadata: ProviderMetadata,
  params: AuthorizeParams,
): Promise<{ transaction: Transaction; url: string }> {
  const transaction: Transaction = {
    state: randomToken(),
    verifier: randomToken(48),
    nonce: randomToken(),
    redirectUri: `${location.origin}${CALLBACK_PATH}`,
    returnTo: safeReturnPath(params.returnTo ?? currentPath()),
  };
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: params.clientId,
    redirect_uri: transaction.redirectUri,
    response_type: 'code',
    scope: params.scope,
    resource: params.resource,
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await codeChallenge(transaction.verifier),
    code_challenge_method: 'S256',
    ...(params.prompt ? { prompt: params.prompt } : {}),
    ...(params.language ? { ui_locales: params.language } : {}),
    ...(params.acr ? { acr_values: params.acr } : {}),
    ...(params.maxAge === undefined ? {} : { max_age: String(params.maxAge) }),
  }).toString();
  return { transaction, url: url.href };
}

/** Keeps a redirect sign-in's transaction for the way back (sessionStorage: per tab, never a token). */
export function keepTransaction(transaction: Transaction): void {
  sessionStore()?.setItem(`${STORAGE_PREFIX}${transaction.state}`, JSON.stringify(transaction));
}

/** The kept transaction the callback URL `url` answers, removed from storage; throws `invalid-state` if none. */
export function takeTransaction(url: URL): Transaction {
  const state = url.searchParams.get('state') ?? '';
  const key = `${STORAGE_PREFIX}${state}`;
  const stored = state ? sessionStore()?.getItem(key) : null;
  sessionStore()?.removeItem(key);
  if (!stored) {
    throw new AuthError('This sign-in link is not (or no longer) valid: please sign in again.', 'invalid-state');
  }
  return JSON.parse(stored) as Transaction;
}

/** The provider's error code in an answer to `transaction` (right `state`), else undefined. */
export function answerError(url: URL, transaction: Transaction): string | undefined {
  const params = url.searchParams;
  return params.get('state') === transaction.state ? (params.get('error') ?? undefined) : undefined;
}

/** The code of an answer to `transaction`; throws when `state` differs, the provider refused, or no code came. */
export function answerCode(url: URL, transaction: Transaction): string {
  const params = url.searchParams;
  if (params.get('state') !== transaction.state) {
    throw new AuthError('The sign-in answer does not match the request (state).', 'invalid-state');
  }
  const error = params.get('error');
  if (error) {
    throw new AuthError(params.get('error_description') ?? error, error === 'access_denied' ? 'cancelled' : 'provider');
  }
  const code = params.get('code');
  if (!code) throw new AuthError('The sign-in answer carries no code.', 'invalid-response');
  return code;
}
