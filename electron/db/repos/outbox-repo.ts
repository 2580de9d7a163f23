import type { AppDatabase } from '../open-database';
import { outbox } from '../schema';

export interface OutboxEntry {
  txId: string;
  kind: string;
  payload: unknown;
  idempotencyKey: string;
}

/** Appends to the transactional outbox; call inside the write transaction of the change it reports. */
export interface OutboxRepo {
  append(entry: OutboxEntry, now: string): void;
}

export function createOutboxRepo(db: AppDatabase): OutboxRepo {
  return {
    append(entry, now) {
      db.insert(outbox)
        .values({
          txId: entry.txId,
          kind: entry.kind,
          payloadJson: JSON.stringify(entry.payload),
          idempotencyKey: entry.idempotencyKey,
          createdAt: now,
        })
        .run();
    },
  };
}
