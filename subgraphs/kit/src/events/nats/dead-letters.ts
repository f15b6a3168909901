/**
 * Dead letters: an event that a subgraph's handler kept failing on (or that failed the signature check) is
 * published, with the original body and signature, to `<prefix>.dead-letter.<subgraph>.<event type>` in the
 * `<prefix>-dead-letters` stream (kept 30 days), and no longer delivered to that subgraph. Operators list them
 * with `gemeng-subgraph events dead-letters` (README, operator section).
 */
import { JetStreamApiError, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { type MsgHdrs, headers as natsHeaders } from '@nats-io/transport-node';
import { connectBroker } from './connection.ts';
import { deadLetterStream, deadLetterSubject } from './settings.ts';

export const DEAD_LETTER_HEADERS = {
  subgraph: 'Gemeng-Dead-Letter-Subgraph',
  eventId: 'Gemeng-Dead-Letter-Event-Id',
  type: 'Gemeng-Dead-Letter-Type',
  attempts: 'Gemeng-Dead-Letter-Attempts',
  error: 'Gemeng-Dead-Letter-Error',
  subject: 'Gemeng-Dead-Letter-Subject',
} as const;

export interface DeadLetter {
  /** Its sequence in the dead-letter stream. */
  seq: number;
  /** When it was dead-lettered. */
  time: Date;
  /** The subgraph that could not handle it. */
  subgraph: string;
  /** The event's type and id (`unknown` when the body was not an event). */
  type: string;
  eventId: string;
  /** Deliveries to that subgraph before it gave up. */
  attempts: number;
  /** The last handler error, or why the event was refused. */
  error: string;
  /** The subject it was published on. */
  subject: string;
  body: string;
}

export interface DeadLetterInput {
  prefix: string;
  subgraph: string;
  type: string;
  eventId: string;
  attempts: number;
  error: string;
  subject: string;
  data: Uint8Array;
  /** The original headers (the publisher's signature), kept so that the event can be published again. */
  original?: MsgHdrs | undefined;
  /** Where it came from (`<stream>:<sequence>`): dead-lettering it twice after a crash keeps one. */
  origin: string;
}

/** Publishes a dead letter and waits for the stream's ack. */
export async function publishDeadLetter(js: JetStreamClient, input: DeadLetterInput): Promise<void> {
  const headers = natsHeaders();
  for (const [key, values] of input.original ?? []) for (const value of values) headers.append(key, value);
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').slice(0, 1000);
  headers.set(DEAD_LETTER_HEADERS.subgraph, input.subgraph);
  headers.set(DEAD_LETTER_HEADERS.eventId, oneLine(input.eventId));
  headers.set(DEAD_LETTER_HEADERS.type, oneLine(input.type));
  headers.set(DEAD_LETTER_HEADERS.attempts, String(input.attempts));
  headers.set(DEAD_LETTER_HEADERS.error, oneLine(input.error) || 'unknown');
  headers.set(DEAD_LETTER_HEADERS.subject, oneLine(input.subject));
  const type = /^[a-z0-9.-]+$/.test(input.type) ? input.type : 'unknown';
  await js.publish(deadLetterSubject(input.prefix, input.subgraph, type), input.data, {
    headers,
    msgID: `${input.subgraph}:${input.origin}`,
  });
}

/** The dead letters of a prefix, oldest first (at most `limit`, the most recent ones). */
export async function readDeadLetters(jsm: JetStreamManager, prefix: string, limit = 1000): Promise<DeadLetter[]> {
  const stream = deadLetterStream(prefix);
  let first: number;
  let last: number;
  try {
    const { state } = await jsm.streams.info(stream);
    first = state.first_seq;
    last = state.last_seq;
    if (state.messages === 0) return [];
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === 10059) return []; // never had one
    throw error;
  }
  const letters: DeadLetter[] = [];
  for (let seq = Math.max(first, last - limit + 1); seq <= last; seq++) {
    const stored = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (!stored) continue; // deleted
    const header = (name: string) => stored.header?.get(name) ?? '';
    letters.push({
      seq,
      time: stored.time,
      subgraph: header(DEAD_LETTER_HEADERS.subgraph),
      type: header(DEAD_LETTER_HEADERS.type),
      eventId: header(DEAD_LETTER_HEADERS.eventId),
      attempts: Number(header(DEAD_LETTER_HEADERS.attempts)) || 0,
      error: header(DEAD_LETTER_HEADERS.error),
      subject: header(DEAD_LETTER_HEADERS.subject),
      body: new TextDecoder().decode(stored.data),
    });
  }
  return letters;
}

/** `gemeng-subgraph events dead-letters`: one line per dead letter, for operators. */
export async function printDeadLetters(
  options: { url: string; prefix: string },
  write: (line: string) => void = console.log,
): Promise<number> {
  const broker = await connectBroker({ url: options.url, name: 'gemeng-dead-letters' });
  try {
    const letters = await readDeadLetters(broker.jsm, options.prefix);
    if (letters.length === 0) {
      write(`no dead letters in ${deadLetterStream(options.prefix)}`);
      return 0;
    }
    write(['dead-lettered at', 'subgraph', 'type', 'event id', 'attempts', 'last error'].join('\t'));
    for (const letter of letters) {
      write(
        [
          letter.time.toISOString(),
          letter.subgraph,
          letter.type,
          letter.eventId,
          String(letter.attempts),
          letter.error,
        ].join('\t'),
      );
    }
    write(`${letters.length} dead letter(s) in ${deadLetterStream(options.prefix)}`);
    return letters.length;
  } finally {
    await broker.close();
  }
}
