import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every syncable row is born with (architecture.md invariant 8): a UUIDv7 made where the row is born, the
 * station it was born at, and its creation time. Master data adds a version and an update time.
 */
export const bornColumns = () => ({
  id: text('id').primaryKey(),
  stationId: text('station_id').notNull(),
  createdAt: text('created_at').notNull(),
});

export const masterColumns = () => ({
  ...bornColumns(),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});
