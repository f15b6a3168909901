/**
 * Idempotent consumers. A subgraph that handles events adds this model to its prisma/schema.prisma:
 *
 *   model ProcessedEvent {
 *     id          String   @id @db.Uuid
 *     type        String
 *     processedAt DateTime @default(now()) @map("processed_at") @db.Timestamptz(3)
 *
 *     @@map("processed_event")
 *   }
 *
 * `consumeOnce(db, handler)` runs the handler in a transaction that first inserts the event id into
 * processed_event: a redelivered event (or the same event delivered twice at once) finds the id and is
 * skipped, and a failing handler rolls its changes and the id back together, so the event is retried.
 */
import type { DomainEvent, EventHandler, SqlClient, TransactionalDb } from './types.ts';

export type TransactionalHandler<Tx> = (event: DomainEvent, tx: Tx) => Promise<void>;

export function consumeOnce<Tx extends SqlClient>(
  db: TransactionalDb<Tx>,
  handler: TransactionalHandler<Tx>,
): EventHandler {
  return (event) =>
    db.$transaction(
      async (tx) => {
        const inserted = await tx.$executeRawUnsafe(
          'INSERT INTO processed_event (id, type) VALUES ($1::uuid, $2) ON CONFLICT (id) DO NOTHING',
          event.id,
          event.type,
        );
        if (inserted === 0) return; // handled before
        await handler(event, tx);
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
}
