/**
 * Test support for the widget packages' unit tests (vitest, happy-dom), imported as `@gemeng/frontend-kit/testing`.
 * Never part of the runtime: `index.ts` does not re-export it, and it needs Node (`node:http`) and vitest.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';
import type { AuthState } from './auth.ts';

/** One request the stand-in graph received: its headers and GraphQL body. */
export interface GraphRequest {
  readonly headers: IncomingHttpHeaders;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** A running {@link standInGraph}: its address, the requests it received (oldest first), and `close()`. */
export interface StandInGraph {
  readonly endpoint: string;
  readonly requests: GraphRequest[];
  close(): void;
}

/**
 * A stand-in GraphQL server over real HTTP (CORS as the router answers it) for an element's own behaviour; the
 * real router is the browser tests' business. `answer` returns the JSON body, or `undefined` for a 503.
 */
export async function standInGraph(answer: (request: GraphRequest) => unknown): Promise<StandInGraph> {
  const requests: GraphRequest[] = [];
  const server = createServer(async (req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, accept-language, authorization',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    // The kit sends a public query as GET (?query=…&variables=…), anything else as a JSON POST.
    const search = new URL(req.url ?? '/', 'http://x').searchParams;
    const body = raw
      ? JSON.parse(raw)
      : { query: search.get('query'), variables: JSON.parse(search.get('variables') ?? '{}') };
    const request = { headers: req.headers, query: String(body.query ?? ''), variables: body.variables ?? {} };
    requests.push(request);
    const payload = answer(request);
    if (payload === undefined) return void res.writeHead(503, { ...cors, 'content-type': 'text/plain' }).end('down');
    res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(payload));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}

/**
 * Stands in for the page's `AuthClient` (put it in the page-wide registry, `Symbol.for('gemeng.auth.clients')`,
 * where elements find it): `state` with `subscribe`/`set`, `getAccessToken` handing out `token`, and `signIn`,
 * `signOut`, `refresh`, `forget` as `vi.fn`s (`forget`, as the real client, makes the state anonymous at once).
 */
export class FakeAuth {
  state: AuthState;
  readonly issuer: string;
  readonly issuerOrigin: string;
  /** What getAccessToken hands out; a test's step-up (signIn) may renew it. */
  token = 'token-1';
  readonly signIn = vi.fn(async (_options: unknown) => {});
  readonly signOut = vi.fn(async (_options: unknown) => {});
  readonly refresh = vi.fn(async () => {});
  readonly forget = vi.fn(() => this.set({ status: 'anonymous' }));
  #listeners = new Set<(state: AuthState) => void>();

  constructor(state: AuthState = { status: 'anonymous' }, issuer = 'http://id.test/oidc') {
    this.state = state;
    this.issuer = issuer;
    this.issuerOrigin = new URL(issuer).origin;
  }

  subscribe(listener: (state: AuthState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.state);
    return () => this.#listeners.delete(listener);
  }

  set(state: AuthState): void {
    this.state = state;
    for (const listener of this.#listeners) listener(state);
  }

  async getAccessToken(): Promise<string> {
    return this.token;
  }
}

/** Creates an element with these attributes in the page. */
export function mountElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

/**
 * Waits until the element's shadow root satisfies the predicate, after each of its updates (up to `waitMs`,
 * 10 s by default: long enough for a lazily imported section on a loaded machine); fails with its markup.
 */
export async function settled(
  element: HTMLElement & { readonly updateComplete: Promise<unknown> },
  predicate: (root: ShadowRoot) => boolean,
  waitMs = 10_000,
): Promise<ShadowRoot> {
  const root = element.shadowRoot!;
  for (const deadline = Date.now() + waitMs; Date.now() < deadline; ) {
    await element.updateComplete;
    if (predicate(root)) return root;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`<${element.localName}> never settled: ${root.innerHTML.slice(0, 3000)}`);
}

/** The text of a node with its white space collapsed. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
