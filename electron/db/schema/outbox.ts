import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The transactional outbox: written in the same transaction as the row it reports, drained in id order, removed
 * only after the central side acknowledges its idempotency key. Rows that cannot be delivered move to outbox_dead.
 */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  txId: text('tx_id').notNull(),
  kind: text('kind').notNull(),
  payloadJson: text('payload_json').notNull(),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: text('next_attempt_at'),
  lastError: text('last_error'),
  createdAt: text('created_at').notNull(),
});

export const outboxDead = sqliteTable('outbox_dead', {
  id: integer('id').primaryKey(),
  txId: text('tx_id').notNull(),
  kind: text('kind').notNull(),
  payloadJson: text('payload_json').notNull(),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  attempts: integer('attempts').notNull(),
  lastError: text('last_error'),
  createdAt: text('created_at').notNull(),
  deadAt: text('dead_at').notNull(),
  reason: text('reason').notNull(),
});
