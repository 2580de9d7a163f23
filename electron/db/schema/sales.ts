import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bornColumns } from './common';

/**
 * Sales (V1). A sale is a complete record (architecture.md section 7): everything the six reports need is copied onto
 * the row at the time of sale, so no report joins back to master data for a figure. Money is integer minor units of
 * `currency`, units integer tenths of `unit`, rates basis points, the price 1/10,000 of the major unit.
 *
 * Born once and never updated: a reprint reads it, nothing regenerates its tokens. The row, its tokens, the meter's
 * last TID, the audit row and the `sale.created` outbox row commit in one BEGIN IMMEDIATE transaction.
 * No foreign keys to master data: the sale keeps its own copy, and a meter or account it names can change later.
 */
export const sales = sqliteTable(
  'sales',
  {
    ...bornColumns(),
    /** The client's request id of vend.confirm: the same id returns this sale, never a second one. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** Station code + gap-free sequence ("ST01-000042"). */
    receiptNo: text('receipt_no').notNull().unique(),
    receiptSeq: integer('receipt_seq').notNull(),
    /** Station code + the terminal's gap-free sequence of token transactions ("ST01-T00000042"). */
    transactionNo: text('transaction_no').notNull().unique(),
    // Where: the station and district the sale was made at.
    stationCode: text('station_code').notNull(),
    stationName: text('station_name').notNull(),
    districtId: text('district_id').notNull(),
    districtCode: text('district_code').notNull(),
    districtName: text('district_name').notNull(),
    // Who: the account, its customer and meter.
    accountId: text('account_id').notNull(),
    accountNo: text('account_no').notNull(),
    customerId: text('customer_id').notNull(),
    customerNo: text('customer_no').notNull(),
    customerName: text('customer_name').notNull(),
    meterId: text('meter_id').notNull(),
    meterNo: text('meter_no').notNull(),
    meterType: text('meter_type', { enum: ['electricity', 'water', 'gas', 'solar-kit'] }).notNull(),
    scheme: text('scheme', { enum: ['STS', 'OpenPAYGO'] }).notNull(),
    // The price as it was: its id, version and terms.
    priceId: text('price_id').notNull(),
    priceName: text('price_name').notNull(),
    priceVersion: integer('price_version').notNull(),
    pricePerUnit: integer('price_per_unit').notNull(),
    currency: text('currency').notNull(),
    taxMode: text('tax_mode', { enum: ['vendor-compatible', 'tax-inclusive'] }).notNull(),
    vatBp: integer('vat_bp').notNull(),
    vatMinor: integer('vat_minor').notNull(),
    exciseBp: integer('excise_bp').notNull(),
    exciseMinor: integer('excise_minor').notNull(),
    // The figures: paid = charge value + VAT + excise; rounding is what bought units below the token's resolution.
    by: text('by', { enum: ['money', 'unit'] }).notNull(),
    paidMinor: integer('paid_minor').notNull(),
    chargeMinor: integer('charge_minor').notNull(),
    roundingMinor: integer('rounding_minor').notNull(),
    unitsTenths: integer('units_tenths').notNull(),
    unit: text('unit').notNull(),
    paymentType: text('payment_type').notNull(),
    // The operator and shift (the operator's sign-in session: login id and sign-in time).
    operatorId: text('operator_id').notNull(),
    operatorLoginId: text('operator_login_id').notNull(),
    operatorName: text('operator_name').notNull(),
    shift: text('shift').notNull(),
    // The token: TID and its base date and date (STS; null for a kit), the key it was made with, the kit's count.
    tid: integer('tid'),
    baseYear: integer('base_year'),
    /** The minute the TID names, in the TID time zone of the settings ("2026-05-01T08:00"). */
    tidDate: text('tid_date'),
    tidTimeZone: text('tid_time_zone'),
    /** "SGC 123456, TI 01, KRN 1, ..." of the key the credit token was made with (null for a kit). */
    keyParams: text('key_params'),
    /** The key change bundled before the credit: {from, to, rollover, tokens} (null when there was none). */
    keyChangeJson: text('key_change_json'),
    /** A kit's OpenPAYGO count after this code. */
    kitCount: integer('kit_count'),
    /** The tokens in entry order: [{role: 'key-change' | 'credit', digits, tid}]. */
    tokensJson: text('tokens_json').notNull(),
  },
  (t) => [
    index('sales_created_idx').on(t.createdAt),
    index('sales_customer_idx').on(t.customerNo, t.createdAt),
    index('sales_meter_no_idx').on(t.meterNo, t.createdAt),
    index('sales_meter_id_idx').on(t.meterId, t.createdAt),
    index('sales_account_idx').on(t.accountId, t.createdAt),
    index('sales_operator_idx').on(t.stationId, t.operatorLoginId, t.createdAt),
  ],
);

/** Every token of a sale, one row each, so a record is found by any of its tokens (a local index, not synced). */
export const saleTokens = sqliteTable(
  'sale_tokens',
  {
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    position: integer('position').notNull(),
    role: text('role', { enum: ['key-change', 'credit'] }).notNull(),
    token: text('token').notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.position] }), index('sale_tokens_token_idx').on(t.token)],
);

/**
 * Gap-free sequences of this terminal (receipt numbers, transaction numbers), advanced inside the transaction of the
 * row that takes the number, so a rolled-back sale gives its number back.
 */
export const sequences = sqliteTable('sequences', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
