// @vitest-environment happy-dom
import type { AuthState } from '@gemeng/frontend-kit';
import { FakeAuth, mountElement, type StandInGraph, settled, standInGraph } from '@gemeng/frontend-kit/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filterCommunes, LAST_COMMUNE_KEY, searchable, suggestedCommunes } from './commune-chooser-data.ts';
import './gemeng-commune-chooser.ts';

const ISSUER = 'http://id.test/oidc';

const names = (slug: string, lb: string, fr: string, de: string, active = true) => ({
  slug,
  active,
  nameLb: lb,
  nameFr: fr,
  nameDe: de,
});
const COMMUNES = [
  names('dudelange', 'Diddeleng', 'Dudelange', 'Düdelingen'),
  names('esch-sur-alzette', 'Esch-Uelzecht', 'Esch-sur-Alzette', 'Esch an der Alzette'),
  names('hesperange', 'Hesper', 'Hesperange', 'Hesperingen'),
  names('closed', 'Zou', 'Fermée', 'Geschlossen', false),
];

/** The stand-in graph: the communes named in the request's language, and `me` for the bearer token. */
let graph: StandInGraph;
let endpoint: string;
let failNext = false;

beforeAll(async () => {
  graph = await standInGraph(({ headers, query }) => {
    if (failNext) {
      failNext = false;
      return undefined;
    }
    const lang = headers['accept-language'];
    const name = (c: (typeof COMMUNES)[number]) => (lang === 'lb' ? c.nameLb : lang === 'de' ? c.nameDe : c.nameFr);
    const residences = [
      { slug: 'closed', active: false },
      { slug: 'hesperange', active: true },
    ];
    const data = query.includes('CommunesOfResidence')
      ? { me: headers.authorization === 'Bearer token-1' ? { communesOfResidence: residences } : null }
      : { communes: COMMUNES.map((c) => ({ ...c, name: name(c) })) };
    return { data };
  });
  endpoint = graph.endpoint;
});

afterAll(() => graph.close());

let auth: FakeAuth;

beforeEach(() => {
  auth = new FakeAuth({ status: 'anonymous' }, ISSUER);
  (globalThis as Record<symbol, unknown>)[Symbol.for('gemeng.auth.clients')] = new Map([
    [`${ISSUER} gemeng-portal`, auth],
  ]);
  globalThis.gemengConfig = { graphqlEndpoint: endpoint };
});

afterEach(() => {
  document.body.replaceChildren();
  graph.requests.length = 0;
  localStorage.clear();
  globalThis.gemengConfig = undefined;
});

const mount = (attributes: Record<string, string>) => mountElement('gemeng-commune-chooser', attributes);

const links = (root: ShadowRoot, part: string) =>
  [...root.querySelectorAll<HTMLAnchorElement>(`[part="${part}"] a`)].map(
    (a) => `${a.textContent} ${a.getAttribute('href')}`,
  );

function type(root: ShadowRoot, text: string): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('the search', () => {
  it('ignores case, accents, hyphens and apostrophes', () => {
    expect(searchable(' Esch-sur-Alzette ')).toBe('esch sur alzette');
    expect(searchable('Düdelingen')).toBe('dudelingen');
    expect(searchable('L’Uelzecht')).toBe('l uelzecht');
  });

  it('finds active communes by any of their names or slug, in alphabetical order', () => {
    const communes = COMMUNES.map((c) => ({ ...c, name: c.nameLb }));
    expect(filterCommunes(communes, '', 'lb').map((c) => c.slug)).toEqual([
      'dudelange',
      'esch-sur-alzette',
      'hesperange',
    ]);
    expect(filterCommunes(communes, 'dudel', 'lb').map((c) => c.name)).toEqual(['Diddeleng']);
    expect(filterCommunes(communes, 'esch sur', 'lb').map((c) => c.name)).toEqual(['Esch-Uelzecht']);
    expect(filterCommunes(communes, 'geschlossen', 'lb')).toEqual([]);
  });

  it('offers the communes of residence first, else the last one chosen, never an inactive one', () => {
    const communes = COMMUNES.map((c) => ({ ...c, name: c.nameFr }));
    expect(suggestedCommunes(communes, ['closed', 'hesperange'], 'dudelange')).toMatchObject({
      kind: 'residences',
      communes: [{ slug: 'hesperange' }],
    });
    expect(suggestedCommunes(communes, [], 'dudelange')).toMatchObject({
      kind: 'last',
      communes: [{ slug: 'dudelange' }],
    });
    expect(suggestedCommunes(communes, [], 'closed')).toBeUndefined();
    expect(suggestedCommunes(communes, [], undefined)).toBeUndefined();
  });
});

