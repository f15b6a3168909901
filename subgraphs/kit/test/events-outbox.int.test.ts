/** The transactional outbox and its dispatcher on a real PostgreSQL, whatever the bus. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDispatcher } from '../src/events/dispatcher.ts';
import { publishInTransaction } from '../src/events/outbox.ts';
import { type EventDatabases, eventDatabases, log, outbox, publish, recordingBus, TYPE } from './events-support.ts';

let dbs: EventDatabases;

beforeAll(async () => {
  dbs = await eventDatabases();
});

afterAll(async () => {
  await dbs.close();
});

beforeEach(async () => {
  await dbs.publisher.$executeRawUnsafe('DELETE FROM outbox_event');
});

describe('the outbox', () => {
  it('delivers an event only when the transaction that wrote it commits', async () => {
    const { publisher } = dbs;
    await expect(
      publisher.$transaction(async (tx) => {
        await publishInTransaction(tx, TYPE, { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const bus = recordingBus();
    const dispatcher = startDispatcher({ db: publisher, bus, source: 'identity', log, autoStart: false });
    expect(await dispatcher.tick()).toEqual({ claimed: 0, delivered: 0 });
    expect(bus.events).toEqual([]);

    const id = await publish(publisher, { n: 2 });
    expect(await dispatcher.tick()).toEqual({ claimed: 1, delivered: 1 });
    expect(bus.events).toEqual([expect.objectContaining({ id, type: TYPE, source: 'identity' })]);
    expect(bus.events[0]?.payload).toEqual({ n: 2 });
    expect((await outbox(publisher))[0]?.published_at).toBeInstanceOf(Date);
    expect(await dispatcher.tick()).toEqual({ claimed: 0, delivered: 0 });
    await dispatcher.stop();
  });

  it('refuses a malformed event type', async () => {
    await expect(dbs.publisher.$transaction((tx) => publishInTransaction(tx, 'Not a type', {}))).rejects.toThrow(
      /subgraph\.what-happened/,
    );
  });

  it('is delivered once by two dispatchers polling the same database', async () => {
    const { publisher, replica } = dbs;
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) ids.add(await publish(publisher, { i }));
    const busA = recordingBus(5);
    const busB = recordingBus(5);
    const options = { source: 'identity', log, autoStart: false, batchSize: 5 } as const;
    const a = startDispatcher({ ...options, db: publisher, bus: busA });
    const b = startDispatcher({ ...options, db: replica, bus: busB });
    const drain = async (dispatcher: typeof a) => {
      while ((await outbox(publisher)).some((row) => row.published_at === null)) await dispatcher.tick();
    };
    await Promise.all([drain(a), drain(b)]);
    const delivered = [...busA.events, ...busB.events].map((event) => event.id);
    expect(delivered).toHaveLength(40);
    expect(new Set(delivered)).toEqual(ids);
    expect(busA.events.length).toBeGreaterThan(0);
    expect(busB.events.length).toBeGreaterThan(0);
  });
});
