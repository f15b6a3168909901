/**
 * A citizen registers on the account pages, confirms the address from the mail the platform really sent (the
 * local SMTP catcher), signs in through OpenID Connect (Authorization Code + PKCE, as the portal does) and
 * reads their own account through the router.
 */
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack } from '../support/stack.ts';

let stack: Awaited<ReturnType<typeof startStack>>;
let identity: string;
const email = `jeanne.${randomBytes(3).toString('hex')}@example.lu`;
const password = 'Kachkéis mat Gromperen 42';
const cookies = new Map<string, string>();

beforeAll(async () => {
  stack = await startStack({ target: inject('postgresTarget'), postgresUrl: inject('postgresUrl'), shell: false });
  identity = new URL(stack.oidcIssuer).origin;
});
afterAll(() => stack?.stop());

/** A browser, reduced to what these pages need: cookies, and the Origin header on form posts. */
async function browse(url: string, form?: Record<string, string>) {
  const response = await fetch(new URL(url, identity), {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      'accept-language': 'fr',
      ...(form ? { origin: identity, 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form) } : {}),
  });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const [name = '', value = ''] = pair.split('=');
    if (value) cookies.set(name, value);
    else cookies.delete(name);
  }
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

const register = (overrides: Record<string, string> = {}) =>
  browse('/account/register?lang=fr', {
    name: 'Jeanne Schmit',
    email,
    password,
    passwordConfirmation: password,
    language: 'fr',
    ...overrides,
  });

describe('a citizen account', () => {
  it('cannot be created with a short password, and the page says why', async () => {
    const { status, html } = await register({ password: 'kurz', passwordConfirmation: 'kurz' });
    expect(status).toBe(422);
    expect(html).toContain('role="alert"');
    expect(html).toContain('au moins 12 caractères');
    expect(html).toContain('aria-invalid="true"');
  });

  it('is created, and the address confirmed with the link of the mail', async () => {
    const { status, html } = await register();
    expect(status).toBe(200);
    expect(html).toContain('Consultez votre messagerie');
    const mail = await stack.mail!.waitFor(email, (m) => m.subject === 'Confirmez votre adresse électronique');
    expect(mail.text).toContain('Bonjour Jeanne Schmit');
    const link = mail.text.match(/http\S+\/account\/verify\?token=[\w-]+/)?.[0];
    expect(link).toBeDefined();
    expect((await browse(link ?? '')).html).toContain('Adresse confirmée');
    expect((await browse(link ?? '')).status).toBe(410); // a link works once
  });

  it('registering the same address again answers the same and warns the owner by mail', async () => {
    const { status, html } = await register({ name: 'Someone else' });
    expect(status).toBe(200);
    expect(html).toContain('Consultez votre messagerie');
    await stack.mail!.waitFor(email, (m) => m.subject === 'Vous avez déjà un compte Gemeng');
  });

  it('signs in through OpenID Connect with PKCE and reads its own account through the router', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const redirectUri = `http://127.0.0.1:${stack.ports.shell}/auth/callback`;
    const authorize = new URL(`${stack.oidcIssuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: 'gemeng-portal',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email graph.read',
      resource: 'urn:gemeng:graph',
      state: 'state-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ui_locales: 'fr',
      acr_values: 'low',
    }).toString();

    let step = await browse(authorize.toString());
    expect(step.status).toBe(303);
    const loginPage = step.location ?? '';
    expect((await browse(loginPage)).html).toContain('Se connecter');

    const wrong = await browse(`${loginPage}/login`, { email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('L’adresse ou le mot de passe est incorrect.');

    step = await browse(`${loginPage}/login`, { email, password });
    for (let hops = 0; step.status === 303 && !step.location?.startsWith(redirectUri) && hops < 10; hops++) {
      step = await browse(step.location ?? '');
    }
    const callback = new URL(step.location ?? '');
    expect(callback.searchParams.get('state')).toBe('state-1');
    const code = callback.searchParams.get('code') ?? '';

    const tokenResponse = await fetch(`${stack.oidcIssuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        client_id: 'gemeng-portal',
        redirect_uri: redirectUri,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    const tokens = (await tokenResponse.json()) as { access_token: string; id_token: string };
    expect(decodeJwt(tokens.id_token)).toMatchObject({ acr: 'low', email, name: 'Jeanne Schmit' });
    expect(decodeJwt(tokens.access_token)).toMatchObject({ acr: 'low', aud: 'urn:gemeng:graph' });

    const me = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.access_token}` },
      body: JSON.stringify({ query: '{ me { name email emailVerified preferredLanguage } }' }),
    });
    expect(await me.json()).toEqual({
      data: { me: { name: 'Jeanne Schmit', email, emailVerified: true, preferredLanguage: 'fr' } },
    });
    const anonymous = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(await anonymous.json()).toEqual({ data: { me: null } });
  });

  it('resets a forgotten password with the link of the mail, without telling strangers whether an account exists', async () => {
    const unknown = await browse('/account/reset?lang=fr', { email: 'nobody@example.lu' });
    const known = await browse('/account/reset?lang=fr', { email });
    expect(unknown.html.replace('nobody@example.lu', email)).toBe(known.html);
    const mail = await stack.mail!.waitFor(email, (m) => m.subject === 'Redéfinir votre mot de passe');
    const token = mail.text.match(/token=([\w-]+)/)?.[1] ?? '';
    const weak = await browse('/account/reset/confirm?lang=fr', {
      token,
      password: 'short',
      passwordConfirmation: 'short',
    });
    expect(weak.status).toBe(422);
    const done = await browse('/account/reset/confirm?lang=fr', {
      token,
      password: 'Bouneschlupp am Wanter 2026',
      passwordConfirmation: 'Bouneschlupp am Wanter 2026',
    });
    expect(done.html).toContain('Mot de passe modifié');
  });

  it('refuses a form posted from another site', async () => {
    const response = await fetch(`${identity}/account/register`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'x@example.lu' }),
    });
    expect(response.status).toBe(403);
  });
});
