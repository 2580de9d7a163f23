import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bornColumns } from './common';

/**
 * Management and key-change tokens (A1): Set Max Overdraft, Clear Credit, Clear Tamper, Set Max Power, Key Change and
 * Meter Test. Like a sale, a record is complete when born and never updated: the account, customer and meter are
 * copied onto it, with the operator, the parameters and the token(s). The row, its tokens, the meter's last TID (TIDs
 * are shared with credit tokens), the audit row and the outbox row commit in one BEGIN IMMEDIATE transaction before
 * anything is shown; a reprint reads it back and never regenerates a token.
 */
export const managementTokens = sqliteTable(
  'management_tokens',
  {
    ...bornColumns(),
    /** The client's request id: the same id returns this record, never a second token. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    kind: text('kind', { enum: ['setMaxOverdraft', 'clearCredit', 'clearTamper', 'setMaxPower', 'keyChange', 'meterTest'] }).notNull(),
    accountId: text('account_id'),
    accountNo: text('account_no'),
    customerId: text('customer_id'),
    customerNo: text('customer_no'),
    customerName: text('customer_name'),
    meterId: text('meter_id').notNull(),
    meterNo: text('meter_no').notNull(),
    profileId: text('profile_id').notNull(),
    /** The value as the receipt shows it ("all registers", "5000 W", "12.5 kWh", "KRN 1 -> 2"), or null. */
    valueText: text('value_text'),
    /** The value as a number where there is one (watts, tenths, register). */
    valueNumber: integer('value_number'),
    /** The action's parameters (JSON): register, watts, tenths, key change from/to and roll-over, test control. */
    paramsJson: text('params_json').notNull(),
    tid: integer('tid'),
    baseYear: integer('base_year'),
    tidDate: text('tid_date'),
    keyParams: text('key_params'),
    /** A test-only encoding's receipt mark ("TEST METER"), or null. */
    receiptMark: text('receipt_mark'),
    operatorId: text('operator_id').notNull(),
    operatorLoginId: text('operator_login_id').notNull(),
    operatorName: text('operator_name').notNull(),
    /** The tokens in entry order, 20 digits each (JSON array). */
    tokensJson: text('tokens_json').notNull(),
  },
  (t) => [
    index('management_tokens_kind_idx').on(t.kind, t.createdAt),
    index('management_tokens_meter_idx').on(t.meterId, t.createdAt),
  ],
);

/** Every token of a record, so the decoder finds a record by any of its tokens (a local index, not synced). */
export const managementTokenNumbers = sqliteTable(
  'management_token_numbers',
  {
    recordId: text('record_id')
      .notNull()
      .references(() => managementTokens.id),
    position: integer('position').notNull(),
    token: text('token').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.position] }), index('management_token_numbers_token_idx').on(t.token)],
);
