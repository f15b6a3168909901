// @vitest-environment happy-dom
import { mountElement, type StandInGraph, settled, standInGraph, text } from '@gemeng/frontend-kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formHref } from './catalogue-data.ts';
import '../gemeng-procedures.ts';

const PROCEDURES = [
  {
    id: 'p1',
    code: 'residence-certificate',
    title: { fr: 'Certificat de résidence', lb: 'Residenzcertificat' },
    summary: 'Prouve votre adresse.',
    feeCents: 0,
    processingDays: 2,
    channel: 'ONLINE',
    category: { code: 'certificates', title: 'Certificats' },
  },
  {
    id: 'p2',
    code: 'bulky-waste',
    title: { fr: 'Collecte des encombrants', lb: 'Sperrmüll' },
    summary: 'Un rendez-vous pour vos objets encombrants.',
    feeCents: 2500,
    processingDays: 5,
    channel: 'COUNTER',
    category: { code: 'waste', title: 'Déchets' },
  },
];

let graph: StandInGraph;

beforeAll(async () => {
  graph = await standInGraph(({ headers, variables }) => {
    const lang = headers['accept-language'] === 'lb' ? 'lb' : 'fr';
    if (variables.slug !== 'dudelange') return { data: { commune: null } };
    const search = String(variables.search ?? '').toLowerCase();
    const procedures = PROCEDURES.filter(
      (p) =>
        (!search || p.title.fr.toLowerCase().includes(search)) &&
        (!variables.category || p.category.code === variables.category),
    ).map((p) => ({ ...p, title: p.title[lang] }));
    return {
      data: {
        commune: {
          slug: 'dudelange',
          name: lang === 'lb' ? 'Diddeleng' : 'Dudelange',
          procedureCategories: PROCEDURES.map((p) => p.category),
          procedures,
        },
      },
    };
  });
});

afterAll(() => graph.close());

afterEach(() => {
  document.body.replaceChildren();
  graph.requests.length = 0;
});

const mount = (attributes: Record<string, string>) =>
  mountElement('gemeng-procedures', { endpoint: graph.endpoint, ...attributes });
const items = (root: ShadowRoot) => [...root.querySelectorAll('[part="procedure"]')];

describe('<gemeng-procedures>', () => {
  it('lists the procedures with fee, processing time and channel, each linking to its form', async () => {
    const element = mount({ commune: 'dudelange', lang: 'fr' });
    const root = await settled(element, (r) => items(r).length === 2);
    expect(text(root.querySelector('h2'))).toBe('Démarches à Dudelange');
    const [residence, waste] = items(root);
    expect(residence?.querySelector('h3 a')?.getAttribute('href')).toBe(
      '/communes/dudelange/procedures/residence-certificate',
    );
    expect(text(residence)).toContain('Gratuit');
    expect(text(residence)).toContain('2 jours ouvrables');
    expect(text(residence)).toContain('En ligne');
    expect(text(waste)).toMatch(/25,00\s€/);
    expect(text(waste)).toContain('Au guichet');
    expect(text(root.querySelector('[part="status"]'))).toBe('2 démarches trouvées.');
    expect(graph.requests[0]?.headers['accept-language']).toBe('fr');
  });

  it('searches through the graph and filters by category, announcing the number found', async () => {
    const element = mount({ commune: 'dudelange', lang: 'fr' });
    const root = await settled(element, (r) => items(r).length === 2);
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(root.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe(`${input.id}-hint`);
    input.value = 'encombr';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settled(element, (r) => items(r).length === 1);
    expect(graph.requests.at(-1)?.variables).toMatchObject({ slug: 'dudelange', search: 'encombr' });
    expect(text(root.querySelector('[role="status"]'))).toBe('1 démarche trouvée.');

    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settled(element, (r) => items(r).length === 2);
    const select = root.querySelector<HTMLSelectElement>('select[name="category"]')!;
    expect([...select.options].map((o) => o.text)).toEqual(['Toutes les catégories', 'Certificats', 'Déchets']);
    select.value = 'certificates';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settled(element, (r) => items(r).length === 1);
    expect(text(items(root)[0]?.querySelector('h3'))).toBe('Certificat de résidence');
  });

  it('is the page’s main content with heading-level 1, and follows a form-href template', async () => {
    const titles: string[] = [];
    document.addEventListener('gemeng-title', (e) => titles.push((e as CustomEvent).detail.title), { once: true });
    const element = mount({
      commune: 'dudelange',
      lang: 'lb',
      'heading-level': '1',
      'form-href': '?procedure={procedure}',
    });
    const root = await settled(element, (r) => items(r).length === 2);
    expect(root.querySelector('h1')?.getAttribute('tabindex')).toBe('-1');
    expect(titles).toEqual(['Demarchen zu Diddeleng']);
    expect(items(root)[0]?.querySelector('h2 a')?.getAttribute('href')).toBe('?procedure=residence-certificate');
    expect(text(items(root)[0])).toContain('Residenzcertificat');
  });

  it('says when the commune does not exist', async () => {
    const element = mount({ commune: 'atlantis', lang: 'en' });
    const root = await settled(element, (r) => r.querySelector('[role="alert"]') !== null);
    expect(text(root.querySelector('[role="alert"]'))).toBe('There is no commune with the identifier “atlantis”.');
  });

  it('fills form-href templates with encoded values', () => {
    expect(formHref(undefined, 'esch sur', 'a/b')).toBe('/communes/esch%20sur/procedures/a%2Fb');
    expect(formHref('https://x.lu/f?c={commune}&p={procedure}', 'dudelange', 'dog')).toBe(
      'https://x.lu/f?c=dudelange&p=dog',
    );
  });
});
