/**
 * What the procedures journey (procedures-journey.browser.test.ts) needs besides the pages: the widgets' French
 * texts, people with an authenticator app whose secret the test holds, identity's pages in a popup, a commune
 * website with the catalogue and the form, a valid national number, a small real PDF and the caught mails.
 */
import { type APIRequestContext, type BrowserContext, expect, type Locator, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { luhnDigit, verhoeffDigit } from '../../../forms/src/formats.ts';
import CATALOGUE from '../../../frontends/procedures/src/messages/catalogue/fr.json' with { type: 'json' };
import FORM from '../../../frontends/procedures/src/messages/form/fr.json' with { type: 'json' };
import MINE from '../../../frontends/procedures/src/messages/mine/fr.json' with { type: 'json' };
import OFFICE from '../../../frontends/procedures/src/messages/office/fr.json' with { type: 'json' };
import type { CaughtMail } from '../../../scripts/mail-catcher.ts';
import { createDb } from '../../../subgraphs/identity/src/db.ts';
import STATES from '../../../subgraphs/procedures/src/messages/applications/fr.json' with { type: 'json' };
import MAILS from '../../../subgraphs/procedures/src/messages/mails/fr.json' with { type: 'json' };
import { createPerson, type OidcStack, type Person, type PersonOptions } from '../../support/oidc.ts';
import { IDENTITY_FR } from '../citizen.ts';
import { mailInboxUrl, shellUrl } from '../env.ts';
import { openForeignPage } from '../foreign-page.ts';
import { SECOND_FACTOR_FR } from '../step-up.ts';
import { escapeRegExp } from './wrong-language.ts';

/** The widgets' and mails' texts in French, as the people of the journey read them. */
export const T = { catalogue: CATALOGUE, form: FORM, mine: MINE, office: OFFICE, mails: MAILS } as const;

/** A state as the status mails name it (the `select` of the subgraph's `state` message). */
export function stateInMails(state: string): string {
  return new RegExp(`\\b${state} \\{([^}]+)\\}`).exec(STATES.state)?.[1] ?? state;
}

/** An ICU message with its `{name}` arguments filled in (plain ones only: no plural or date). */
export function fill(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A message with plain arguments as a pattern (the others, e.g. dates, match anything). */
export function pattern(message: string, values: Record<string, string> = {}): RegExp {
  const parts = message.split(/(\{\w+(?:,[^{}]*(?:\{[^{}]*\}[^{}]*)*)?\})/);
  const source = parts
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name && values[name] !== undefined) return escapeRegExp(values[name]);
      return part.startsWith('{') ? '.+?' : escapeRegExp(part);
    })
    .join('');
  return new RegExp(source);
}

/**
 * An authenticator app on the person's phone: the factor written into identity's database with a secret the test
 * knows. Identity accepts each 30-second step once (and the steps next to the current one): `code()` gives the
 * code of a step not used yet, waiting for it when needed.
 */
export class AuthenticatorApp {
  #lastStep = 0;
  constructor(private readonly totp: TOTP) {}

  async code(): Promise<string> {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, this.#lastStep + 1);
    if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 100));
    this.#lastStep = step;
    return this.totp.generate({ timestamp: step * 30_000 + 1_000 });
  }
}

/** A new person (see `createPerson`) who set up an authenticator app. */
export async function personWithApp(
  stack: OidcStack,
  options: PersonOptions,
): Promise<Person & { app: AuthenticatorApp }> {
  const person = await createPerson(stack, options);
  const secret = new Secret({ size: 20 });
  const db = createDb(stack.databaseUrls.identity);
  try {
    await db.totpFactor.create({ data: { userId: person.id, secret: secret.base32, confirmedAt: new Date() } });
  } finally {
    await db.$disconnect();
  }
  return { ...person, app: new AuthenticatorApp(new TOTP({ secret, digits: 6, period: 30 })) };
}

