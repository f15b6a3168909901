/**
 * People and applications with real access tokens, for end-to-end tests on a running stack (./stack.ts): a
 * verified account written straight into identity's database (with roles or the operator flag), signed in
 * through the real Authorization Code + PKCE flow of identity's OpenID Connect provider, as the portal does;
 * an API client with the client credentials grant; and `graphql()` through the router.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RunningStack } from '../../scripts/stack.ts';
import { hashPassword } from '../../subgraphs/identity/src/accounts/passwords.ts';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { createApiClient } from '../../subgraphs/identity/src/oidc/api-clients.ts';

/** What of a running stack (./stack.ts, or the browser tests' environment) these helpers use. */
export interface OidcStack {
  routerUrl: RunningStack['routerUrl'];
  oidcIssuer: RunningStack['oidcIssuer'];
  databaseUrls: Pick<RunningStack['databaseUrls'], 'identity'>;
  ports: Pick<RunningStack['ports'], 'shell'>;
}

export const PORTAL_CLIENT_ID = 'gemeng-portal';
export const GRAPH_AUDIENCE = 'urn:gemeng:graph';

export interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
}

/** A browser reduced to what the sign-in pages need: a cookie jar, the Origin header on form posts, no redirects. */
export function createBrowser(origin: string, lang = 'fr') {
  const cookies = new Map<string, string>();
  /** The last Set-Cookie line per cookie, with its attributes. */
  const setCookies = new Map<string, string>();
  return {
    cookies,
    setCookies,
    async browse(url: string, form?: Record<string, string>) {
      const response = await fetch(new URL(url, origin), {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          'accept-language': lang,
          ...(form ? { origin, 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form) } : {}),
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const [name = '', value = ''] = pair.split('=');
        setCookies.set(name, cookie);
        if (value) cookies.set(name, value);
        else cookies.delete(name);
      }
      return { status: response.status, location: response.headers.get('location'), html: await response.text() };
    },
  };
}

export type Browser = ReturnType<typeof createBrowser>;

/** A redirect URI of the portal client (the shell's origin, registered through GEMENG_PORTAL_ORIGINS). */
export const portalRedirectUri = (stack: Pick<OidcStack, 'ports'>) =>
  `http://127.0.0.1:${stack.ports.shell}/auth/callback`;

/** The portal's authorization request (PKCE S256), and what redeeming its code needs. */
export function authorizationRequest(stack: OidcStack, options: { state?: string; lang?: string } = {}) {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = portalRedirectUri(stack);
  const url = new URL(`${stack.oidcIssuer}/auth`);
  url.search = new URLSearchParams({
    client_id: PORTAL_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email graph.read',
    resource: GRAPH_AUDIENCE,
    state: options.state ?? randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ui_locales: options.lang ?? 'fr',
    acr_values: 'low',
  }).toString();
  return { url: url.toString(), verifier, redirectUri };
}

export type AuthorizationRequest = ReturnType<typeof authorizationRequest>;

/** Follows the provider's redirects (consent included) until the one to the portal's callback. */
export async function followToCallback(
  browser: Browser,
  request: Pick<AuthorizationRequest, 'redirectUri'>,
  step: { status: number; location: string | null },
): Promise<URL> {
  let current = step;
  for (let hops = 0; current.status === 303 && !current.location?.startsWith(request.redirectUri); hops++) {
    if (hops >= 10) break;
    current = await browser.browse(current.location ?? '');
  }
  if (!current.location?.startsWith(request.redirectUri)) {
    throw new Error(`sign-in did not reach the callback (status ${current.status}, location ${current.location})`);
  }
  return new URL(current.location);
}

/** Redeems the code of the callback at the token endpoint, as the portal does. */
export async function redeemCode(stack: OidcStack, request: AuthorizationRequest, callback: URL): Promise<Tokens> {
  const response = await fetch(`${stack.oidcIssuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      code_verifier: request.verifier,
      client_id: PORTAL_CLIENT_ID,
      redirect_uri: request.redirectUri,
    }),
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

/** Signs in with email and password (one factor: acr "low") through the login pages; the tokens. */
export async function signIn(stack: OidcStack, email: string, password: string): Promise<Tokens> {
  const browser = createBrowser(new URL(stack.oidcIssuer).origin);
  const request = authorizationRequest(stack);
  const start = await browser.browse(request.url);
  if (start.status !== 303 || !start.location) throw new Error(`authorization request failed: ${start.status}`);
  const login = await browser.browse(`${start.location}/login`, { email, password });
  if (login.status !== 303) throw new Error(`sign-in of ${email} failed: ${login.status}`);
  return redeemCode(stack, request, await followToCallback(browser, request, login));
}

export interface PersonOptions {
  name?: string;
  /** Default a new unique address; stored in lower case, as registration does. */
  email?: string;
  /** Default true: an unverified account cannot sign in. */
  emailVerified?: boolean;
  preferredLanguage?: 'lb' | 'fr' | 'de' | 'en';
  roles?: { communeId: string; role: 'agent' | 'administrator' }[];
  operator?: boolean;
  /** The communes the person declared as communes of residence (ids). */
  residences?: string[];
}

export interface Person {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** A person written straight into identity's database (argon2id hash, as registration makes it). */
export async function createPerson(
  stack: Pick<OidcStack, 'databaseUrls'>,
  options: PersonOptions = {},
): Promise<Person> {
  const password = `Test password ${randomBytes(6).toString('hex')}`;
  const email = (options.email ?? `person.${randomBytes(5).toString('hex')}@example.lu`).toLowerCase();
  const name = options.name ?? 'Test Person';
  const db = createDb(stack.databaseUrls.identity);
  try {
    const user = await db.user.create({
      data: {
        email,
        name,
        passwordHash: await hashPassword(password),
        emailVerifiedAt: options.emailVerified === false ? null : new Date(),
        preferredLanguage: options.preferredLanguage ?? 'fr',
        operator: options.operator ?? false,
        roles: { create: (options.roles ?? []).map(({ communeId, role }) => ({ communeId, role })) },
        residences: { create: (options.residences ?? []).map((communeId) => ({ communeId })) },
      },
    });
    return { id: user.id, email, name, password };
  } finally {
    await db.$disconnect();
  }
}

/** A new person (see `createPerson`), signed in: their access token for the graph. */
export async function signedInPerson(
  stack: OidcStack,
  options: PersonOptions = {},
): Promise<Person & { accessToken: string }> {
  const person = await createPerson(stack, options);
  const { access_token } = await signIn(stack, person.email, person.password);
  return { ...person, accessToken: access_token };
}

/** A new API client's access token from the client credentials grant. */
export async function apiClientToken(
  stack: OidcStack,
  name = 'Test application',
): Promise<{ clientId: string; accessToken: string }> {
  const db = createDb(stack.databaseUrls.identity);
  const client = await createApiClient(db, name).finally(() => db.$disconnect());
  const response = await fetch(`${stack.oidcIssuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'graph.read' }),
  });
  if (response.status !== 200) throw new Error(`client credentials failed: ${response.status}`);
  return { clientId: client.clientId, accessToken: ((await response.json()) as Tokens).access_token };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/** A GraphQL request through the router, with the access token when given. */
export async function graphql<T = Record<string, unknown>>(
  stack: Pick<OidcStack, 'routerUrl'>,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(stack.routerUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResult<T>['body'] };
}
