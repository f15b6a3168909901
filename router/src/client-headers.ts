/**
 * What the router tells the subgraphs about the client: its address (from the connection, or from the trusted
 * proxy's X-Forwarded-For entry when GEMENG_BEHIND_PROXY=true) and its user agent. The router always sets both
 * headers itself, empty when it does not know, so a value a client sends under these names never reaches a
 * subgraph; the subgraphs read them only on requests that carry the router's secret.
 */
import type { IncomingMessage } from 'node:http';
import { CLIENT_IP_HEADER, CLIENT_USER_AGENT_HEADER, clientAddress } from '@gemeng/service-kit';

const MAX_USER_AGENT = 300;

export function clientHeaders(req: IncomingMessage, behindProxy: boolean): Record<string, string> {
  const userAgent = req.headers['user-agent'] ?? '';
  return {
    [CLIENT_IP_HEADER]: clientAddress(req, behindProxy) ?? '',
    // Printable ASCII only: the value is forwarded as an HTTP header and shown in the security log.
    [CLIENT_USER_AGENT_HEADER]: userAgent.replace(/[^\x20-\x7e]/g, '?').slice(0, MAX_USER_AGENT),
  };
}
