import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only and hash-chained: each row's hash covers all its columns in a canonical encoding plus the previous
 * row's hash, so an edited, deleted or inserted row breaks the chain at that row.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  id: text('id').notNull().unique(),
  at: text('at').notNull(),
  stationId: text('station_id').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target').notNull(),
  result: text('result').notNull(),
  detailsJson: text('details_json').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
