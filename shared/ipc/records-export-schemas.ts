import { z } from 'zod';
import { RecordsSearchInput } from './vending-schemas';

/**
 * Export to Excel of the Record screen (V2): the same search as `records.search` without paging, and a task id the
 * screen makes so it can follow the `progress` events of its own export. The file comes back base64 (like the audit
 * log's export; the screen saves it as a download).
 */
export const RecordsExportInput = RecordsSearchInput.omit({ page: true, pageSize: true })
  .extend({ taskId: z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, 'the task id is 8 to 64 letters, digits, - or _') })
  .strict();
export type RecordsExportInput = z.infer<typeof RecordsExportInput>;

/** The columns of the Record grid, in its order: the export has the same rows and columns as the screen. */
export const RECORDS_EXPORT_HEADER = [
  'Receipt No.',
  'Customer No.',
  'User Coder',
  'Meter No.',
  'Price',
  'Currency',
  'Tax',
  'Total Unit',
  'Unit',
  'Total Paid',
  'Payment Type',
  'Operator',
  'Token',
  'TID Date',
  'Create Date',
] as const;
