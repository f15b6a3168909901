/**
 * People with a second factor, signed in with it (acr `substantial`) through the real login pages, for
 * end-to-end tests. The factor is an authenticator app written straight into identity's database with ten
 * recovery codes; each two-factor sign-in uses one recovery code, so that any number of sign-ins in a row work
 * (an authenticator code is accepted once per 30-second step).
 */
import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { hashRecoveryCode } from '../../subgraphs/identity/src/factors/totp.ts';
import {
  authorizationRequest,
  type Browser,
  createBrowser,
  createPerson,
  followToCallback,
  type OidcStack,
  type Person,
  type PersonOptions,
  redeemCode,
  type Tokens,
} from './oidc.ts';

/** Gives the person a confirmed authenticator app; the recovery codes, each good for one sign-in. */
export async function enrolSecondFactor(stack: OidcStack, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, () => randomBytes(5).toString('hex'));
  const db = createDb(stack.databaseUrls.identity);
  try {
    // Two plain statements, no transaction: a test's setup, and on a busy machine a transaction may not start in time.
    await db.totpFactor.create({ data: { userId, secret: new Secret({ size: 20 }).base32, confirmedAt: new Date() } });
    await db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
    return codes;
  } finally {
    await db.$disconnect();
  }
}

export interface SignInOptions {
  /** A recovery code: the sign-in asks `acr_values=substantial` and answers the second factor with it. */
  recoveryCode?: string;
  /** Sign in again in this browser (its session) instead of a new one. */
  browser?: Browser;
  /** Ask for a refresh token as well. */
  offline?: boolean;
}

/** Signs in through the pages (password, then the recovery code when given); the tokens and the browser. */
export async function signInThroughPages(
  stack: OidcStack,
  person: Pick<Person, 'email' | 'password'>,
  options: SignInOptions = {},
): Promise<Tokens & { browser: Browser }> {
  const browser = options.browser ?? createBrowser(new URL(stack.oidcIssuer).origin);
  const request = authorizationRequest(stack);
  const url = new URL(request.url);
  if (options.offline) {
    url.searchParams.set('scope', 'openid profile email offline_access graph.read');
    url.searchParams.set('prompt', 'consent');
  }
  if (options.recoveryCode) url.searchParams.set('acr_values', 'substantial');
  const start = await browser.browse(url.toString());
  if (start.status !== 303 || !start.location) throw new Error(`authorization request failed: ${start.status}`);
  let step: { status: number; location: string | null } = start;
  if (start.location.includes('/interaction/')) {
    // A browser already signed in with one factor is asked only for the second one (step-up).
    const signedIn = options.browser !== undefined && !!options.recoveryCode;
    if (!signedIn)
      step = await browser.browse(`${start.location}/login`, { email: person.email, password: person.password });
    if (options.recoveryCode) {
      step = await browser.browse(`${start.location}/second-factor`, { method: 'totp', code: options.recoveryCode });
    }
  }
  const tokens = await redeemCode(stack, request, await followToCallback(browser, request, step));
  return { ...tokens, browser };
}

/** A new person with an authenticator app, signed in with two factors: their token and unused recovery codes. */
export async function signedInWithSecondFactor(
  stack: OidcStack,
  options: PersonOptions = {},
): Promise<Person & { accessToken: string; recoveryCodes: string[]; browser: Browser }> {
  const person = await createPerson(stack, options);
  const recoveryCodes = await enrolSecondFactor(stack, person.id);
  const recoveryCode = recoveryCodes.shift();
  const tokens = await signInThroughPages(stack, person, { ...(recoveryCode ? { recoveryCode } : {}) });
  return { ...person, accessToken: tokens.access_token, recoveryCodes, browser: tokens.browser };
}
