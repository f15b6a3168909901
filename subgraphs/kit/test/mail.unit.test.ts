import { createServer } from 'node:net';
import { createMessages } from '@gemeng/i18n';
import { ConfigError, createLogger, loadConfig } from '@gemeng/service-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../../../scripts/mail-catcher.ts';
import { createMailer, MailDeliveryError, type Mailer, mailFrom, renderMail, smtpUrl } from '../src/mail/index.ts';

const log = createLogger('mail-test');
const FROM = 'Gemeng <no-reply@gemeng.lu>';

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('mailer and mail catcher', () => {
  let catcher: MailCatcher;
  let mailer: Mailer;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: FROM, log });
  });
  afterAll(async () => {
    await mailer?.close();
    await catcher?.close();
  });
  beforeEach(async () => {
    const res = await fetch(new URL('/messages', catcher.inboxUrl), { method: 'DELETE' });
    expect(res.status).toBe(204);
  });

  it('delivers a UTF-8 text + HTML message that the catcher parses', async () => {
    const subject = 'Confirmez votre adresse électronique';
    const text = 'Grüß Gott, Jean!\nMoien, ech sinn ë Bréif.\n';
    const id = await mailer.send({
      to: 'Jean.Muller@Example.lu',
      subject,
      text,
      html: '<p>Grüß Gott — ë</p>',
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    expect(id).toMatch(/^<.+@.+>$/);

    const mail = await catcher.waitFor('jean.muller@example.lu', undefined, 5000);
    expect(mail.to).toEqual(['Jean.Muller@example.lu']); // nodemailer lower-cases the domain
    expect(mail.from).toBe('Gemeng <no-reply@gemeng.lu>');
    expect(mail.subject).toBe(subject);
    expect(mail.text.trim()).toBe(text.trim());
    expect(mail.html).toContain('Grüß Gott — ë');
    expect(mail.headers['message-id']).toBe(id);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');

    const byId = await fetch(new URL(`/messages/${mail.id}`, catcher.inboxUrl));
    expect(await byId.json()).toEqual(mail);
    expect((await fetch(new URL('/messages/nope', catcher.inboxUrl))).status).toBe(404);
  });

  it('lists newest first, filters by recipient case-insensitively, and clears', async () => {
    await mailer.send({ to: 'anne@example.lu', subject: 'first', text: 'one' });
    await mailer.send({ to: 'paul@example.lu', subject: 'second', text: 'two' });
    await mailer.send({ to: 'Anne@Example.LU', subject: 'third', text: 'three' });

    const all = (await (await fetch(new URL('/messages', catcher.inboxUrl))).json()) as { subject: string }[];
    expect(all.map((m) => m.subject)).toEqual(['third', 'second', 'first']);
    expect(catcher.messages().map((m) => m.subject)).toEqual(['third', 'second', 'first']);

    const anne = (await (await fetch(new URL('/messages?to=ANNE@example.lu', catcher.inboxUrl))).json()) as {
      subject: string;
    }[];
    expect(anne.map((m) => m.subject)).toEqual(['third', 'first']);

    expect((await fetch(new URL('/messages', catcher.inboxUrl), { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(new URL('/messages', catcher.inboxUrl))).json()).toEqual([]);
    expect(catcher.messages()).toEqual([]);
  });

  it('waitFor resolves on a mail that arrives later and times out otherwise', async () => {
    const waiting = catcher.waitFor('late@example.lu', (m) => m.subject.includes('code'), 5000);
    await mailer.send({ to: 'late@example.lu', subject: 'no match', text: 'x' });
    await mailer.send({ to: 'late@example.lu', subject: 'your code', text: '123456' });
    expect((await waiting).text.trim()).toBe('123456');
    await expect(catcher.waitFor('nobody@example.lu', undefined, 100)).rejects.toThrow(/nobody@example.lu/);
  });

  it('shows the inbox as escaped HTML, never the mail HTML', async () => {
    await mailer.send({
      to: 'x@example.lu',
      subject: '<script>alert(1)</script>',
      text: 'body <img src=x onerror=alert(2)>',
      html: '<script>alert(3)</script>',
    });
    const res = await fetch(catcher.inboxUrl);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<pre>body &lt;img src=x onerror=alert(2)&gt;');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
  });

  it('refuses a port that is in use, naming it', async () => {
    const port = Number(new URL(catcher.smtpUrl).port);
    await expect(startMailCatcher({ smtpPort: port, httpPort: 0 })).rejects.toThrow(new RegExp(`port ${port}`));
  });
});

describe('mailer failures', () => {
  it('throws MailDeliveryError naming host:port when nothing listens', async () => {
    const port = await closedPort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, log, timeoutMs: 2000 });
    try {
      const error = await mailer.send({ to: 'a@example.lu', subject: 's', text: 't' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect((error as Error).name).toBe('MailDeliveryError');
      expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    } finally {
      await mailer.close();
    }
  });

  it('never shows the password', async () => {
    const port = await closedPort();
    const mailer = createMailer({
      smtpUrl: `smtps://mailer:s3cr%40t-pass@127.0.0.1:${port}`,
      from: FROM,
      log,
      timeoutMs: 2000,
    });
    try {
      const error = (await mailer.verify().catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(MailDeliveryError);
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(error.message).not.toMatch(/s3cr/);
    } finally {
      await mailer.close();
    }
  });
});

describe('mail settings', () => {
  const settings = { smtpUrl: smtpUrl('SMTP_URL'), from: mailFrom('MAIL_FROM') };

  it('accepts smtp:// and smtps:// URLs and RFC 5322 senders', () => {
    expect(loadConfig(settings, { SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_FROM: FROM })).toEqual({
      smtpUrl: 'smtp://127.0.0.1:1025',
      from: FROM,
    });
    expect(
      loadConfig(settings, { SMTP_URL: 'smtps://user:pass@mail.example.lu:465', MAIL_FROM: 'no-reply@gemeng.lu' }),
    ).toEqual({ smtpUrl: 'smtps://user:pass@mail.example.lu:465', from: 'no-reply@gemeng.lu' });
    expect(loadConfig(settings, { SMTP_URL: 'smtp://h', MAIL_FROM: '"Gemeng, Dudelange" <a.b@x.lu>' }).from).toBe(
      '"Gemeng, Dudelange" <a.b@x.lu>',
    );
  });

  it('rejects malformed values in one line naming the variable, without the password', () => {
    const load = (env: Record<string, string>) => () =>
      loadConfig(settings, { SMTP_URL: 'smtp://h', MAIL_FROM: FROM, ...env });
    expect(load({ SMTP_URL: '' })).toThrow(/^SMTP_URL is not set/);
    expect(load({ SMTP_URL: 'http://user:hunter2@mail:25' })).toThrow(ConfigError);
    expect(load({ SMTP_URL: 'http://user:hunter2@mail:25' })).toThrow(/SMTP_URL.*smtp:\/\//);
    expect(load({ SMTP_URL: 'smtp://user:hunter2@mail:25/path' })).toThrow(/^SMTP_URL: .*user:\*\*\*@mail/);
    expect(load({ SMTP_URL: 'smtp://user:hunter2@mail:25/path' })).not.toThrow(/hunter2/);
    expect(load({ MAIL_FROM: 'Gemeng' })).toThrow(/^MAIL_FROM="Gemeng" is not a mail address/);
    expect(load({ MAIL_FROM: 'a@b.lu\r\nBcc: x@y.lu' })).toThrow(/MAIL_FROM/);
    expect(load({ MAIL_FROM: 'Gemeng <no-reply@>' })).toThrow(/MAIL_FROM/);
    expect(load({ MAIL_FROM: '' })).toThrow(/^MAIL_FROM is not set/);
  });
});

describe('renderMail', () => {
  // A mail as the messages of a feature: `<mail>.subject`, `<mail>.body` (paragraphs), `<mail>.action` (link label).
  const messages = createMessages('mails', {
    fr: {
      'verify.subject': 'Confirmez votre adresse électronique, {name}',
      'verify.body': 'Bonjour {name},\n\nConfirmez votre adresse pour R&D.',
      'verify.action': 'Confirmer mon adresse',
    },
    de: {
      'verify.subject': 'Bestätigen Sie Ihre E-Mail-Adresse, {name}',
      'verify.body': 'Guten Tag {name},\n\nbitte bestätigen Sie Ihre Adresse.',
      'verify.action': 'Adresse bestätigen',
    },
    lb: {
      'verify.subject': 'Confirméiert Är E-Mail-Adress, {name}',
      'verify.body': 'Moien {name},\n\nconfirméiert w.e.g. Är Adress.',
    },
    en: {},
  });
  const vars = { name: '<b>Jean</b>', url: 'https://portal.example.lu/verify?token=abc123' };

  it('interpolates plain in the text and escaped in the html', () => {
    const mail = renderMail(messages, 'verify', 'de', vars);
    expect(mail.lang).toBe('de');
    expect(mail.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse, <b>Jean</b>');
    expect(mail.text).toBe(
      'Guten Tag <b>Jean</b>,\n\nbitte bestätigen Sie Ihre Adresse.\n\nAdresse bestätigen:\nhttps://portal.example.lu/verify?token=abc123\n',
    );
    expect(mail.text.split('\n')).toContain('https://portal.example.lu/verify?token=abc123');
    expect(mail.html).toContain('<html lang="de"');
    expect(mail.html).toContain('Guten Tag &lt;b&gt;Jean&lt;/b&gt;,');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('<title>Bestätigen Sie Ihre E-Mail-Adresse, &lt;b&gt;Jean&lt;/b&gt;</title>');
    expect(mail.html).toMatch(
      /<a href="https:\/\/portal\.example\.lu\/verify\?token=abc123"[^>]*>Adresse bestätigen<\/a>/,
    );
    expect(mail.html).not.toMatch(/<img|<script/);
  });

  it('escapes the message text itself and renders mails without an action', () => {
    expect(renderMail(messages, 'verify', 'fr', vars).html).toContain('pour R&amp;D.');
    const lb = renderMail(messages, 'verify', 'lb', vars);
    expect(lb.subject).toBe('Confirméiert Är E-Mail-Adress, <b>Jean</b>');
    expect(lb.html).toContain('<html lang="lb"');
    expect(lb.html).not.toContain('<a ');
    expect(lb.text).toBe('Moien <b>Jean</b>,\n\nconfirméiert w.e.g. Är Adress.\n');
  });

  it('falls back along the reader’s fallback order for a missing language', () => {
    const mail = renderMail(messages, 'verify', 'en', vars);
    expect(mail.lang).toBe('fr');
    expect(mail.subject).toBe('Confirmez votre adresse électronique, <b>Jean</b>');
    expect(mail.html).toContain('<html lang="fr"');
  });

  it('refuses a missing value, an unknown mail and a non-http action URL', () => {
    expect(() => renderMail(messages, 'verify', 'fr', { url: vars.url })).toThrow(/name/);
    expect(() => renderMail(messages, 'welcome', 'fr', vars)).toThrow(/no mail "welcome"/);
    expect(() => renderMail(messages, 'verify', 'fr', { name: 'Jean', url: 'javascript:alert(1)' })).toThrow(/http/);
  });

  it('travels through SMTP intact', async () => {
    const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    const mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: FROM, log });
    try {
      const mail = renderMail(messages, 'verify', 'fr', {
        name: 'Renée',
        url: 'https://portal.example.lu/verify?token=xyz',
      });
      await mailer.send({ to: 'renee@example.lu', ...mail });
      const got = await catcher.waitFor('renee@example.lu', undefined, 5000);
      expect(got.subject).toBe('Confirmez votre adresse électronique, Renée');
      expect(got.text).toContain('\nhttps://portal.example.lu/verify?token=xyz\n');
      expect(got.html).toContain('href="https://portal.example.lu/verify?token=xyz"');
    } finally {
      await mailer.close();
      await catcher.close();
    }
  });
});
