import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LitElement } from 'lit';

/** Creates a portal element with these attributes in the page (unit tests, happy-dom). */
export function mountElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

/** Waits (up to 3 s) until the element's shadow root satisfies the predicate; its markup in the error otherwise. */
export async function settled(element: LitElement, predicate: (root: ShadowRoot) => boolean): Promise<ShadowRoot> {
  const root = element.shadowRoot!;
  for (let i = 0; i < 300; i++) {
    await element.updateComplete;
    if (predicate(root)) return root;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`<${element.localName}> never settled: ${root.innerHTML}`);
}

/** One request the stand-in graph received: its headers and GraphQL body. */
export interface GraphRequest {
  readonly headers: IncomingHttpHeaders;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/**
 * A stand-in GraphQL server over real HTTP (CORS as the router answers it) for an element's own behaviour; the
 * real router is the browser tests' business. `answer` returns the JSON body, or `undefined` for a 503.
 */
export async function standInGraph(
  answer: (request: GraphRequest) => unknown,
): Promise<{ endpoint: string; requests: GraphRequest[]; close(): void }> {
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
