// @vitest-environment happy-dom
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import './gemeng-commune-card.ts';
import type { CommuneCard } from './commune-card.ts';

/** A graph that knows no commune (over real HTTP, as the card meets it). */
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, accept-language',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    for await (const _ of req);
    res
      .writeHead(200, { ...cors, 'content-type': 'application/json' })
      .end(JSON.stringify({ data: { commune: null } }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function mount(attributes: Record<string, string>, ready: (root: ShadowRoot) => boolean): Promise<CommuneCard> {
  const card = document.createElement('gemeng-commune-card');
  for (const [name, value] of Object.entries(attributes)) card.setAttribute(name, value);
  document.body.append(card);
  for (let i = 0; i < 500; i++) {
    await card.updateComplete;
    if (card.shadowRoot && ready(card.shadowRoot)) return card;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never ready: ${card.shadowRoot?.innerHTML}`);
}

const shown = (card: CommuneCard) => (card.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<gemeng-commune-card> with bad input', () => {
  it('says in place that the commune is unknown, and warns once naming the attribute', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const card = await mount({ commune: 'atlantis', lang: 'de', endpoint }, (root) =>
      Boolean(root.querySelector('[role="alert"]')),
    );
    expect(shown(card)).toContain('atlantis');
    card.setAttribute('lang', 'fr'); // loads again in French: same slug, no second warning
    await mount({ commune: 'atlantis', lang: 'en', endpoint }, (root) => Boolean(root.querySelector('[role="alert"]')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const about = warn.mock.calls.map((call) => String(call[0])).filter((text) => text.includes('"commune"'));
    // One per element: the first card warned once despite loading twice, the second once.
    expect(about).toEqual([
      '<gemeng-commune-card>: unknown value "atlantis" for the attribute "commune".',
      '<gemeng-commune-card>: unknown value "atlantis" for the attribute "commune".',
    ]);
  });

  it('shows a short localised message for a heading level outside 1–5 or an unknown lang', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const card = await mount({ commune: 'dudelange', lang: 'fr', 'heading-level': '9', endpoint }, (root) =>
      Boolean(root.querySelector('[part~="attribute-problem"]')),
    );
    expect(shown(card)).toBe(
      'Ce contenu ne peut pas être affiché : « 9 » n’est pas une valeur valable pour « heading-level ».',
    );
    expect(card.shadowRoot?.querySelector('[part~="attribute-problem"]')?.getAttribute('role')).toBe('alert');
    const other = await mount({ commune: 'dudelange', lang: 'xx', endpoint }, (root) =>
      Boolean(root.querySelector('[part~="attribute-problem"]')),
    );
    expect(shown(other)).toContain('“xx”');
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '<gemeng-commune-card>: unknown value "9" for the attribute "heading-level". Allowed: 1–5.',
      '<gemeng-commune-card>: unknown value "xx" for the attribute "lang". Allowed: lb, fr, de, en.',
    ]);
  });
});
