import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** How the browser-mode passphrase key is derived (salt, parameters) and a verifier to tell a wrong passphrase. */
export const keyStoreMeta = sqliteTable('key_store_meta', {
  id: integer('id').primaryKey(),
  kdf: text('kdf').notNull(),
  salt: blob('salt', { mode: 'buffer' }).notNull(),
  verifier: blob('verifier', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/** Secrets wrapped by the key store's cipher: never stored, logged or exported in the clear. */
export const keyStoreEntries = sqliteTable('key_store', {
  name: text('name').primaryKey(),
  wrapping: text('wrapping').notNull(),
  ciphertext: blob('ciphertext', { mode: 'buffer' }).notNull(),
  fingerprint: text('fingerprint').notNull(),
  metaJson: text('meta_json').notNull().default('{}'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
