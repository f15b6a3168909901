/** `@gemeng/subgraph-kit/nats`: domain events on NATS JetStream (loaded only when NATS_URL is set). */

export { connectNatsBus, createNatsBus, type NatsBus, type NatsBusOptions } from './bus.ts';
export { type Broker, type BrokerOptions, connectBroker } from './connection.ts';
export {
  DEAD_LETTER_HEADERS,
  type DeadLetter,
  printDeadLetters,
  publishDeadLetter,
  readDeadLetters,
} from './dead-letters.ts';
export * from './settings.ts';
export {
  DEAD_LETTER_RETENTION_MS,
  DUPLICATE_WINDOW_MS,
  deleteEventStreams,
  EVENT_RETENTION_MS,
  ensureDeadLetterStream,
  ensureDomainStream,
} from './streams.ts';
