/**
 * What the shared platform put on NATS JetStream (the postgres project: ./shared-stack.ts `nats`), read straight
 * from the broker: the ids of the events in one domain's stream, as JetStream de-duplicates them (Nats-Msg-Id).
 */
import { connectBroker, streamName } from '@gemeng/subgraph-kit/nats';

export async function eventIdsOnStream(nats: { url: string; streamPrefix: string }, domain: string) {
  const broker = await connectBroker({ url: nats.url, name: 'gemeng-test-reader' });
  try {
    const stream = streamName(nats.streamPrefix, domain);
    const { state } = await broker.jsm.streams.info(stream);
    const ids: string[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
      const message = await broker.jsm.streams.getMessage(stream, { seq }).catch(() => null);
      const id = message?.header.get('Nats-Msg-Id');
      if (id) ids.push(id);
    }
    return ids;
  } finally {
    await broker.close();
  }
}
