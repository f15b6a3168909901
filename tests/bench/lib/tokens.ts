import type { RunningStack } from '../../../scripts/stack.ts';
import { createDb } from '../../../subgraphs/identity/src/db.ts';
import { createApiClient, type NewApiClient } from '../../../subgraphs/identity/src/oidc/api-clients.ts';

/** One API client per stack (per database URL), registered on first use. */
const clients = new Map<string, Promise<NewApiClient>>();

/** An API client registered in the stack's identity database, as the syndicate registers one. */
export function benchApiClient(stack: RunningStack): Promise<NewApiClient> {
  const url = stack.databaseUrls.identity;
  let client = clients.get(url);
  if (!client) {
    client = (async () => {
      const db = createDb(url);
      try {
        return await createApiClient(db, 'Gemeng benchmark');
      } finally {
        await db.$disconnect();
      }
    })();
    clients.set(url, client);
    client.catch(() => clients.delete(url));
  }
  return client;
}

/** The HTTP Basic client authentication (client_secret_basic) of a token request. */
export const basicAuthorization = (client: NewApiClient) =>
  `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`;

/** The form of a client credentials grant for the graph. */
export const CLIENT_CREDENTIALS_FORM = { grant_type: 'client_credentials', scope: 'graph.read' };

/** A fresh access token (RFC 9068 JWT, ES256, 10 minutes) from the stack's issuer, with the client credentials grant. */
export async function clientCredentialsToken(stack: RunningStack): Promise<string> {
  const client = await benchApiClient(stack);
  const response = await fetch(`${stack.oidcIssuer}/token`, {
    method: 'POST',
    headers: { authorization: basicAuthorization(client), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(CLIENT_CREDENTIALS_FORM),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`token request: HTTP ${response.status}: ${text.slice(0, 200)}`);
  const token = (JSON.parse(text) as { access_token?: unknown }).access_token;
  if (typeof token !== 'string') throw new Error('token request: no access_token in the response');
  return token;
}

/**
 * The same token with one bit of its signature flipped: well formed, of a known key, so that the verifier runs
 * the whole ES256 check before refusing it (a garbled token would be refused earlier, for less).
 */
export function withBadSignature(token: string): string {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) throw new Error('the access token is not a JWS in compact form');
  const bytes = Buffer.from(signature, 'base64url');
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}
