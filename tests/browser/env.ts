import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through tests/playwright.config.ts.`);
  return value;
}

export const shellUrl = (): string => required('GEMENG_SHELL_URL').replace(/\/$/, '');
export const routerUrl = (): string => required('GEMENG_ROUTER_URL');
export const embedPort = (): number => Number(required('GEMENG_EMBED_PORT'));

export type Lang = 'lb' | 'fr' | 'de' | 'en';

/**
 * The operation <gemeng-commune-card> sends, read from the portal's built operations manifest (the browser tests
 * run on a fresh build), so tests compare the page with what the router really returns for it.
 */
let communeCardQuery: string | undefined;
function communeCardQueryOf(): string {
  if (communeCardQuery) return communeCardQuery;
  const manifest = new URL('../../frontends/portal/dist/operations.json', import.meta.url);
  const operations = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; document: string }[];
  communeCardQuery = operations.find((operation) => operation.name === 'CommuneCard')?.document;
  if (!communeCardQuery) throw new Error(`No CommuneCard operation in ${manifest.pathname}: run npm run build.`);
  return communeCardQuery;
}

export interface Commune {
  slug: string;
  name: string;
  population: number;
  procedures: { code: string; title: string }[];
  upcomingEvents: { title: string; startsAt: string }[];
}

export async function fetchCommune(request: APIRequestContext, slug: string, lang: Lang): Promise<Commune> {
  const response = await request.post(routerUrl(), {
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    data: { query: communeCardQueryOf(), variables: { slug } },
  });
  const body = (await response.json()) as { data?: { commune: Commune | null }; errors?: unknown[] };
  if (!body.data?.commune) throw new Error(`The router returned no commune "${slug}": ${JSON.stringify(body)}`);
  return body.data.commune;
}

/** Node's and Chromium's ICU may pick different spaces (narrow no-break, no-break): compare without them. */
export const squash = (text: string | null): string => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

export function euros(lang: Lang, cents: number): string {
  return squash(new Intl.NumberFormat(`${lang}-LU`, { style: 'currency', currency: 'EUR' }).format(cents / 100));
}

export function number(lang: Lang, value: number): string {
  return squash(new Intl.NumberFormat(`${lang}-LU`).format(value));
}

/** Labels the card must show per language (from frontends/portal/src/messages.ts). */
export const LABELS: Record<Lang, { procedures: string; events: string; inhabitants: RegExp }> = {
  lb: {
    procedures: 'Online-Démarchen',
    events: 'Nächst Evenementer',
    inhabitants: /Awunner/,
  },
  fr: {
    procedures: 'Démarches en ligne',
    events: 'Prochains événements',
    inhabitants: /habitants?/,
  },
  de: {
    procedures: 'Online-Verfahren',
    events: 'Nächste Veranstaltungen',
    inhabitants: /Einwohner/,
  },
  en: {
    procedures: 'Online procedures',
    events: 'Upcoming events',
    inhabitants: /inhabitants?/,
  },
};

export const NOT_FOUND: Record<Lang, string> = {
  lb: 'Gemeng net fonnt',
  fr: 'Commune introuvable',
  de: 'Gemeinde nicht gefunden',
  en: 'Commune not found',
};

export const oidcIssuer = (): string => required('GEMENG_OIDC_ISSUER').replace(/\/$/, '');
export const identityOrigin = (): string => new URL(oidcIssuer()).origin;
export const mailInboxUrl = (): string => required('GEMENG_MAIL_INBOX_URL');

interface CaughtMail {
  id: string;
  to: string[];
  subject: string;
  text: string;
}

/** The newest mail to `to` whose subject matches, from the catcher's HTTP inbox (GET /messages?to=). */
export async function waitForMail(
  request: APIRequestContext,
  to: string,
  subject: RegExp,
  timeoutMs = 15_000,
): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  const url = new URL('messages', mailInboxUrl());
  url.searchParams.set('to', to);
  while (Date.now() < deadline) {
    const mails = (await (await request.get(url.href)).json()) as CaughtMail[];
    const mail = mails.find((candidate) => subject.test(candidate.subject));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail to ${to} with a subject like ${subject} arrived within ${timeoutMs} ms.`);
}

export const PASSWORD = 'Kachkéis mat Gromperen 42';

/** A fresh address per test and run: the tests share one database. */
export function newEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.lu`;
}

/** What tests/support/oidc.ts needs to sign people in and call the graph from the test's side. */
export const oidcStack = () => ({
  routerUrl: routerUrl(),
  oidcIssuer: oidcIssuer(),
  databaseUrls: { identity: required('GEMENG_IDENTITY_DATABASE_URL') },
  ports: { shell: Number(new URL(shellUrl()).port) },
});
