/**
 * The JetStream streams of the event bus: one per domain (the owner of the event types), and one for dead
 * letters. A stream is created when missing, never changed once it exists (an operator may raise its replicas
 * or retention with `nats stream edit`).
 */
import {
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { connectBroker } from './connection.ts';
import { deadLetterStream, deadLetterSubject, isPrefixStream, streamName, streamSubjects } from './settings.ts';

const DAY_MS = 24 * 60 * 60_000;
/** How long a domain stream keeps an event: a consumer down for longer misses it (the outbox keeps 7 days too). */
export const EVENT_RETENTION_MS = 7 * DAY_MS;
/** Within this window a re-published event id (after a crash before the outbox row was marked) is dropped. */
export const DUPLICATE_WINDOW_MS = 60 * 60_000;
export const DEAD_LETTER_RETENTION_MS = 30 * DAY_MS;

const STREAM_NAME_IN_USE = 10058;

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
    return;
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== 10059) throw error;
  }
  try {
    await jsm.streams.add(config);
  } catch (error) {
    // created meanwhile by another subgraph: fine
    if (!(error instanceof JetStreamApiError) || error.code !== STREAM_NAME_IN_USE) throw error;
  }
}

/** The stream of one domain's events (`identity`: gemeng-events-identity, subjects gemeng.identity.>). */
export function ensureDomainStream(jsm: JetStreamManager, prefix: string, domain: string): Promise<void> {
  return ensureStream(jsm, {
    name: streamName(prefix, domain),
    subjects: [streamSubjects(prefix, domain)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: nanos(EVENT_RETENTION_MS),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: 1,
  });
}

export function ensureDeadLetterStream(jsm: JetStreamManager, prefix: string): Promise<void> {
  return ensureStream(jsm, {
    name: deadLetterStream(prefix),
    subjects: [deadLetterSubject(prefix, '*', '>')],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: nanos(DEAD_LETTER_RETENTION_MS),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: 1,
  });
}

/**
 * Deletes every stream (with its consumers and messages) of one GEMENG_EVENT_STREAM_PREFIX: for the end of a test
 * run that used a prefix of its own. Streams of other prefixes, even longer ones that start the same, stay.
 * Resolves to the names deleted.
 */
export async function deleteEventStreams(options: { url: string; prefix: string }): Promise<string[]> {
  const broker = await connectBroker({ url: options.url, name: `gemeng-cleanup-${options.prefix}` });
  try {
    const deleted: string[] = [];
    for await (const info of broker.jsm.streams.list()) {
      if (!isPrefixStream(options.prefix, info.config.name, info.config.subjects ?? [])) continue;
      await broker.jsm.streams.delete(info.config.name);
      deleted.push(info.config.name);
    }
    return deleted;
  } finally {
    await broker.close();
  }
}