/** Identity's second-factor page (in a popup or the page): the app's code. */
export async function answerSecondFactor(page: Page, app: AuthenticatorApp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECOND_FACTOR_FR.title);
  await page.getByLabel(SECOND_FACTOR_FR.totp).fill(await app.code());
  await page.getByLabel(SECOND_FACTOR_FR.totp).press('Enter');
}

/** Identity's sign-in page: email and password. */
export async function answerPassword(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(IDENTITY_FR.signInTitle);
  await page.getByLabel(IDENTITY_FR.email, { exact: true }).fill(person.email);
  await page.getByLabel(IDENTITY_FR.password, { exact: true }).fill(person.password);
  await page.getByRole('button', { name: IDENTITY_FR.signIn }).click();
}

/**
 * Clicks `button`, which opens identity in a popup; answers the password (unless already signed in) and the
 * app's code (when identity asks for it), and waits until the page closes the popup.
 */
export async function inPopup(
  page: Page,
  button: Locator,
  answers: { person?: Pick<Person, 'email' | 'password'>; app?: AuthenticatorApp },
): Promise<void> {
  const opened = page.waitForEvent('popup');
  await button.click();
  const popup = await opened;
  const closed = popup.waitForEvent('close');
  if (answers.person) await answerPassword(popup, answers.person);
  if (answers.app) await answerSecondFactor(popup, answers.app);
  await closed;
}

/** The portal's header sign-in (a redirect to identity and back), with the password alone. */
export async function signInOnPortal(page: Page, path: string, person: Person): Promise<void> {
  await page.goto(`${shellUrl()}${path}`);
  await page.locator('gemeng-login').getByRole('button', { name: 'Se connecter' }).click();
  await answerPassword(page, person);
  await expect(page).toHaveURL(`${shellUrl()}${path}`);
  await expect(page.locator('gemeng-login').locator('[part="name"]')).toContainText(person.name);
}

/** A fresh browser (its own cookies and storage: another device) with one page, in French. */
export async function newDevice(context: () => Promise<BrowserContext>): Promise<Page> {
  const page = await (await context()).newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return page;
}

/**
 * The commune's website (another origin than the portal): its page of online procedures, whose links lead to its
 * page with the form (`form-href`), as its webmaster pastes the snippets.
 */
export async function openCommuneWebsite(page: Page, slug: string): Promise<void> {
  const head = `<script type="module" src="${shellUrl()}/embed.js"></script>`;
  const title = 'Ville de Dudelange';
  // The form's page first: the catalogue's links lead there.
  await openForeignPage(page, '/demarche.html', {
    title: `${title} – Démarche en ligne`,
    lang: 'fr',
    head,
    main: `<gemeng-procedure-form commune="${slug}"></gemeng-procedure-form>`,
  });
  await openForeignPage(page, '/demarches.html', {
    title: `${title} – Démarches en ligne`,
    lang: 'fr',
    head,
    main: `<gemeng-procedures commune="${slug}" form-href="demarche.html?procedure={procedure}"></gemeng-procedures>`,
  });
}

/** A valid national identification number (matricule) of someone born on `birth` (yyyymmdd). */
export function nationalNumber(birth: string, serial = '123'): string {
  const base = `${birth}${serial}`;
  return `${base}${luhnDigit(base)}${verhoeffDigit(base)}`;
}

/** A small, real one-page PDF (what a scanner makes of a letter, minus the scan). */
export function letterPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The newest mail to `to` whose subject matches, from the catcher (attachments' names, types and first bytes). */
export async function mailTo(request: APIRequestContext, to: string, subject: RegExp): Promise<CaughtMail> {
  const url = new URL('messages', mailInboxUrl());
  url.searchParams.set('to', to);
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await request.get(url.href)).json()) as CaughtMail[];
        found = mails.find((mail) => subject.test(mail.subject));
        return Boolean(found);
      },
      { message: `a mail to ${to} with a subject like ${subject}`, timeout: 20_000 },
    )
    .toBe(true);
  return found as CaughtMail;
}
