// @vitest-environment happy-dom

import { mountElement, type StandInGraph, settled, standInGraph } from '@gemeng/frontend-kit/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import './gemeng-commune-card.ts';

/** The stand-in graph: Dudelange (named per language), any other slug unknown; `failNext` answers 503 once. */
let graph: StandInGraph;
let endpoint: string;
let failNext = false;

beforeAll(async () => {
  graph = await standInGraph(({ headers, variables }) => {
    if (failNext) {
      failNext = false;
      return undefined;
    }
    const lang = headers['accept-language'];
    const slug = String(variables.slug);
    return slug === 'dudelange'
      ? {
          data: {
            commune: {
              slug,
              name: lang === 'fr' ? 'Dudelange' : 'Diddeleng',
              population: 21543,
              procedures: [{ code: 'RES-01', title: `Residence (${lang})` }],
              upcomingEvents: [{ title: 'Fête de la musique', startsAt: '2026-06-21T16:00:00Z' }],
            },
          },
        }
      : { data: { commune: null }, errors: [{ message: `No commune with slug "${slug}"`, path: ['commune'] }] };
  });
  endpoint = graph.endpoint;
});

afterAll(() => graph.close());

afterEach(() => {
  document.body.replaceChildren();
  graph.requests.length = 0;
});

const mountCard = (attributes: Record<string, string>) => mountElement('gemeng-commune-card', attributes);

const text = (root: ShadowRoot) => root.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<gemeng-commune-card>', () => {
  it('shows a busy loading state, then the commune in the requested language', async () => {
    const card = mountCard({ commune: 'dudelange', lang: 'fr', endpoint });
    await card.updateComplete;
    const article = card.shadowRoot!.querySelector('[part="card"]')!;
    expect(article.getAttribute('aria-busy')).toBe('true');
    expect(card.shadowRoot!.querySelector('[role="status"]')?.textContent).toContain('Chargement…');

    const root = await settled(card, (r) => r.querySelector('h2') !== null);
    expect(article.getAttribute('aria-busy')).toBe('false');
    expect(root.querySelector('h2')?.textContent).toBe('Dudelange');
    expect(text(root)).toMatch(/21.543 habitants/);
    // Titles without internal code or fee; a procedure leads to its page, an event has none yet.
    expect(text(root)).toContain('Residence (fr)');
    expect(text(root)).not.toContain('RES-01');
    expect(root.querySelector('[part="procedures"] a')?.getAttribute('href')).toBe(
      '/communes/dudelange/procedures/RES-01',
    );
    expect(root.querySelector('[part="events"] a')).toBeNull();
    const all = root.querySelector('[part="all-procedures"] a');
    expect([all?.textContent, all?.getAttribute('href')]).toEqual([
      'Toutes les démarches de la commune',
      '/communes/dudelange/procedures',
    ]);
    expect(text(root)).not.toMatch(/€|abonnement/i);
    expect(graph.requests[0]?.headers['accept-language']).toBe('fr');
  });

  it('fetches again when lang changes', async () => {
    const card = mountCard({ commune: 'dudelange', lang: 'fr', endpoint });
    await settled(card, (r) => r.querySelector('h2')?.textContent === 'Dudelange');
    card.setAttribute('lang', 'lb');
    const root = await settled(card, (r) => r.querySelector('h2')?.textContent === 'Diddeleng');
    expect(text(root)).toContain('Nächst Evenementer');
    expect(graph.requests.map((r) => r.headers['accept-language'])).toEqual(['fr', 'lb']);
  });

  it('follows <html lang> when it has no lang of its own', async () => {
    document.documentElement.lang = 'de';
    const card = mountCard({ commune: 'dudelange', endpoint });
    await settled(card, (r) => r.querySelector('h2') !== null);
    document.documentElement.lang = 'en';
    const root = await settled(card, (r) => text(r).includes('Upcoming events'));
    expect(text(root)).toContain('21,543 inhabitants');
    document.documentElement.removeAttribute('lang');
  });

  it('shows a localised not-found alert for an unknown slug', async () => {
    const card = mountCard({ commune: 'atlantis', lang: 'de', endpoint });
    const root = await settled(card, (r) => r.querySelector('[role="alert"]') !== null);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Gemeinde nicht gefunden');
    expect(root.querySelector('button')).toBeNull();
  });

  it('offers a retry after a server failure', async () => {
    failNext = true;
    const card = mountCard({ commune: 'dudelange', lang: 'en', endpoint });
    const root = await settled(card, (r) => r.querySelector('[part="retry"]') !== null);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('The data could not be loaded.');
    root.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await settled(card, (r) => r.querySelector('h2') !== null);
  });

  it('reports a missing commune attribute as a configuration error', async () => {
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (error: unknown) => logged.push(error);
    try {
      const card = mountCard({ lang: 'en', endpoint });
      const root = await settled(card, (r) => r.querySelector('[role="alert"]') !== null);
      expect(text(root)).toContain('The widget is misconfigured');
      expect((logged[0] as Error).name).toBe('ConfigurationError');
    } finally {
      console.error = original;
    }
  });
});

