// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import './gemeng-statement.ts';
import type { Statement, StatementTitleDetail } from './statement.ts';
import { pageOperator, telHref } from './statement-operator.ts';
import { PROCESSINGS } from './statement-privacy.ts';
import { statementKind } from './statements-application.ts';

const OPERATOR = {
  name: 'Syndicat intercommunal Minett',
  address: '2, rue du Nord, L-4000 Esch-sur-Alzette',
  email: 'contact@minett.lu',
  phone: '+352 54 00 00',
  dpoEmail: 'dpo@minett.lu',
};

function setOperatorMeta(content: string | undefined): void {
  document.head.querySelector('meta[name="gemeng:operator"]')?.remove();
  if (content === undefined) return;
  const meta = document.createElement('meta');
  meta.name = 'gemeng:operator';
  meta.content = content;
  document.head.append(meta);
}

async function mount(kind: string, lang: string): Promise<{ element: Statement; titles: StatementTitleDetail[] }> {
  const titles: StatementTitleDetail[] = [];
  document.addEventListener('gemeng-title', (event) => titles.push((event as CustomEvent).detail), { once: false });
  const element = document.createElement('gemeng-statement');
  element.setAttribute('kind', kind);
  element.setAttribute('lang', lang);
  document.body.append(element);
  await until(() => element.shadowRoot?.querySelector('h1, [role="alert"]'));
  return { element, titles };
}

async function until<T>(check: () => T | null | undefined, timeoutMs = 5_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const text = (element: Statement) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const links = (element: Statement) =>
  [...(element.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));

afterEach(() => {
  document.body.replaceChildren();
  setOperatorMeta(undefined);
});

describe('the operator from the page', () => {
  it('is read from <meta name="gemeng:operator">, and left out when missing or malformed', () => {
    setOperatorMeta(JSON.stringify(OPERATOR));
    expect(pageOperator()).toEqual(OPERATOR);
    setOperatorMeta(JSON.stringify({ ...OPERATOR, phone: 5 }));
    expect(pageOperator()?.phone).toBe('');
    setOperatorMeta('{not json');
    expect(pageOperator()).toBeUndefined();
    setOperatorMeta(JSON.stringify({ name: '', email: 'x@y.lu' }));
    expect(pageOperator()).toBeUndefined();
    setOperatorMeta(undefined);
    expect(pageOperator()).toBeUndefined();
  });

  it('gives a tel: link of digits', () => {
    expect(telHref('+352 (0) 54-00 00')).toBe('tel:+3520540000');
  });
});

describe('<gemeng-statement>', () => {
  it('shows the privacy notice with the operator, the DPO, every processing, the rights and the CNPD (en)', async () => {
    setOperatorMeta(JSON.stringify(OPERATOR));
    const { element, titles } = await mount('privacy', 'en');
    const h1 = element.shadowRoot?.querySelector('h1');
    expect(h1?.textContent).toBe('Privacy notice');
    expect(titles.at(-1)).toEqual({ title: 'Privacy notice' });
    const shown = text(element);
    expect(shown).toContain('Syndicat intercommunal Minett runs the Gemeng portal');
    expect(shown).toContain(OPERATOR.address);
    expect(links(element)).toEqual(
      expect.arrayContaining([
        'mailto:contact@minett.lu',
        'mailto:dpo@minett.lu',
        'tel:+352540000',
        '/account/data',
        '/account',
        'https://cnpd.public.lu',
      ]),
    );
    expect(element.shadowRoot?.querySelectorAll('h3')).toHaveLength(PROCESSINGS.length);
    // The retention the code applies (subgraphs/identity/src/maintenance.ts, the OIDC session's 8 hours).
    expect(shown).toContain('One year, then deleted automatically');
    expect(shown).toContain('7 days after they were used or expired');
    expect(shown).toContain('at most 8 hours');
    expect(shown).toContain('Commission nationale pour la protection des données (CNPD)');
    expect(shown).toMatch(/Last updated: .*2026\./);
  });

  it('shows the accessibility statement in Luxembourgish, with the enforcement procedure (lb)', async () => {
    setOperatorMeta(JSON.stringify(OPERATOR));
    const { element, titles } = await mount('accessibility', 'lb');
    expect(element.shadowRoot?.querySelector('h1')?.textContent).toBe('Deklaratioun zur Accessibilitéit');
    expect(titles.at(-1)).toEqual({ title: 'Deklaratioun zur Accessibilitéit' });
    const shown = text(element);
    expect(shown).toContain('deelweis konform');
    expect(shown).toContain('28. Mee 2019');
    expect(shown).toContain('Service information et presse (SIP)');
    expect(links(element)).toEqual(
      expect.arrayContaining([
        'mailto:contact@minett.lu',
        'https://accessibilite.public.lu',
        'https://www.ombudsman.lu',
      ]),
    );
  });

  it('follows a change of kind and language, and announces the new title once each', async () => {
    const { element, titles } = await mount('privacy', 'fr');
    expect(titles).toEqual([{ title: 'Protection des données personnelles' }]);
    element.kind = 'accessibility';
    await until(() => element.shadowRoot?.querySelector('h1')?.textContent === 'Déclaration d’accessibilité');
    element.lang = 'de';
    await until(() => element.shadowRoot?.querySelector('h1')?.textContent === 'Erklärung zur Barrierefreiheit');
    await element.updateComplete;
    expect(titles).toEqual([
      { title: 'Protection des données personnelles' },
      { title: 'Déclaration d’accessibilité' },
      { title: 'Erklärung zur Barrierefreiheit' },
    ]);
  });

  it('names the operator generically and shows no contact block without the page’s settings', async () => {
    const { element } = await mount('privacy', 'de');
    expect(text(element)).toContain('Der interkommunale Verband betreibt das Portal Gemeng');
    expect(links(element).filter((href) => href?.startsWith('mailto:'))).toEqual([]);
  });

  it('shows a message in place of an unknown kind', async () => {
    const { element, titles } = await mount('cookies', 'en');
    expect(element.shadowRoot?.querySelector('h1')).toBeNull();
    expect(titles).toEqual([]);
  });
});

describe('the routes', () => {
  it('choose the statement from the path', () => {
    expect(statementKind('/privacy')).toBe('privacy');
    expect(statementKind('/accessibility')).toBe('accessibility');
    expect(statementKind('/accessibility/')).toBe('accessibility');
  });
});
