import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { masterColumns } from './common';
import { customerCategories, meters, prices } from './library';
import { districts, stations } from './organisation';

/**
 * The Customer and Account Libraries' tables (L2). Both are master data: born with a UUIDv7 where they are made,
 * versioned, synced, never deleted while something points at them (they are deactivated instead). Customer and account
 * numbers are the operator's text ("0001"): leading zeros are kept. `search_seq` is this station's key into the
 * trigram search tables (migrations l2_party_search, l2_combined_search); it is local and never synced.
 */
export const customers = sqliteTable(
  'customers',
  {
    ...masterColumns(),
    customerNo: text('customer_no').notNull().unique(),
    /** The seed's "User Coder" column. */
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    identityNo: text('identity_no').notNull().default(''),
    categoryId: text('category_id')
      .notNull()
      .references(() => customerCategories.id),
    districtId: text('district_id')
      .notNull()
      .references(() => districts.id),
    searchSeq: integer('search_seq').notNull().unique(),
  },
  (t) => [
    index('customers_name_idx').on(t.name, t.customerNo),
    index('customers_district_idx').on(t.districtId),
    index('customers_category_idx').on(t.categoryId),
  ],
);

/**
 * An account ties a customer to a meter, a sales station and a price: what the Top-up Center sells to. One active
 * account per meter (a partial unique index keeps it true whatever writes the row). `sales_station_id` is the station
 * the account belongs to; `station_id` (every synced row has one) is where the row was born. Max overdraft is in tenths
 * of the meter type's unit, null until a Set Max Overdraft token (A1) sets it. `listed` is local (never synced): true
 * while the account, its customer, meter and price are all active, i.e. while the Top-up Center sells to it; triggers
 * keep it (migration l2_party_search), so the Top-up query counts a million accounts without joining them.
 */
export const accounts = sqliteTable(
  'accounts',
  {
    ...masterColumns(),
    accountNo: text('account_no').notNull().unique(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    meterId: text('meter_id')
      .notNull()
      .references(() => meters.id),
    salesStationId: text('sales_station_id')
      .notNull()
      .references(() => stations.id),
    priceId: text('price_id')
      .notNull()
      .references(() => prices.id),
    maxOverdraftTenths: integer('max_overdraft_tenths'),
    searchSeq: integer('search_seq').notNull().unique(),
    listed: integer('listed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('accounts_one_active_per_meter').on(t.meterId).where(sql`active = 1`),
    index('accounts_customer_idx').on(t.customerId),
    index('accounts_meter_idx').on(t.meterId),
    index('accounts_price_idx').on(t.priceId),
    index('accounts_sales_station_idx').on(t.salesStationId),
    index('accounts_listed_idx').on(t.meterId).where(sql`listed = 1`),
    // The Top-up search's first step reads only this index: which listed accounts a keyword's search rows are.
    index('accounts_listed_seq_idx').on(t.searchSeq).where(sql`listed = 1`),
  ],
);
