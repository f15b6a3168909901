/**
 * The pages that send mail cannot be used to write to strangers or to flood a mailbox: nothing typed in the
 * form reaches an address that has not been confirmed, the answer is the same whether or not the address has
 * an account, and mails are limited per target address and per client address.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueToken } from '../../subgraphs/identity/src/accounts/tokens.ts';
import { createDb } from '../../subgraphs/identity/src/db.ts';
import { startIdentityWeb } from '../support/identity-web.ts';
import { type Browser, createBrowser, createPerson } from '../support/oidc.ts';

let stack: Awaited<ReturnType<typeof startIdentityWeb>>;
let browser: Browser;

beforeAll(async () => {
  // identity's pages alone: what these tests exercise, started in seconds even on a busy machine.
  stack = await startIdentityWeb(inject('postgresUrl'), 'account_mails');
  browser = createBrowser(new URL(stack.oidcIssuer).origin);
});
afterAll(() => stack?.stop());

const unique = (what: string) => `${what}.${randomBytes(4).toString('hex')}@example.lu`;
const SPAM = 'Claim your prize at https://prize.example';
const register = (email: string, name = SPAM) =>
  browser.browse('/account/register?lang=fr', {
    name,
    email,
    password: 'Bouneschlupp am Wanter 2026',
    passwordConfirmation: 'Bouneschlupp am Wanter 2026',
    language: 'fr',
  });
const reset = (email: string) => browser.browse('/account/reset?lang=fr', { email });

describe('the pages that send mail', () => {
  it('answer the same for an address with an account, whose owner gets a neutral notice without the typed name', async () => {
    const owner = await createPerson(stack);
    const stranger = unique('stranger');
    const known = await register(owner.email);
    const unknown = await register(stranger);
    expect(known.status).toBe(200);
    expect(known.html.replaceAll(owner.email, stranger)).toBe(unknown.html);

    const notice = await stack.mail!.waitFor(owner.email, (m) => m.subject === 'Vous avez déjà un compte Gemeng');
    expect(notice.text).not.toContain('prize');
    // A link to the reset page, not a reset token a stranger could have mailed again and again.
    expect(notice.text).toMatch(/\/account\/reset\?lang=fr\s/);
    expect(notice.text).not.toContain('token=');
    // The new, unconfirmed address gets its verification mail, without the name typed in the form either.
    const verification = await stack.mail!.waitFor(stranger, (m) => m.subject.startsWith('Confirmez votre adresse'));
    expect(verification.text).not.toContain('prize');
    expect(verification.html ?? '').not.toContain('prize');
  });

  it('confirm an address only with the button of the page the link opens, not by fetching the link', async () => {
    const email = unique('scanned');
    await register(email, 'Jeanne Schmit');
    const mail = await stack.mail!.waitFor(email, (m) => m.subject.startsWith('Confirmez votre adresse'));
    const link = mail.text.match(/http\S+\/account\/verify\?token=[\w-]+&lang=fr/)?.[0] ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';
    const verified = async () => {
      const db = createDb(stack.databaseUrls.identity);
      const user = await db.user.findUniqueOrThrow({ where: { email } }).finally(() => db.$disconnect());
      return user.emailVerifiedAt !== null;
    };
    // A mail scanner fetches the link, twice: nothing is confirmed, the link still works.
    for (let i = 0; i < 2; i++) {
      const page = await browser.browse(link);
      expect(page.status).toBe(200);
      expect(page.html).toContain(`name="token" value="${token}"`);
      expect(page.html).toContain('<button type="submit">Confirmer l’adresse</button>');
    }
    expect(await verified()).toBe(false);
    expect((await browser.browse('/account/verify?lang=fr', { token })).html).toContain('Adresse confirmée');
    expect(await verified()).toBe(true);
    expect((await browser.browse('/account/verify?lang=fr', { token })).html).toContain('Adresse déjà confirmée');
  });

  it('change an address only with the button of the page the confirmation link opens', async () => {
    const person = await createPerson(stack);
    const newEmail = unique('moved');
    const db = createDb(stack.databaseUrls.identity);
    const token = await issueToken(db, person.id, 'change-email', newEmail).finally(() => db.$disconnect());
    const link = `/account/email/confirm?token=${token}&lang=fr`;
    const page = await browser.browse(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Veuillez confirmer cette adresse comme nouvelle adresse');
    expect(page.html).toContain(`name="token" value="${token}"`);
    // The language links keep the token.
    expect(page.html).toContain(`href="/account/email/confirm?token=${token}&amp;lang=de"`);
    expect((await browser.browse(link)).status).toBe(200); // fetched again: still unused
    expect((await browser.browse('/account/email/confirm?lang=fr', { token })).html).toContain('Adresse confirmée');
    expect((await browser.browse('/account/email/confirm?lang=fr', { token })).status).toBe(410);
    await stack.mail!.waitFor(person.email, (m) => m.subject === 'L’adresse de votre compte Gemeng a changé');
  });

  it('send at most three mails an hour to one address, and say so in the page language', async () => {
    const target = unique('flooded');
    for (let i = 0; i < 3; i++) expect((await reset(target)).status).toBe(200);
    const refused = await browser.browse('/account/reset?lang=de', { email: target });
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('Zu viele Anfragen');
    expect(refused.html).toContain('in 60 Minuten');
    // Registering that address counts against the same limit.
    expect((await register(target)).status).toBe(429);
  });

  it('take only ten mail requests from one client address within ten minutes', async () => {
    // Eight requests were counted for this address by the tests above (the refused ones included).
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await reset(unique('many'))).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await reset(unique('more'));
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('Trop de demandes');
  });
});

describe('when the mail server is down', () => {
  let down: Awaited<ReturnType<typeof startIdentityWeb>>;
  beforeAll(async () => {
    // Port 9 (discard): nothing listens there, every delivery fails.
    down = await startIdentityWeb(inject('postgresUrl'), 'account_mails_down', { SMTP_URL: 'smtp://127.0.0.1:9' });
  });
  afterAll(() => down?.stop());

  it('registration and reset still answer normally (the failure is logged, never a 500)', async () => {
    const person = await createPerson(down);
    const visitor = createBrowser(new URL(down.oidcIssuer).origin);
    const form = (email: string) => ({
      name: 'Jeanne',
      email,
      password: 'Bouneschlupp am Wanter 2026',
      passwordConfirmation: 'Bouneschlupp am Wanter 2026',
      language: 'fr',
    });
    for (const email of [person.email, unique('new')]) {
      const registered = await visitor.browse('/account/register?lang=fr', form(email));
      expect(registered.status).toBe(200);
      expect(registered.html).toContain('Consultez votre messagerie');
      const reset = await visitor.browse('/account/reset?lang=fr', { email });
      expect(reset.status).toBe(200);
    }
  });
});