describe('<gemeng-commune-chooser>', () => {
  it('lists the active communes as links to their pages, with a labelled search field and a hint', async () => {
    const element = mount({ lang: 'lb' });
    const root = await settled(element, (r) => r.querySelector('[part="communes"]') !== null);
    expect(links(root, 'communes')).toEqual([
      'Diddeleng /communes/dudelange',
      'Esch-Uelzecht /communes/esch-sur-alzette',
      'Hesper /communes/hesperange',
    ]);
    expect(root.querySelector('h2')?.textContent).toBe('Wielt Är Gemeng');
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Eng Gemeng sichen');
    expect(root.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toContain('Franséisch');
    expect(root.querySelector('[part="suggestions"]')).toBeNull();
    expect(graph.requests[0]?.headers['accept-language']).toBe('lb');
  });

  it('filters as one types and announces the count once typing pauses', async () => {
    const element = mount({ lang: 'lb' });
    let root = await settled(element, (r) => r.querySelector('[part="communes"]') !== null);
    type(root, 'Dudelange');
    root = await settled(element, (r) => links(r, 'communes').length === 1);
    expect(links(root, 'communes')).toEqual(['Diddeleng /communes/dudelange']);
    await settled(element, (r) => r.querySelector('[part="status"]')?.textContent === '1 Gemeng fonnt.');
    type(root, 'xyz');
    root = await settled(element, (r) => r.querySelector('[part="status"]')?.textContent === 'Keng Gemeng fonnt.');
    expect(root.querySelector('[part="communes"]')).toBeNull();
  });

  it('remembers the commune chosen and offers it first next time, with its card', async () => {
    const chosen: string[] = [];
    document.addEventListener(
      'gemeng-commune-chosen',
      (event) => chosen.push((event as CustomEvent<{ slug: string }>).detail.slug),
      { once: true },
    );
    const first = mount({ lang: 'fr' });
    const root = await settled(first, (r) => r.querySelector('[part="communes"]') !== null);
    const link = root.querySelector<HTMLAnchorElement>('[part="communes"] a[href="/communes/hesperange"]')!;
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    expect(chosen).toEqual(['hesperange']);
    expect(localStorage.getItem(LAST_COMMUNE_KEY)).toBe('hesperange');
    first.remove();

    const again = mount({ lang: 'fr', card: '' });
    const next = await settled(again, (r) => r.querySelector('[part="suggestions"]') !== null);
    expect(links(next, 'suggestions')).toEqual(['Hesperange /communes/hesperange']);
    expect(next.querySelector('#suggested-heading')?.textContent).toBe('Dernière commune choisie');
    expect(next.querySelector('gemeng-commune-card')?.getAttribute('commune')).toBe('hesperange');
    expect(next.querySelector('#chooser-heading')?.textContent).toBe('Choisir une autre commune');
  });

  it("offers a signed-in person's active communes of residence first, asked with their token", async () => {
    localStorage.setItem(LAST_COMMUNE_KEY, 'dudelange');
    const element = mount({ lang: 'de', issuer: ISSUER });
    await settled(element, (r) => links(r, 'suggestions').length === 1);
    expect(links(element.shadowRoot!, 'suggestions')).toEqual(['Düdelingen /communes/dudelange']);
    auth.set({ status: 'signed-in', user: { sub: 'u1', name: 'Léa' }, expiresAt: Date.now() + 6e5 } as AuthState);
    const root = await settled(element, (r) => links(r, 'suggestions')[0]?.startsWith('Hesperingen') ?? false);
    expect(links(root, 'suggestions')).toEqual(['Hesperingen /communes/hesperange']);
    expect(root.querySelector('#suggested-heading')?.textContent).toBe('Ihre Wohngemeinde');
    expect(graph.requests.find((r) => r.query.includes('CommunesOfResidence'))?.headers.authorization).toBe(
      'Bearer token-1',
    );
    auth.set({ status: 'anonymous' });
    await settled(element, (r) => links(r, 'suggestions')[0]?.startsWith('Düdelingen') ?? false);
  });

  it('says so with a retry button when the communes cannot be loaded', async () => {
    failNext = true;
    const element = mount({ lang: 'en' });
    const root = await settled(element, (r) => r.querySelector('[role="alert"]') !== null);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('The list of communes could not be loaded.');
    root.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await settled(element, (r) => links(r, 'communes').length === 3);
  });
});