describe('<gemeng-commune-card> with bad input', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const warnings = (warn: { mock: { calls: unknown[][] } }) => warn.mock.calls.map((call) => String(call[0]));

  it('keeps its not-found message in place for a commune the graph does not know, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const card = mountCard({ commune: 'atlantis', lang: 'de', endpoint });
    await settled(card, (r) => Boolean(r.querySelector('[role="alert"]')));
    card.setAttribute('lang', 'fr'); // loads again: the same value does not warn twice
    await settled(card, (r) => graph.requests.length === 2 && Boolean(r.querySelector('[role="alert"]')));
    expect(text(card.shadowRoot!)).toContain('atlantis');
    expect(warnings(warn)).toEqual(['<gemeng-commune-card>: unknown value "atlantis" for the attribute "commune".']);
  });

  it('shows a short localised message instead of the card for a heading level outside 1–5 or an unknown lang', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const card = mountCard({ commune: 'dudelange', lang: 'fr', 'heading-level': '9', endpoint });
    const root = await settled(card, (r) => Boolean(r.querySelector('[part~="attribute-problem"]')));
    expect(text(root).trim()).toBe(
      'Ce contenu ne peut pas être affiché : « 9 » n’est pas une valeur valable pour « heading-level ».',
    );
    expect(root.querySelector('[part~="attribute-problem"]')?.getAttribute('role')).toBe('alert');
    const other = mountCard({ commune: 'dudelange', lang: 'xx', endpoint });
    expect(text(await settled(other, (r) => Boolean(r.querySelector('[part~="attribute-problem"]'))))).toContain(
      '“xx”',
    );
    expect(warnings(warn)).toEqual([
      '<gemeng-commune-card>: unknown value "9" for the attribute "heading-level". Allowed: 1–5.',
      '<gemeng-commune-card>: unknown value "xx" for the attribute "lang". Allowed: lb, fr, de, en.',
    ]);
  });

  it("names the page (gemeng-title) with the commune only when its heading is the page's h1", async () => {
    const titles: unknown[] = [];
    const listener = (event: Event) => titles.push((event as CustomEvent).detail);
    document.addEventListener('gemeng-title', listener);
    try {
      const inline = mountCard({ commune: 'dudelange', lang: 'fr', endpoint });
      await settled(inline, (r) => r.querySelector('h2') !== null);
      expect(titles).toEqual([]);
      const page = mountCard({ commune: 'dudelange', lang: 'fr', endpoint, 'heading-level': '1' });
      const root = await settled(page, (r) => r.querySelector('h1') !== null);
      expect(root.querySelector('h1')?.textContent).toBe('Dudelange');
      expect(root.querySelector('h2')?.textContent).toBe('Démarches en ligne');
      expect(titles).toEqual([{ title: 'Dudelange' }]);
    } finally {
      document.removeEventListener('gemeng-title', listener);
    }
  });
});
