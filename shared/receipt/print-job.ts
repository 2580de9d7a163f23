/**
 * The life of a print job (P1), shared by the database schema, the print service and the API:
 * queued (created, nothing sent) -> sent (bytes going out) -> confirmed | failed | unknown. A job prints a sale, a
 * management record or a test receipt with one of the layouts.
 */
export const PRINT_JOB_STATES = ['queued', 'sent', 'confirmed', 'failed', 'unknown'] as const;
export type PrintJobState = (typeof PRINT_JOB_STATES)[number];

export const PRINT_SOURCE_KINDS = ['sale', 'management', 'test'] as const;
export type PrintSourceKind = (typeof PRINT_SOURCE_KINDS)[number];

export const RECEIPT_LAYOUTS = ['vend', 'key-change', 'max-overdraft', 'clear-credit', 'clear-tamper', 'max-power', 'meter-test', 'test'] as const;
export type ReceiptLayout = (typeof RECEIPT_LAYOUTS)[number];
