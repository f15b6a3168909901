/**
 * The bus on NATS JetStream (NATS_URL set). Publishing puts the event, signed by its publisher, on
 * `<prefix>.<event type>` in its domain's stream with `msgID` = the event id, and resolves on the stream's ack:
 * a re-publish after a crash (before the outbox row was marked) is dropped by JetStream's de-duplication.
 * Consuming: one durable pull consumer per subgraph on each domain stream it handles events of, explicit ack,
 * so a subgraph that was down catches up when it returns and its replicas share the work. Each delivery is
 * checked like an HTTP one (signature, source, owner of the type), then handed to the handlers; a handler that
 * throws gets the event again after a backoff (nak with delay), up to `maxAttempts` deliveries, after which the
 * event goes to the dead-letter stream (./dead-letters.ts) with an error log line. A refused event is
 * dead-lettered at once and never handled. See docs/adr/0007-domain-events-on-nats-jetstream.md.
 */

import type { Logger } from '@gemeng/service-kit';
import { AckPolicy, type ConsumerMessages, DeliverPolicy, JetStreamApiError, type JsMsg } from '@nats-io/jetstream';
import { nanos, headers as natsHeaders } from '@nats-io/transport-node';
import { backoffDelay } from '../dispatcher.ts';
import {
  checkSignedEvent,
  EVENT_SIGNATURE_HEADER,
  EVENT_TIMESTAMP_HEADER,
  type EventSigner,
  type EventVerifier,
  eventTypeOwner,
} from '../signing.ts';
import type { Bus, EventHandler } from '../types.ts';
import { type Broker, connectBroker } from './connection.ts';
import { publishDeadLetter } from './dead-letters.ts';
import { type BrokerSettings, domainOf, durableName, eventSubject, streamName } from './settings.ts';
import { ensureDeadLetterStream, ensureDomainStream } from './streams.ts';

export interface NatsBusOptions {
  broker: Broker;
  prefix: string;
  /** The subgraph of this process: names its durable consumers and its dead letters. */
  subgraph: string;
  /** Signs what this process publishes; without it, publishing fails. */
  signer?: EventSigner | undefined;
  /** The publishers' public keys (see ../signing.ts). */
  verify: EventVerifier;
  log: Logger;
  /** Deliveries of one event to a failing handler before it is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Redelivery delay after the first failure (default 1000 ms), doubled per attempt up to `retryMaxMs` (60 s). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long a delivery may stay unanswered before JetStream delivers it again (default 60 s). */
  ackWaitMs?: number;
  /** Wait for the stream's ack of a publish (default 5000 ms). */
  publishTimeoutMs?: number;
  /** How often a consumer checks that its stream and durable consumer still exist on the broker (default 10 s). */
  watchdogMs?: number;
}

