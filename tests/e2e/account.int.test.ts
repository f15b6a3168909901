/**
 * A citizen registers on the account pages, confirms the address from the mail the platform really sent (the
 * local SMTP catcher), signs in through OpenID Connect (Authorization Code + PKCE, as the portal does) and
 * reads their own account through the router.
 */
import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorizationRequest,
  type Browser,
  createBrowser,
  followToCallback,
  graphql,
  redeemCode,
  signIn,
} from '../support/oidc.ts';
import { sharedStack } from '../support/shared-stack.ts';

const stack = sharedStack();
let browser: Browser;
const email = `jeanne.${randomBytes(3).toString('hex')}@example.lu`;
const password = 'Kachkéis mat Gromperen 42';

beforeAll(async () => {
  browser = createBrowser(new URL(stack.oidcIssuer).origin);
});

const browse = (url: string, form?: Record<string, string>) => browser.browse(url, form);

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

  it('is created, and the address confirmed with the button of the link in the mail', async () => {
    const { status, html } = await register();
    expect(status).toBe(200);
    expect(html).toContain('Consultez votre messagerie');
    const mail = await stack.mail.waitFor(email, (m) => m.subject === 'Confirmez votre adresse électronique');
    // The address is not confirmed yet: nothing typed in the form (the name) goes into the mail.
    expect(mail.text).toMatch(/^Bonjour,/);
    expect(mail.text).not.toContain('Jeanne');
    const link = mail.text.match(/http\S+\/account\/verify\?token=[\w-]+&lang=fr/)?.[0] ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';
    // Opening the link (as a mail scanner does) only shows a button: the link still works afterwards.
    for (let i = 0; i < 2; i++) {
      const shown = await browse(link);
      expect(shown.status).toBe(200);
      expect(shown.html).toContain('Confirmer l’adresse');
      expect(shown.html).toContain(`name="token" value="${token}"`);
    }
    // Only the button's POST, from the page itself, confirms.
    const forged = await fetch(new URL('/account/verify?lang=fr', stack.oidcIssuer), {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }),
    });
    expect(forged.status).toBe(403);
    expect((await browse('/account/verify?lang=fr', { token })).html).toContain('Adresse confirmée');
    expect((await browse('/account/verify?lang=fr', { token })).html).toContain('Adresse déjà confirmée'); // a second click
  });

  it('registering the same address again answers the same and warns the owner by mail', async () => {
    const { status, html } = await register({ name: 'Someone else' });
    expect(status).toBe(200);
    expect(html).toContain('Consultez votre messagerie');
    await stack.mail.waitFor(email, (m) => m.subject === 'Vous avez déjà un compte Gemeng');
  });

  it('signs in through OpenID Connect with PKCE and reads its own account through the router', async () => {
    const request = authorizationRequest(stack, { state: 'state-1' });
    let step = await browse(request.url);
    expect(step.status).toBe(303);
    const loginPage = step.location ?? '';
    expect((await browse(loginPage)).html).toContain('Se connecter');

    const wrong = await browse(`${loginPage}/login`, { email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('L’adresse ou le mot de passe est incorrect.');

    step = await browse(`${loginPage}/login`, { email, password });
    const callback = await followToCallback(browser, request, step);
    expect(callback.searchParams.get('state')).toBe('state-1');
    const tokens = await redeemCode(stack, request, callback);
    expect(decodeJwt(tokens.id_token)).toMatchObject({ acr: 'low', email, name: 'Jeanne Schmit' });
    // The graph's services record who acted and mail the person in their language from these claims.
    expect(decodeJwt(tokens.access_token)).toMatchObject({
      acr: 'low',
      aud: 'urn:gemeng:graph',
      name: 'Jeanne Schmit',
      email,
      locale: 'fr',
    });

    const me = await graphql(stack, '{ me { name email emailVerified preferredLanguage } }', {}, tokens.access_token);
    expect(me.body).toEqual({
      data: { me: { name: 'Jeanne Schmit', email, emailVerified: true, preferredLanguage: 'fr' } },
    });
    const anonymous = await graphql(stack, '{ me { name } }');
    expect(anonymous.body).toEqual({ data: { me: null } });
  });

  it('resets a forgotten password with the link of the mail, without telling strangers whether an account exists', async () => {
    const nobody = `nobody.${randomBytes(3).toString('hex')}@example.lu`; // mails to one address are limited
    const unknown = await browse('/account/reset?lang=fr', { email: nobody });
    const known = await browse('/account/reset?lang=fr', { email });
    expect(unknown.html.replace(nobody, email)).toBe(known.html);
    const mail = await stack.mail.waitFor(email, (m) => m.subject === 'Redéfinir votre mot de passe');
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

    // The change is in the security log, and whoever knew the old password is signed out: the session of the
    // sign-in above is gone, only the new sign-in's is left.
    const { access_token } = await signIn(stack, email, 'Bouneschlupp am Wanter 2026');
    const me = await graphql<{ me: { sessions: unknown[]; securityLog: { kind: string }[] } }>(
      stack,
      '{ me { sessions { id } securityLog { kind } } }',
      undefined,
      access_token,
    );
    expect(me.body.data?.me.sessions).toHaveLength(1);
    expect(me.body.data?.me.securityLog.map((e) => e.kind)).toContain('password-changed');
  });

  it('refuses a form posted from another site', async () => {
    const response = await fetch(new URL('/account/register', stack.oidcIssuer), {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'x@example.lu' }),
    });
    expect(response.status).toBe(403);
  });
});
