/**
 * A client address of its own for each data test file (a vitest setup file of the embedded and postgres
 * projects). The files share one platform, and identity counts failed attempts and mails per client address:
 * from one address, a file that tries twenty wrong passwords would slow down every other file's sign-ins. So each
 * file's HTTP requests (`fetch`) leave from a loopback address of its own in 127.0.0.0/8, and the services see
 * that address on the connection, as they would see a real client's: no setting changes, no header to trust.
 */
import { randomInt } from 'node:crypto';

const DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** This file's address: 127.a.b.c, never 127.0.0.1 (the services' own). */
const address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** The address this test file's requests come from, as the services see it. */
export function clientAddress(): string {
  return address;
}

// Node's fetch creates its global dispatcher on first use (a data: URL touches no network); an Agent like it,
// bound to the file's address, replaces it.
await fetch('data:,');
const current = (globalThis as Record<symbol, unknown>)[DISPATCHER] as {
  constructor: new (options: object) => unknown;
};
if (!current) throw new Error('tests/support/client-address.ts: Node’s fetch has no global dispatcher to replace');
(globalThis as Record<symbol, unknown>)[DISPATCHER] = new current.constructor({ localAddress: address });
