/**
 * The broker's settings and the names of what the event bus creates on it. No NATS client here: the embedded
 * default (no NATS_URL) never loads one. See docs/adr/0007-domain-events-on-nats-jetstream.md.
 *
 * With the prefix `gemeng` (GEMENG_EVENT_STREAM_PREFIX):
 *   stream per domain      gemeng-events-identity         subjects gemeng.identity.>
 *   subject of an event    gemeng.identity.user-erased    (the prefix, then the event type)
 *   durable consumer       gemeng-procedures              (one per consuming subgraph on each domain's stream)
 *   dead letters           gemeng-dead-letters            subjects gemeng.dead-letter.<subgraph>.<event type>
 */
import { ConfigError, type Setting } from '@gemeng/service-kit';

export interface BrokerSettings {
  /** NATS_URL: one or more comma-separated nats:// (or tls://) URLs. */
  url: string;
  /** GEMENG_EVENT_STREAM_PREFIX (default gemeng): keeps parallel test runs and CI on one NATS apart. */
  prefix: string;
}

const PREFIX = /^[a-z0-9][a-z0-9_-]{0,47}$/;
const NAME = /^[a-z][a-z0-9-]*$/;

/** NATS_URL: optional; when set, domain events go through NATS JetStream instead of the local HTTP bus. */
export function natsUrl(env: string): Setting<string | undefined> {
  return {
    env,
    read(raw) {
      if (raw === undefined) return undefined;
      for (const server of raw.split(',').map((item) => item.trim())) {
        let url: URL | undefined;
        try {
          url = new URL(server);
        } catch {}
        if (!url || !['nats:', 'tls:'].includes(url.protocol) || !url.hostname) {
          throw new ConfigError(
            `${env}="${redactUrl(server)}" is not a NATS URL: use nats://host:4222 (several separated by commas)`,
          );
        }
      }
      return raw;
    },
  };
}

/** GEMENG_EVENT_STREAM_PREFIX: the first part of every stream, subject and consumer name. */
export function eventStreamPrefix(env: string, fallback = 'gemeng'): Setting<string> {
  return {
    env,
    read(raw) {
      const prefix = raw ?? fallback;
      if (!PREFIX.test(prefix)) {
        throw new ConfigError(
          `${env}="${prefix.slice(0, 60)}" cannot name NATS streams: use up to 48 lower-case letters, digits, - and _`,
        );
      }
      return prefix;
    },
  };
}

/** A URL with its password (or token) hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^/@]*)@/, '//***@');
}

/** The domain that owns an event type, which is also its stream: `identity` for `identity.user-erased`. */
export function domainOf(type: string): string {
  const domain = type.split('.')[0] ?? '';
  if (!NAME.test(domain)) throw new Error(`"${type}" names no domain`);
  return domain;
}

export const streamName = (prefix: string, domain: string) => `${prefix}-events-${domain}`;
export const streamSubjects = (prefix: string, domain: string) => `${prefix}.${domain}.>`;
export const eventSubject = (prefix: string, type: string) => `${prefix}.${type}`;
export const durableName = (prefix: string, subgraph: string) => `${prefix}-${subgraph}`;
export const deadLetterStream = (prefix: string) => `${prefix}-dead-letters`;
export const deadLetterSubject = (prefix: string, subgraph: string, type: string) =>
  `${prefix}.dead-letter.${subgraph}.${type}`;

/** Whether a stream was created for `prefix` (and not for a longer prefix that starts the same). */
export function isPrefixStream(prefix: string, name: string, subjects: readonly string[]): boolean {
  const ours =
    name === deadLetterStream(prefix) ||
    (name.startsWith(`${prefix}-events-`) && NAME.test(name.slice(prefix.length + 8)));
  return ours && subjects.length > 0 && subjects.every((subject) => subject.startsWith(`${prefix}.`));
}
