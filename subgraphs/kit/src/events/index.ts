export { consumeOnce, type TransactionalHandler } from './consumer.ts';
export { backoffDelay, type Dispatcher, type DispatcherOptions, startDispatcher } from './dispatcher.ts';
export { createHttpBus, DeliveryError, type EventEndpoint, type HttpBusOptions, receiveEvent } from './http-bus.ts';
export { publishInTransaction } from './outbox.ts';
export {
  addJsonScalar,
  collectPersonalData,
  type PersonalDataCollectors,
  personalDataSection,
} from './personal-data.ts';
export { type EventsSettings, type RunningEvents, type SubgraphEvents, startEvents, userErasure } from './runtime.ts';
export {
  type CheckedEvent,
  checkSignedEvent,
  EVENT_SIGNATURE_HEADER,
  EVENT_TIMESTAMP_HEADER,
  type EventSigner,
  type EventVerifier,
  eventPrivateKey,
  eventPublicKeys,
  eventSigner,
  eventTypeOwner,
  eventVerifier,
  generateEventKeyPair,
  MAX_EVENT_AGE_MS,
  publicKeyOf,
  type Verification,
} from './signing.ts';
export {
  type Bus,
  type DomainEvent,
  type EventHandler,
  type EventReceiver,
  isEventType,
  type JsonValue,
  parseDomainEvent,
  type SqlClient,
  type TransactionalDb,
  type TxOf,
} from './types.ts';
