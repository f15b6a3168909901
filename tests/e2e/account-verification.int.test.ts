/**
 * Registration and confirmation lead somewhere: the confirmation mail can be sent again (limited like every mail
 * page, and answered the same whether or not an account waits for it), a confirmed address leads to signing in
 * on the portal, and a second click on the mail's link says the address is confirmed already. The pages follow
 * GOV.UK's error pattern: "Erreur : " first in the title, a summary linking to each field, an own message for
 * each empty field, and a warning before the account is locked.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { startIdentityWeb } from '../support/identity-web.ts';
import { authorizationRequest, type Browser, createBrowser, createPerson } from '../support/oidc.ts';

let stack: Awaited<ReturnType<typeof startIdentityWeb>>;
let browser: Browser;

beforeAll(async () => {
  stack = await startIdentityWeb(inject('postgresUrl'), 'account_verification');
  browser = createBrowser(new URL(stack.oidcIssuer).origin);
});
afterAll(() => stack?.stop());

const PORTAL = 'http://127.0.0.1:9'; // GEMENG_PORTAL_ORIGINS of startIdentityWeb
const PASSWORD = 'Bouneschlupp am Wanter 2026';
const unique = (what: string) => `${what}.${randomBytes(4).toString('hex')}@example.lu`;
const register = (email: string, fields: Record<string, string> = {}) =>
  browser.browse('/account/register?lang=fr', {
    name: 'Jeanne Schmit',
    email,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    language: 'fr',
    ...fields,
  });
const resend = (email: string, client = browser) => client.browse('/account/verify/resend?lang=fr', { email });
const title = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
const verificationMails = (to: string) =>
  stack.mail?.messages().filter((m) => m.to.includes(to) && m.subject.startsWith('Confirmez votre adresse')) ?? [];
const linkIn = (text: string) => text.match(/http\S+\/account\/verify\?token=[\w-]+&lang=fr/)?.[0] ?? '';

async function verified(email: string) {
  const db = createDb(stack.databaseUrls.identity);
  const user = await db.user.findUniqueOrThrow({ where: { email } }).finally(() => db.$disconnect());
  return user.emailVerifiedAt !== null;
}

describe('the confirmation mail', () => {
  it('can be sent again from the registration’s answer, which answers the same for any address', async () => {
    const waiting = unique('waiting');
    const answer = await register(waiting);
    expect(answer.html).toContain('action="/account/verify/resend?lang=fr"');
    expect(answer.html).toContain(`value="${waiting}"`);
    await stack.mail?.waitFor(waiting, (m) => m.subject.startsWith('Confirmez votre adresse'));

    const confirmed = await createPerson(stack); // an account whose address is confirmed already
    const stranger = unique('stranger');
    const pages = [await resend(waiting), await resend(confirmed.email), await resend(stranger)];
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    // No account enumeration: the three answers differ only by the address typed.
    expect(pages[1]?.html.replaceAll(confirmed.email, waiting)).toBe(pages[0]?.html);
    expect(pages[2]?.html.replaceAll(stranger, waiting)).toBe(pages[0]?.html);

    // Only the address waiting for its confirmation gets a new link, and the first link lapses.
    for (let i = 0; i < 100 && verificationMails(waiting).length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [second, first] = verificationMails(waiting); // newest first
    expect(verificationMails(waiting)).toHaveLength(2);
    expect(verificationMails(confirmed.email)).toHaveLength(0);
    expect(verificationMails(stranger)).toHaveLength(0);
    const oldToken = new URL(linkIn(first?.text ?? '')).searchParams.get('token') ?? '';
    const lapsed = await browser.browse('/account/verify?lang=fr', { token: oldToken });
    expect(lapsed.status).toBe(410);
    expect(lapsed.html).toContain('action="/account/verify/resend?lang=fr"'); // the way on: a new link
    expect(await verified(waiting)).toBe(false);

    const token = new URL(linkIn(second?.text ?? '')).searchParams.get('token') ?? '';
    const done = await browser.browse('/account/verify?lang=fr', { token });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Adresse confirmée');
    expect(done.html).toContain(`href="${PORTAL}/account?lang=fr">Se connecter sur le portail</a>`);
    expect(await verified(waiting)).toBe(true);

    // A second click on the same link: not an error, the address is confirmed already; and the way to sign in.
    const again = await browser.browse('/account/verify?lang=de', { token });
    expect(again.status).toBe(200);
    expect(again.html).toContain('<h1>Adresse bereits bestätigt</h1>');
    expect(again.html).toContain(`href="${PORTAL}/account?lang=de">Im Portal einloggen</a>`);
    // A made-up token is still refused.
    expect((await browser.browse('/account/verify?lang=fr', { token: 'x'.repeat(43) })).status).toBe(410);
  });

  it('is limited like every mail page: three an hour to one address', async () => {
    const email = unique('impatient');
    const client = createBrowser(new URL(stack.oidcIssuer).origin);
    expect((await register(email)).status).toBe(200);
    expect((await resend(email, client)).status).toBe(200);
    expect((await resend(email, client)).status).toBe(200);
    const refused = await resend(email, client);
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('Trop de demandes');
  });

  it('asks for the address when the field is empty', async () => {
    const empty = await browser.browse('/account/verify/resend?lang=lb', { email: '' });
    expect(empty.status).toBe(422);
    expect(title(empty.html)).toMatch(/^Feeler: /);
    expect(empty.html).toContain('<a href="#email">Gitt Är E-Mail-Adress an.</a>');
  });
});

describe('GOV.UK’s error pattern', () => {
  it('registration: each empty field its own message, linked from the summary; "Erreur : " in the title', async () => {
    const page = await browser.browse('/account/register?lang=fr', {
      name: '',
      email: '',
      password: '',
      passwordConfirmation: '',
      language: 'fr',
    });
    expect(page.status).toBe(422);
    expect(title(page.html)).toBe('Erreur : Créer un compte Gemeng – Gemeng');
    expect(page.html).toContain('<script src="/account/errors.js" defer></script>');
    for (const [field, text] of [
      ['name', 'Saisissez votre nom.'],
      ['email', 'Saisissez votre adresse e-mail.'],
      ['password', 'Saisissez votre mot de passe.'],
      ['passwordConfirmation', 'Saisissez le mot de passe une deuxième fois.'],
    ]) {
      expect(page.html).toContain(`<li><a href="#${field}">${text}</a></li>`);
      expect(page.html).toContain(`<p class="error" id="${field}-error">${text}</p>`);
    }
    // The privacy notice, on the portal, is linked at registration; and the way back to the portal.
    expect(page.html).toContain(`href="${PORTAL}/privacy?lang=fr"`);
    expect(page.html).toContain(`href="${PORTAL}/?lang=fr">Retour au portail</a>`);
    // Without errors, no prefix and no script.
    const clean = await browser.browse('/account/register?lang=lb');
    expect(title(clean.html)).toBe('Gemeng-Kont uleeën – Gemeng');
    expect(clean.html).not.toContain('errors.js');
  });

  it('sign-in: empty fields are asked for without counting, and a warning comes before the lockout', async () => {
    const person = await createPerson(stack);
    const client = createBrowser(new URL(stack.oidcIssuer).origin, 'lb');
    const start = await client.browse(authorizationRequest(stack, { lang: 'lb' }).url);
    const interaction = start.location ?? '';
    expect(interaction).toMatch(/\/interaction\//);
    const login = (password: string) => client.browse(`${interaction}/login`, { email: person.email, password });

    const empty = await client.browse(`${interaction}/login`, { email: '', password: '', lang: 'lb' });
    expect(empty.status).toBe(422);
    expect(title(empty.html)).toBe('Feeler: Aloggen – Gemeng');
    expect(empty.html).toContain('<a href="#email">Gitt Är E-Mail-Adress an.</a>');
    expect(empty.html).toContain('<a href="#password">Gitt Äert Passwuert an.</a>');

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await login(`wrong guess ${i}`));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[0]?.html).not.toContain('class="warning"');
    expect(answers[1]?.html).toContain('Nach 3 Versich, ier Äre Kont fir 15 Minutte gespaart gëtt.');
    expect(answers[3]?.html).toContain('Nach ee Versuch, ier Äre Kont fir 15 Minutte gespaart gëtt.');
    // The fifth wrong password locks the account, and the page says so at once.
    expect(answers[4]?.html).toContain('Ze vill Versich. Probéiert et an 15 Minutten nach eng Kéier.');
    expect(title(answers[4]?.html ?? '')).toBe('Feeler: Aloggen – Gemeng');
    expect((await login(person.password)).status).toBe(429);
  });
});
