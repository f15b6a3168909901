/** NATS_URL and GEMENG_EVENT_STREAM_PREFIX, and the names the event bus gives streams and subjects. */

import { ConfigError, loadConfig } from '@gemeng/service-kit';
import { describe, expect, it } from 'vitest';
import {
  deadLetterSubject,
  domainOf,
  durableName,
  eventStreamPrefix,
  eventSubject,
  isPrefixStream,
  natsUrl,
  streamName,
  streamSubjects,
} from '../src/events/nats/settings.ts';

const read = (env: Record<string, string>) =>
  loadConfig({ url: natsUrl('NATS_URL'), prefix: eventStreamPrefix('GEMENG_EVENT_STREAM_PREFIX') }, env);

describe('the broker settings', () => {
  it('default to the local bus and the prefix gemeng', () => {
    expect(read({})).toEqual({ url: undefined, prefix: 'gemeng' });
    expect(
      read({ NATS_URL: 'nats://127.0.0.1:4222,tls://nats.example:4222', GEMENG_EVENT_STREAM_PREFIX: 'ci-42_a' }),
    ).toEqual({ url: 'nats://127.0.0.1:4222,tls://nats.example:4222', prefix: 'ci-42_a' });
  });

  it('refuse a malformed NATS_URL in one line, without its password', () => {
    for (const bad of ['127.0.0.1:4222', 'http://127.0.0.1:4222', 'nats://', 'nats://127.0.0.1:4222,redis://x']) {
      expect(() => read({ NATS_URL: bad })).toThrow(ConfigError);
    }
    expect(() => read({ NATS_URL: 'http://user:hunter2@host:4222' })).toThrow(
      'NATS_URL="http://***@host:4222" is not a NATS URL: use nats://host:4222 (several separated by commas)',
    );
  });

  it('refuse a prefix that cannot name streams and subjects', () => {
    for (const bad of ['Gemeng', 'a.b', 'a b', 'a>', '-a', 'x'.repeat(49)]) {
      expect(() => read({ GEMENG_EVENT_STREAM_PREFIX: bad })).toThrow(/^GEMENG_EVENT_STREAM_PREFIX=".*" cannot name/);
    }
  });
});

describe('names', () => {
  it('give each domain a stream, each event type a subject, each subgraph a durable consumer', () => {
    expect(domainOf('identity.user-erased')).toBe('identity');
    expect(streamName('gemeng', 'identity')).toBe('gemeng-events-identity');
    expect(streamSubjects('gemeng', 'identity')).toBe('gemeng.identity.>');
    expect(eventSubject('gemeng', 'identity.user-erased')).toBe('gemeng.identity.user-erased');
    expect(durableName('gemeng', 'procedures')).toBe('gemeng-procedures');
    expect(deadLetterSubject('gemeng', 'procedures', 'identity.user-erased')).toBe(
      'gemeng.dead-letter.procedures.identity.user-erased',
    );
  });

  it("tell a prefix's streams from those of a longer prefix", () => {
    expect(isPrefixStream('t1', 't1-events-identity', ['t1.identity.>'])).toBe(true);
    expect(isPrefixStream('t1', 't1-dead-letters', ['t1.dead-letter.*.>'])).toBe(true);
    expect(isPrefixStream('t1', 't1-events-x-events-identity', ['t1-events-x.identity.>'])).toBe(false);
    expect(isPrefixStream('t1', 'T1-EVENTS', ['t1.identity.>'])).toBe(false);
  });
});
