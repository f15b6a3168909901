/**
 * Guessing in parallel: every attempt is counted before its answer is checked, so that of 20 wrong answers sent
 * at once at most five reach the check (the password's argon2 hash, the TOTP secret); the others are told to
 * wait, the account is locked and its owner mailed once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { startIdentityWeb } from '../support/identity-web.ts';
import { authorizationRequest, createBrowser, createPerson } from '../support/oidc.ts';
import { enrolSecondFactor } from '../support/second-factor.ts';

let stack: Awaited<ReturnType<typeof startIdentityWeb>>;

beforeAll(async () => {
  // identity's pages alone: what these tests exercise, started in seconds even on a busy machine.
  stack = await startIdentityWeb(inject('postgresUrl'), 'brute_force');
});
afterAll(() => stack?.stop());

/** A browser on the login page of a new interaction (acr_values as given). */
async function loginPage(acr: 'low' | 'substantial') {
  const browser = createBrowser(new URL(stack.oidcIssuer).origin);
  const request = authorizationRequest(stack);
  const url = new URL(request.url);
  url.searchParams.set('acr_values', acr);
  const start = await browser.browse(url.toString());
  if (!start.location) throw new Error(`authorization request failed: ${start.status}`);
  return { browser, interaction: start.location };
}

async function securityLog(userId: string) {
  const db = createDb(stack.databaseUrls.identity);
  return db.securityEvent.findMany({ where: { userId } }).finally(() => db.$disconnect());
}

const lockoutMails = (to: string) =>
  stack.mail?.messages().filter((m) => m.to.includes(to) && m.subject.startsWith('Votre compte est bloqué')) ?? [];

describe('20 wrong answers sent at once', () => {
  it('reach the password check at most five times, then the account is locked and its owner mailed once', async () => {
    const person = await createPerson(stack);
    const pages = await Promise.all(Array.from({ length: 20 }, () => loginPage('low')));
    const answers = await Promise.all(
      pages.map(({ browser, interaction }, i) =>
        browser.browse(`${interaction}/login`, { email: person.email, password: `wrong guess ${i}` }),
      ),
    );
    const checked = answers.filter((a) => a.status === 401);
    const refused = answers.filter((a) => a.status === 429);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length + refused.length).toBe(20);
    expect(refused[0]?.html).toContain('Trop de tentatives');

    // Locked: the right password is not even checked.
    const { browser, interaction } = await loginPage('low');
    const right = await browser.browse(`${interaction}/login`, { email: person.email, password: person.password });
    expect(right.status).toBe(429);

    const log = await securityLog(person.id);
    expect(log.filter((e) => e.kind === 'login-failed')).toHaveLength(checked.length);
    expect(log.filter((e) => e.kind === 'lockout')).toHaveLength(1);
    await stack.mail?.waitFor(person.email, (m) => m.subject.startsWith('Votre compte est bloqué'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lockoutMails(person.email)).toHaveLength(1);
  });

  it('reach the TOTP check at most five times on the second-factor page', async () => {
    const person = await createPerson(stack);
    const [recovery = ''] = await enrolSecondFactor(stack, person.id);
    // Twenty sign-ins up to the second step (the right password each time).
    const pages = [];
    for (let i = 0; i < 20; i++) {
      const page = await loginPage('substantial');
      const step = await page.browser.browse(`${page.interaction}/login`, {
        email: person.email,
        password: person.password,
      });
      expect(step.html).toContain('Deuxième étape');
      pages.push(page);
    }
    const answers = await Promise.all(
      pages.map(({ browser, interaction }, i) =>
        browser.browse(`${interaction}/second-factor`, { method: 'totp', code: String(100000 + i) }),
      ),
    );
    const checked = answers.filter((a) => a.status === 401);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(20 - checked.length);
    // A recovery code is counted the same way: refused while locked.
    const [first] = pages;
    const locked = await first?.browser.browse(`${first.interaction}/second-factor`, {
      method: 'totp',
      code: recovery,
    });
    expect(locked?.status).toBe(429);

    const log = await securityLog(person.id);
    expect(log.filter((e) => e.kind === 'second-factor-failed')).toHaveLength(checked.length);
    expect(log.filter((e) => e.kind === 'lockout')).toHaveLength(1);
  });
});

describe('behind a trusted proxy (GEMENG_BEHIND_PROXY=true)', () => {
  let proxied: Awaited<ReturnType<typeof startIdentityWeb>>;
  beforeAll(async () => {
    proxied = await startIdentityWeb(inject('postgresUrl'), 'brute_force_proxy', { GEMENG_BEHIND_PROXY: 'true' });
  });
  afterAll(() => proxied?.stop());

  /**
   * A sign-in from `client`, as the proxy forwards it (the client may claim any address before it): the
   * authorization request first; the login form is then posted by the function it returns.
   */
  async function signInFrom(client: string) {
    const origin = new URL(proxied.oidcIssuer).origin;
    const forwarded = { 'x-forwarded-for': `198.51.100.99, ${client}` };
    const start = await fetch(authorizationRequest(proxied).url, { redirect: 'manual', headers: forwarded });
    const cookie = start.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const login = new URL(`${start.headers.get('location')}/login`, origin);
    return (email: string, password: string) =>
      fetch(login, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...forwarded, cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, password }),
      });
  }

  it('slows down one client address, not everyone behind the proxy, and logs the client address', async () => {
    const person = await createPerson(proxied);
    // The next sign-in's page is opened first: the first delay is one second, shorter than a busy machine may
    // take for a whole sign-in, so only the login form's post is timed.
    const next = await signInFrom('203.0.113.5');
    // Twenty wrong passwords for twenty accounts from one client (no account lock is reached).
    for (let i = 0; i < 20; i++) {
      expect((await (await signInFrom('203.0.113.5'))(`nobody${i}@example.lu`, 'wrong')).status).toBe(401);
    }
    const throttled = await next(person.email, person.password);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled.text()).toContain('Trop de tentatives depuis votre réseau');
    // Another client behind the same proxy signs in at once, and the log has its own address.
    expect((await (await signInFrom('192.0.2.44'))(person.email, person.password)).status).toBe(303);
    const db = createDb(proxied.databaseUrls.identity);
    const log = await db.securityEvent.findMany({ where: { userId: person.id } }).finally(() => db.$disconnect());
    expect(log.map((e) => e.ip)).toEqual(['192.0.2.44']);
  });
});