export interface NatsBus extends Bus {
  /** Creates the durable consumers of the subscribed types and starts consuming (after every `subscribe`). */
  start(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createNatsBus(options: NatsBusOptions): NatsBus {
  const { broker, prefix, subgraph, log } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const handlers = new Map<string, EventHandler[]>();
  const ensured = new Set<string>();
  const subscriptions: ConsumerMessages[] = [];
  const loops: Promise<void>[] = [];
  const watchdogs: NodeJS.Timeout[] = [];
  let closing = false;

  async function ensure(domain: string) {
    if (ensured.has(domain)) return;
    await ensureDomainStream(broker.jsm, prefix, domain);
    ensured.add(domain);
  }

  async function deadLetter(msg: JsMsg, type: string, eventId: string, error: string) {
    await publishDeadLetter(broker.js, {
      prefix,
      subgraph,
      type,
      eventId,
      attempts: msg.info.deliveryCount,
      error,
      subject: msg.subject,
      data: msg.data,
      original: msg.headers,
      origin: `${msg.info.stream}:${msg.info.streamSequence}`,
    });
    msg.term();
  }

  /**
   * The domain's stream and this subgraph's durable consumer on it, created or brought up to date. `from`: a
   * consumer created anew starts at that stream sequence instead of the stream's first event.
   */
  async function ensureConsumer(domain: string, from?: number) {
    await ensure(domain);
    const stream = streamName(prefix, domain);
    const durable = durableName(prefix, subgraph);
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(options.ackWaitMs ?? 60_000),
      // a spare delivery or two: one without an answer is dead-lettered by handle(), see below
      max_deliver: maxAttempts + 2,
      max_ack_pending: 1000,
    };
    const start = from ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from } : {};
    try {
      await broker.jsm.consumers.add(stream, { ...config, deliver_policy: DeliverPolicy.All, ...start });
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) throw error;
      // it exists with an older configuration, or from a sequence (a replica re-created it): where it starts stays
      await broker.jsm.consumers.update(stream, durable, config);
    }
  }

  /** Consumes the domain's stream through this subgraph's durable consumer, until `close()`. */
  async function openConsumer(domain: string, from?: number) {
    await ensureConsumer(domain, from);
    const stream = streamName(prefix, domain);
    const durable = durableName(prefix, subgraph);
    const consumer = await broker.js.consumers.get(stream, durable);
    // a pull lasts 10 s (not 30): a pull the broker forgot (2.9, after a consumer was re-created) is renewed soon
    const messages = await consumer.consume({ max_messages: 20, expires: 10_000 });
    subscriptions.push(messages);
    loops.push(consume(messages));
    let lost = false;
    const reopenOnce = (recreateFrom?: number) => {
      if (lost || closing) return;
      lost = true;
      clearInterval(watchdog);
      void reopen(domain, messages, recreateFrom);
    };
    // The client reports a deleted consumer (409) or missed heartbeats ...
    const gone = ['consumer_not_found', 'stream_not_found', 'consumer_deleted'];
    void (async () => {
      for await (const status of messages.status()) if (gone.includes(status.type)) reopenOnce();
    })();
    // ... but not when the stream vanished while no pull was pending (seen under load): ask the broker ourselves.
    // And a consumer can stall: events wait, none is out for an answer, and deliveries do not move on over three
    // checks, whether or not a pull of ours waits at the broker (nats-server 2.9 after a stream was deleted and
    // created again). Such a consumer is created anew from its ack floor: nothing handled is delivered again.
    let lastDelivered: number | undefined;
    let stalledChecks = 0;
    const watchdog = setInterval(() => {
      broker.jsm.consumers.info(stream, durable).then(
        (info) => {
          const delivered = info.delivered.stream_seq;
          const stalled = info.num_pending > 0 && info.num_ack_pending === 0 && delivered === lastDelivered;
          lastDelivered = delivered;
          stalledChecks = stalled ? stalledChecks + 1 : 0;
          if (stalledChecks >= 2) reopenOnce(info.ack_floor.stream_seq + 1);
        },
        (error: unknown) => {
          if (error instanceof JetStreamApiError && (error.code === 10014 || error.code === 10059)) reopenOnce();
        },
      );
    }, options.watchdogMs ?? 10_000);
    watchdog.unref();
    watchdogs.push(watchdog);
  }

  /**
   * A broker that lost its storage, an operator who deleted the stream or the consumer, or a stalled consumer
   * (`recreateFrom`: deleted and created again from that stream sequence): consume anew, retried every few seconds
   * while the broker refuses.
   */
  async function reopen(domain: string, messages: ConsumerMessages, recreateFrom?: number) {
    await messages.close().catch(() => {});
    const index = subscriptions.indexOf(messages);
    if (index >= 0) subscriptions.splice(index, 1);
    ensured.delete(domain);
    if (recreateFrom !== undefined) {
      await broker.jsm.consumers.delete(streamName(prefix, domain), durableName(prefix, subgraph)).catch(() => {});
    }
    while (!closing) {
      try {
        await openConsumer(domain, recreateFrom);
        const how =
          recreateFrom === undefined ? 'missing: opened again' : `stalled: created again from ${recreateFrom}`;
        log.warn({ domain }, `the event consumer on the broker was ${how}`);
        return;
      } catch (error) {
        log.warn({ domain, reason: message(error) }, 'event consumer not created again yet');
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }

  async function handle(msg: JsMsg) {
    const attempts = msg.info.deliveryCount;
    const signed = {
      [EVENT_SIGNATURE_HEADER]: msg.headers?.get(EVENT_SIGNATURE_HEADER) || undefined,
      [EVENT_TIMESTAMP_HEADER]: msg.headers?.get(EVENT_TIMESTAMP_HEADER) || undefined,
    };
    const checked = checkSignedEvent(options.verify, signed, Buffer.from(msg.data));
    const fromSubject = msg.subject.slice(prefix.length + 1);
    let refusal = checked.ok ? undefined : checked.reason;
    if (checked.ok && msg.subject !== eventSubject(prefix, checked.event.type)) {
      refusal = `published on ${msg.subject}, not on the subject of ${checked.event.type}`;
    }
    if (refusal || !checked.ok) {
      log.error(
        { subject: msg.subject, reason: refusal, stream: msg.info.stream, seq: msg.info.streamSequence },
        'event refused (not signed by the subgraph that owns it): dead-lettered, not handled',
      );
      return deadLetter(msg, fromSubject, 'unknown', `refused: ${refusal}`);
    }
    const { event } = checked;
    const context = { eventId: event.id, type: event.type, attempts };
    if (attempts > maxAttempts) {
      // earlier deliveries got no answer: the process stopped or the handler outlived the ack wait
      const reason = `delivered ${attempts} times without an answer (the subgraph stopped or its handler timed out)`;
      log.error({ ...context, reason }, 'event dead-lettered: list with gemeng-subgraph events dead-letters');
      return deadLetter(msg, event.type, event.id, reason);
    }
    try {
      for (const handler of handlers.get(event.type) ?? []) await handler(event);
      msg.ack();
    } catch (error) {
      const reason = message(error);
      if (attempts < maxAttempts) {
        const delay = backoffDelay(attempts, options.retryBaseMs ?? 1000, options.retryMaxMs ?? 60_000);
        log.warn({ ...context, retryInMs: delay, reason }, 'event handler failed: delivered again later');
        msg.nak(delay);
        return;
      }
      log.error(
        { ...context, reason },
        `event dead-lettered after ${attempts} failed attempts: list with gemeng-subgraph events dead-letters`,
      );
      await deadLetter(msg, event.type, event.id, reason);
    }
  }

  async function consume(messages: ConsumerMessages) {
    for await (const msg of messages) {
      await handle(msg).catch((error: unknown) => {
        // e.g. the dead-letter stream did not ack: leave the event to JetStream's redelivery
        log.error({ err: error, subject: msg.subject }, 'event delivery failed');
        msg.nak(options.retryMaxMs ?? 60_000);
      });
    }
  }

  return {
    async publish(event) {
      const signer = options.signer;
      if (!signer) throw new Error('no event key (GEMENG_EVENT_KEY) to sign with');
      const domain = domainOf(event.type);
      if (eventTypeOwner(event.type) !== signer.publisher) {
        throw new Error(`${signer.publisher} may not publish ${event.type}`);
      }
      if (!broker.isConnected()) throw new Error('the NATS broker is unreachable: the client is reconnecting');
      const body = JSON.stringify(event);
      const headers = natsHeaders();
      for (const [key, value] of Object.entries(signer.headers(body))) headers.set(key, value);
      try {
        await ensure(domain);
        await broker.js.publish(eventSubject(prefix, event.type), body, {
          msgID: event.id,
          headers,
          timeout: options.publishTimeoutMs ?? 5000,
        });
      } catch (error) {
        ensured.delete(domain); // the stream may be gone: look again next time
        throw new Error(`NATS JetStream did not acknowledge the event (${message(error)})`);
      }
    },
    subscribe(type, handler) {
      domainOf(type); // throws on a type without a domain
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
    },
    async start() {
      const domains = new Set([...handlers.keys()].map(domainOf));
      if (domains.size === 0) return;
      await ensureDeadLetterStream(broker.jsm, prefix);
      for (const domain of domains) await openConsumer(domain);
    },
    async close() {
      closing = true;
      for (const watchdog of watchdogs) clearInterval(watchdog);
      for (const messages of subscriptions) await messages.close().catch(() => {});
      await Promise.allSettled(loops);
      handlers.clear();
      await broker.close();
    },
  };
}

/** Connects to NATS_URL and creates the bus on it (see `createNatsBus`). */
export async function connectNatsBus(
  settings: BrokerSettings & Omit<NatsBusOptions, 'broker' | 'prefix'>,
): Promise<NatsBus> {
  const broker = await connectBroker({ url: settings.url, name: `gemeng-${settings.subgraph}`, log: settings.log });
  const { url: _url, ...options } = settings;
  return createNatsBus({ ...options, broker });
}
