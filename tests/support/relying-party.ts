/**
 * A third-party relying party built on the certified `openid-client` 6, as a developer integrating with Gemeng
 * would write it: discovery, Authorization Code + PKCE through identity's real sign-in pages (./oidc.ts's
 * cookie-jar browser), and the errors the library raises, reduced to the OAuth error code.
 */
import * as oidc from 'openid-client';
import { type Browser, followToCallback, type OidcStack, PORTAL_CLIENT_ID } from './oidc.ts';

/** The provider's metadata by discovery, for `clientId` authenticating with `auth` (the portal: public). */
export function discover(
  stack: Pick<OidcStack, 'oidcIssuer'>,
  clientId = PORTAL_CLIENT_ID,
  auth: oidc.ClientAuth = oidc.None(),
): Promise<oidc.Configuration> {
  // The test stack runs on http://localhost; production issuers are https.
  return oidc.discovery(new URL(stack.oidcIssuer), clientId, undefined, auth, {
    execute: [oidc.allowInsecureRequests],
  });
}

/** The same provider for another client (client credentials with each authentication method). */
export function clientOf(config: oidc.Configuration, clientId: string, auth: oidc.ClientAuth): oidc.Configuration {
  const other = new oidc.Configuration(config.serverMetadata(), clientId, undefined, auth);
  oidc.allowInsecureRequests(other);
  return other;
}

export interface Authorization {
  url: URL;
  redirectUri: string;
  verifier: string;
  state: string;
  nonce: string;
  maxAge?: number;
}

/** An authorization request with PKCE (S256), state and nonce; `params` adds scope, max_age, prompt, acr_values… */
export async function authorization(
  config: oidc.Configuration,
  redirectUri: string,
  params: Record<string, string> = {},
): Promise<Authorization> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ui_locales: 'fr',
    ...params,
  });
  const maxAge = params.max_age === undefined ? undefined : Number(params.max_age);
  return { url, redirectUri, verifier, state, nonce, ...(maxAge === undefined ? {} : { maxAge }) };
}

/** The provider's answer to the authorization request: a page of the login interaction, or the callback. */
export async function start(browser: Browser, auth: Authorization) {
  const first = await browser.browse(auth.url.href);
  if (first.status !== 303 || !first.location) throw new Error(`authorization request failed: ${first.status}`);
  if (first.location.startsWith(auth.redirectUri)) return { callback: new URL(first.location) } as const;
  const page = await browser.browse(first.location);
  return { interaction: new URL(first.location, auth.url).href, html: page.html, status: page.status } as const;
}

/** Posts a form of the interaction (`login`, `second-factor`) and follows the redirects to the callback. */
export async function answer(
  browser: Browser,
  auth: Authorization,
  interaction: string,
  action: 'login' | 'second-factor',
  form: Record<string, string>,
): Promise<URL> {
  const posted = await browser.browse(`${interaction}/${action}`, form);
  if (posted.status !== 303) throw new Error(`${action} failed: ${posted.status}`);
  return followToCallback(browser, auth, posted);
}

/** Redeems the callback's code with openid-client's checks (state, PKCE, nonce, ID token, auth_time vs max_age). */
export function redeem(config: oidc.Configuration, auth: Authorization, callback: URL) {
  return oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: auth.verifier,
    expectedState: auth.state,
    expectedNonce: auth.nonce,
    idTokenExpected: true,
    ...(auth.maxAge === undefined ? {} : { maxAge: auth.maxAge }),
  });
}

/** Signs a person in with the password through the pages (no session yet): the checked token response. */
export async function signInWithPassword(
  config: oidc.Configuration,
  browser: Browser,
  auth: Authorization,
  person: { email: string; password: string },
) {
  const step = await start(browser, auth);
  if (!step.interaction) throw new Error('expected the sign-in page');
  const callback = await answer(browser, auth, step.interaction, 'login', {
    email: person.email,
    password: person.password,
  });
  return redeem(config, auth, callback);
}

/** The OAuth error code of what openid-client refused (token endpoint, authorization response, userinfo). */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError) {
      return error.error;
    }
    if (error instanceof oidc.WWWAuthenticateChallengeError) {
      return String(error.cause[0]?.parameters.error ?? error.cause[0]?.scheme);
    }
    throw error;
  }
  throw new Error('the request was not refused');
}
