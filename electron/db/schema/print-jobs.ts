import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PRINT_JOB_STATES, PRINT_SOURCE_KINDS } from '../../../shared/receipt/print-job';
import { bornColumns } from './common';

/**
 * Print jobs (P1): one row per receipt the till asked a printer for, with what it was printed from (the receipt
 * record, so a retry lays out the same facts and never regenerates a token) and where it stands. Local device state:
 * born with an identity like every row, but not synced. A failed print never touches the sale or record it prints.
 * States (shared/receipt/print-job.ts): queued -> sent -> confirmed | failed | unknown.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    ...bornColumns(),
    sourceKind: text('source_kind', { enum: PRINT_SOURCE_KINDS }).notNull(),
    /** The sale's or management record's id; null for a test print. */
    sourceId: text('source_id'),
    /** Which layout the record is printed with (vend, a management kind, test). */
    layout: text('layout').notNull(),
    /** The receipt record (shared/receipt/records.ts), parsed again before every attempt. */
    recordJson: text('record_json').notNull(),
    copies: integer('copies').notNull().default(1),
    state: text('state', { enum: PRINT_JOB_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The printer of the last attempt ("network printer 127.0.0.1:9100"). */
    printer: text('printer'),
    bytesSent: integer('bytes_sent').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    lastError: text('last_error'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('print_jobs_state_idx').on(table.state), index('print_jobs_source_idx').on(table.sourceKind, table.sourceId), index('print_jobs_created_idx').on(table.createdAt)],
);
