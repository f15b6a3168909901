/**
 * One NATS connection per subgraph process, with JetStream. It reconnects on its own for as long as the process
 * runs (a broker restart is a pause, not a failure); the first connection must succeed, or the subgraph stops
 * with one line that says what to fix.
 */

import type { Logger } from '@gemeng/service-kit';
import { StartupError } from '@gemeng/service-kit';
import { type JetStreamClient, type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { redactUrl } from './settings.ts';

export interface Broker {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** False between a disconnect and the reconnect: a publish then fails at once instead of timing out. */
  isConnected(): boolean;
  close(): Promise<void>;
}

export interface BrokerOptions {
  /** NATS_URL: one or more comma-separated URLs. */
  url: string;
  /** The connection's name, as the broker's monitoring shows it. */
  name: string;
  log?: Logger;
  /** For the first connection and each JetStream API request (default 5000 ms). */
  timeoutMs?: number;
}

export async function connectBroker(options: BrokerOptions): Promise<Broker> {
  const timeout = options.timeoutMs ?? 5000;
  const where = redactUrl(options.url);
  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: options.url.split(',').map((server) => server.trim()),
      name: options.name,
      timeout,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
  } catch (error) {
    throw new StartupError(
      `cannot reach the NATS broker at ${where} (${reasonOf(error)}): start nats-server with -js, or fix or unset NATS_URL`,
    );
  }
  let jsm: JetStreamManager;
  try {
    jsm = await jetstreamManager(nc, { timeout });
  } catch (error) {
    await nc.close().catch(() => {});
    throw new StartupError(
      `the NATS broker at ${where} has no JetStream (${reasonOf(error)}): start nats-server with -js`,
    );
  }
  const log = options.log;
  let connected = true;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        connected = false;
        log?.warn({ server: status.server }, 'NATS broker disconnected: reconnecting');
      } else if (status.type === 'reconnect') {
        connected = true;
        log?.info({ server: status.server }, 'NATS broker reconnected');
      }
    }
  })().catch(() => {});
  return {
    nc,
    js: jsm.jetstream(),
    jsm,
    isConnected: () => connected && !nc.isClosed(),
    async close() {
      if (!nc.isClosed()) await nc.drain().catch(() => nc.close());
    },
  };
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? (cause as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
