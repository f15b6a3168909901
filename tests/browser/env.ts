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

/** The same operation the widget sends, so tests compare the page with what the router really returns. */
const COMMUNE_CARD_QUERY = `query CommuneCard($slug: String!) { commune(slug: $slug) { slug name population procedures { code title } upcomingEvents(first: 3) { title startsAt } subscription { ratePerInhabitantCents yearlyFeeCents } } }`;

export interface Commune {
  slug: string;
  name: string;
  population: number;
  procedures: { code: string; title: string }[];
  upcomingEvents: { title: string; startsAt: string }[];
  subscription: { ratePerInhabitantCents: number; yearlyFeeCents: number } | null;
}

export async function fetchCommune(request: APIRequestContext, slug: string, lang: Lang): Promise<Commune> {
  const response = await request.post(routerUrl(), {
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    data: { query: COMMUNE_CARD_QUERY, variables: { slug } },
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

/** Labels the card must show per language (from frontends/identity/src/messages.ts). */
export const LABELS: Record<Lang, { procedures: string; events: string; yearlyFee: string; inhabitants: RegExp }> = {
  lb: {
    procedures: 'Online-Démarchen',
    events: 'Nächst Evenementer',
    yearlyFee: 'Joresbäitrag',
    inhabitants: /Awunner/,
  },
  fr: {
    procedures: 'Démarches en ligne',
    events: 'Prochains événements',
    yearlyFee: 'Cotisation annuelle',
    inhabitants: /habitants?/,
  },
  de: {
    procedures: 'Online-Verfahren',
    events: 'Nächste Veranstaltungen',
    yearlyFee: 'Jahresbeitrag',
    inhabitants: /Einwohner/,
  },
  en: {
    procedures: 'Online procedures',
    events: 'Upcoming events',
    yearlyFee: 'Yearly fee',
    inhabitants: /inhabitants?/,
  },
};

export const NOT_FOUND: Record<Lang, string> = {
  lb: 'Gemeng net fonnt',
  fr: 'Commune introuvable',
  de: 'Gemeinde nicht gefunden',
  en: 'Commune not found',
};
