import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Internal key-value state of this terminal (its station, the audit head anchor, the last wall-clock time seen). */
export const appState = sqliteTable('app_state', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: text('updated_at').notNull(),
});
