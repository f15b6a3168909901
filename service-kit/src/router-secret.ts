/**
 * The router's secret: the router adds it to every request it makes to a subgraph, and a subgraph answers
 * only requests that carry it (health endpoints excepted), so that nobody reaches a subgraph around the router.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const ROUTER_SECRET_HEADER = 'x-gemeng-router-secret';

/**
 * Whether a request carries the router's secret. Both sides are hashed first, so that the comparison takes the
 * same time whatever the given value, and a value of another length (a non-ASCII header is longer in bytes than
 * in characters) is a plain mismatch rather than an exception.
 */
export function carriesRouterSecret(headers: IncomingHttpHeaders, secret: string): boolean {
  const given = headers[ROUTER_SECRET_HEADER];
  if (typeof given !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}
