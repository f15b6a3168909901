/**
 * The transactional outbox. A subgraph that publishes events adds this model to its prisma/schema.prisma (and
 * generates the migration with `npx gemeng-subgraph diff outbox_event`):
 *
 *   model OutboxEvent {
 *     id            String    @id @db.Uuid
 *     type          String
 *     payload       Json
 *     createdAt     DateTime  @default(now()) @map("created_at") @db.Timestamptz(3)
 *     publishedAt   DateTime? @map("published_at") @db.Timestamptz(3)
 *     attempts      Int       @default(0)
 *     nextAttemptAt DateTime  @default(now()) @map("next_attempt_at") @db.Timestamptz(3)
 *     lastError     String?   @map("last_error")
 *
 *     @@index([publishedAt, nextAttemptAt])
 *     @@map("outbox_event")
 *   }
 *
 * and writes events with `publishInTransaction(tx, type, payload)` inside the transaction of the change: the
 * event exists if and only if the change committed. The dispatcher (./dispatcher.ts) delivers it.
 */
import { randomUUID } from 'node:crypto';
import { isEventType, type JsonValue, type SqlClient } from './types.ts';

/** Writes an event to the outbox in the caller's transaction (`tx` of `db.$transaction`); returns its id. */
export async function publishInTransaction(tx: SqlClient, type: string, payload: JsonValue): Promise<string> {
  if (!isEventType(type)) throw new Error(`event type "${type}" must look like "subgraph.what-happened"`);
  const id = randomUUID();
  await tx.$executeRawUnsafe(
    'INSERT INTO outbox_event (id, type, payload) VALUES ($1::uuid, $2, $3::jsonb)',
    id,
    type,
    JSON.stringify(payload),
  );
  return id;
}
