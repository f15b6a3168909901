/** HTTP plumbing shared by every Node service: the subgraphs, the router and the shell's server. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from './logger.ts';
import { StartupError } from './service.ts';

/** A server whose handler may throw: the error is logged and the client gets a bare 500, never its details. */
export function createSafeServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  log: Logger,
): Server {
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.' }] });
      else res.end();
    });
  });
}

/** Listens, turning "address in use" into one line that names the port and the setting that changes it. */
export function listen(server: Server, port: number, host: string, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new StartupError(
            `port ${port} on ${host} is already in use: stop what holds it or give ${name} another port`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(new StartupError(`not allowed to listen on ${host}:${port}: choose a port above 1024`));
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The JSON body of a request (undefined when empty), or an Error that says what is wrong with it. */
export async function readJson(req: IncomingMessage, maxBytes = 1_000_000): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return new Error(`The request body is larger than ${maxBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return new Error('The request body is not valid JSON: send {"query": "..."} with content-type application/json.');
  }
}
