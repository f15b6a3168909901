/**
 * Who published an event. Each subgraph signs the events it publishes with its own Ed25519 private key
 * (GEMENG_EVENT_KEY); every consumer holds the publishers' public keys (GEMENG_EVENT_KEYS) and accepts an event
 * only when the signature is the one of the subgraph named as its `source`, and that subgraph owns the event's
 * type (`identity.*` from identity alone). Public keys, unlike shared HMAC keys, let a consumer verify without
 * being able to sign: a compromised culture subgraph cannot forge `identity.user-erased`, and the router holds
 * no event key at all. The signature covers a timestamp and the exact body bytes, so a signed event cannot be
 * altered, and a captured one is refused once it is older than MAX_EVENT_AGE_MS (within that window a replay is
 * the same event id, which consumers handle once anyway). See docs/adr/0005-domain-events-outbox.md.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ConfigError, type Setting } from '@gemeng/service-kit';
import { type DomainEvent, parseDomainEvent } from './types.ts';

/** `<publisher>:<hex Ed25519 signature of "<timestamp>.<body>">`. */
export const EVENT_SIGNATURE_HEADER = 'x-gemeng-event-signature';
/** When the publisher signed, in ms since the epoch. */
export const EVENT_TIMESTAMP_HEADER = 'x-gemeng-event-timestamp';
/** A signed delivery older (or further in the future) than this is refused: it bounds replays. */
export const MAX_EVENT_AGE_MS = 5 * 60_000;

const PUBLISHER = /^[a-z][a-z0-9-]*$/;

/** The subgraph allowed to publish events of this type: the one its prefix names (`identity.user-erased`). */
export function eventTypeOwner(type: string): string {
  return type.split('.')[0] ?? '';
}

export interface EventSigner {
  publisher: string;
  /** The headers that prove `body` comes from the publisher. */
  headers(body: string, now?: number): Record<string, string>;
}

export function eventSigner(publisher: string, privateKey: KeyObject): EventSigner {
  return {
    publisher,
    headers(body, now = Date.now()) {
      const timestamp = String(now);
      const signature = sign(null, Buffer.from(`${timestamp}.${body}`), privateKey).toString('hex');
      return { [EVENT_SIGNATURE_HEADER]: `${publisher}:${signature}`, [EVENT_TIMESTAMP_HEADER]: timestamp };
    },
  };
}

export type Verification = { ok: true; publisher: string } | { ok: false; reason: string };

/** Checks a delivery's signature against the publishers' public keys. */
export type EventVerifier = (headers: IncomingHttpHeaders, body: Buffer, now?: number) => Verification;

/**
 * `maxAgeMs` bounds how old a signature may be (default MAX_EVENT_AGE_MS for HTTP deliveries; a broker that keeps
 * events for days while a consumer is down passes its retention). A signature from the future is refused beyond
 * MAX_EVENT_AGE_MS either way (clock skew).
 */
export function eventVerifier(
  publicKeys: ReadonlyMap<string, KeyObject>,
  { maxAgeMs = MAX_EVENT_AGE_MS }: { maxAgeMs?: number } = {},
): EventVerifier {
  return (headers, body, now = Date.now()) => {
    const signed = headers[EVENT_SIGNATURE_HEADER];
    const timestamp = headers[EVENT_TIMESTAMP_HEADER];
    if (typeof signed !== 'string' || typeof timestamp !== 'string') {
      return { ok: false, reason: `unsigned (no ${EVENT_SIGNATURE_HEADER} and ${EVENT_TIMESTAMP_HEADER})` };
    }
    const match = /^([a-z][a-z0-9-]*):([0-9a-f]{128})$/.exec(signed);
    if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed signature' };
    const publisher = match[1];
    const key = publicKeys.get(publisher);
    if (!key) return { ok: false, reason: `no key for the publisher "${publisher}"` };
    const age = now - Number(timestamp);
    if (!/^\d{1,16}$/.test(timestamp) || age > maxAgeMs || -age > MAX_EVENT_AGE_MS) {
      return { ok: false, reason: 'timestamp outside the accepted window' };
    }
    const message = Buffer.concat([Buffer.from(`${timestamp}.`), body]);
    if (!verify(null, message, key, Buffer.from(match[2], 'hex'))) return { ok: false, reason: 'bad signature' };
    return { ok: true, publisher };
  };
}

