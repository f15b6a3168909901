/**
 * Who is calling, as far as a server can tell: the client's IP address and user agent. Behind a trusted
 * TLS-terminating proxy (`GEMENG_BEHIND_PROXY=true`) the address is the last entry of `X-Forwarded-For`,
 * the one that proxy appended; entries before it are whatever the client claimed and are never trusted.
 * The router passes what it saw to the subgraphs in CLIENT_IP_HEADER / CLIENT_USER_AGENT_HEADER, which a
 * subgraph reads only on requests that carry the router's secret.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export const CLIENT_IP_HEADER = 'x-gemeng-client-ip';
export const CLIENT_USER_AGENT_HEADER = 'x-gemeng-client-user-agent';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** The client's address: from the connection, or from the trusted proxy's X-Forwarded-For entry. */
export function clientAddress(req: IncomingMessage, behindProxy: boolean): string | null {
  if (behindProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
    const address = last ? normaliseAddress(last) : null;
    if (address) return address;
  }
  return normaliseAddress(req.socket.remoteAddress ?? '');
}

/** An IP address in canonical form (IPv4-mapped IPv6 as IPv4, brackets and zone ids dropped), or null. */
export function normaliseAddress(value: string): string | null {
  let address = value
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) address = address.slice(7);
  if (isIP(address) === 0) return null;
  return address.toLowerCase();
}

/**
 * The key rate limits count an address under: an IPv4 address as it is, an IPv6 address by its /64 prefix
 * (one household or one host gets a whole /64, and rotating within it must not escape a limit).
 */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** What the router saw of the client, on a request that carries the router's secret. */
export function clientFromRouter(headers: IncomingMessage['headers']): ClientInfo {
  const ip = headers[CLIENT_IP_HEADER];
  const userAgent = headers[CLIENT_USER_AGENT_HEADER];
  return {
    ip: typeof ip === 'string' ? normaliseAddress(ip) : null,
    userAgent: typeof userAgent === 'string' && userAgent !== '' ? userAgent.slice(0, 300) : null,
  };
}
