import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { masterColumns } from './common';

/**
 * The Library Center's tables (L1). Meter model profiles and customer categories are built-in reference rows with
 * stable word ids, the same at every station, written at start-up from shared/library (not master data a station
 * edits, so no outbox rows). Meters and prices are master data: born with a UUIDv7, versioned, synced.
 */
export const meterProfiles = sqliteTable('meter_profiles', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The DRN's 2- or 4-digit manufacturer code; null when the profile takes any. */
  manufacturerCode: text('manufacturer_code'),
  kind: text('kind').notNull(),
  scheme: text('scheme', { enum: ['STS', 'OpenPAYGO'] }).notNull(),
  serialPrefix: text('serial_prefix'),
  defaultKeysJson: text('default_keys_json'),
  managementTokensJson: text('management_tokens_json').notNull(),
  encodingsJson: text('encodings_json').notNull(),
  testOnly: integer('test_only', { mode: 'boolean' }).notNull().default(false),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(true),
  /** The definition revision a built-in row was written from. */
  revision: integer('revision').notNull().default(1),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

export const customerCategories = sqliteTable('customer_categories', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(true),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

export const meters = sqliteTable(
  'meters',
  {
    ...masterColumns(),
    /** The DRN (11 or 13 digits with its Luhn digit) or, for a solar kit, its serial. */
    meterNo: text('meter_no').notNull().unique(),
    meterType: text('meter_type', { enum: ['electricity', 'water', 'gas', 'solar-kit'] }).notNull(),
    profileId: text('profile_id')
      .notNull()
      .references(() => meterProfiles.id),
    // The key parameters the meter holds now (STS meters; null for solar kits).
    sgc: text('sgc'),
    ti: integer('ti'),
    krn: integer('krn'),
    keyType: integer('key_type'),
    algorithm: text('algorithm'),
    baseYear: integer('base_year'),
    dkga: text('dkga'),
    // The key parameters it must move to (all null when nothing is pending); a vend or key change moves them.
    pendingSgc: text('pending_sgc'),
    pendingTi: integer('pending_ti'),
    pendingKrn: integer('pending_krn'),
    pendingKeyType: integer('pending_key_type'),
    pendingAlgorithm: text('pending_algorithm'),
    pendingBaseYear: integer('pending_base_year'),
    pendingDkga: text('pending_dkga'),
    // OpenPAYGO kits: the 9-digit starting code and the count; the secret lives in the key store only.
    kitStartingCode: text('kit_starting_code'),
    kitCount: integer('kit_count'),
    kitSecretSet: integer('kit_secret_set', { mode: 'boolean' }).notNull().default(false),
    /** This station's key into the meters_search index (a trigram FTS5 table); local, never synced. */
    searchSeq: integer('search_seq').notNull().unique(),
  },
  (t) => [index('meters_type_no_idx').on(t.meterType, t.meterNo), index('meters_profile_idx').on(t.profileId, t.meterNo)],
);

/**
 * The last TID issued to a meter, per base date (architecture.md section 7: a roll-over to a new base date starts a
 * new sequence). Terminal state written by the vend in the same transaction as the token; a row here means the meter
 * has had a token.
 */
export const meterTids = sqliteTable(
  'meter_tids',
  {
    meterId: text('meter_id')
      .notNull()
      .references(() => meters.id),
    baseYear: integer('base_year').notNull(),
    lastTid: integer('last_tid').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meterId, t.baseYear] })],
);

export const prices = sqliteTable(
  'prices',
  {
    ...masterColumns(),
    name: text('name').notNull().unique(),
    meterType: text('meter_type', { enum: ['electricity', 'water', 'gas', 'solar-kit'] }).notNull(),
    categoryId: text('category_id')
      .notNull()
      .references(() => customerCategories.id),
    /** Per unit, in 1/10,000 of the currency's major unit. */
    pricePerUnit: integer('price_per_unit').notNull(),
    currency: text('currency').notNull(),
    vatBp: integer('vat_bp').notNull().default(0),
    exciseBp: integer('excise_bp').notNull().default(0),
    taxMode: text('tax_mode', { enum: ['vendor-compatible', 'tax-inclusive'] }).notNull(),
    /** Minor units of the currency; max null = no maximum. */
    minPurchase: integer('min_purchase').notNull().default(0),
    maxPurchase: integer('max_purchase'),
  },
  (t) => [index('prices_type_category_idx').on(t.meterType, t.categoryId)],
);