export type CheckedEvent = { ok: true; event: DomainEvent } | { ok: false; status: 400 | 403; reason: string };

/**
 * A delivery as received (headers and exact body bytes), checked: signed by a known publisher (`verify`), a
 * well-formed event, whose `source` is that publisher and whose type that publisher owns. 403 and 400 say which
 * kind of refusal it is (for HTTP); `reason` is for the log.
 */
export function checkSignedEvent(verify: EventVerifier, headers: IncomingHttpHeaders, body: Buffer): CheckedEvent {
  const verified = verify(headers, body);
  if (!verified.ok) return { ok: false, status: 403, reason: verified.reason };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, status: 400, reason: 'The event is not valid JSON.' };
  }
  const event = parseDomainEvent(parsed);
  if (event instanceof Error) return { ok: false, status: 400, reason: event.message };
  if (event.source !== verified.publisher) {
    return {
      ok: false,
      status: 403,
      reason: `signed by ${verified.publisher} but claims to come from ${event.source}`,
    };
  }
  if (eventTypeOwner(event.type) !== verified.publisher) {
    const owner = eventTypeOwner(event.type);
    return {
      ok: false,
      status: 403,
      reason: `${verified.publisher} may not publish ${event.type} (owned by ${owner})`,
    };
  }
  return { ok: true, event };
}

/** A new key pair, as GEMENG_EVENT_KEY (private, PKCS#8 DER) and its entry in GEMENG_EVENT_KEYS (SPKI DER). */
export function generateEventKeyPair(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
  };
}

/** The public key that belongs to a private one. */
export function publicKeyOf(privateKey: KeyObject): KeyObject {
  return createPublicKey(privateKey);
}

function ed25519(env: string, raw: string, type: 'pkcs8' | 'spki'): KeyObject {
  try {
    const der = Buffer.from(raw, 'base64'); // base64 and base64url alike
    const key =
      type === 'pkcs8'
        ? createPrivateKey({ key: der, format: 'der', type })
        : createPublicKey({ key: der, format: 'der', type });
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {}
  const what = type === 'pkcs8' ? 'private key (PKCS#8 DER)' : 'public key (SPKI DER)';
  throw new ConfigError(`${env} holds no base64 Ed25519 ${what}: see the README's configuration table`);
}

/** GEMENG_EVENT_KEY: the subgraph's own private signing key (optional: a subgraph that publishes needs it). */
export function eventPrivateKey(env: string): Setting<KeyObject | undefined> {
  return { env, read: (raw) => (raw === undefined ? undefined : ed25519(env, raw, 'pkcs8')) };
}

/** GEMENG_EVENT_KEYS: `identity:<public key>,culture:<public key>,…`, the publishers a consumer trusts. */
export function eventPublicKeys(env: string): Setting<Map<string, KeyObject>> {
  return {
    env,
    read(raw) {
      const keys = new Map<string, KeyObject>();
      for (const entry of (raw ?? '').split(',').map((item) => item.trim())) {
        if (!entry) continue;
        const colon = entry.indexOf(':');
        const publisher = entry.slice(0, colon);
        if (colon < 0 || !PUBLISHER.test(publisher)) {
          throw new ConfigError(`${env}: "${entry.slice(0, 20)}…" is not <subgraph>:<public key>`);
        }
        keys.set(publisher, ed25519(`${env} (${publisher})`, entry.slice(colon + 1), 'spki'));
      }
      return keys;
    },
  };
}
