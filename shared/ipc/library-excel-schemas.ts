import { z } from 'zod';

/**
 * Excel import and export of the libraries (L3). The file travels base64 inside the request and the response (the
 * HTTP host accepts bodies up to 64 MB, about 45 MB of workbook: far above a station's libraries); a streamed upload
 * can replace this later without changing the services, which take and give a Buffer.
 */
export const LibraryExportInput = z
  .object({
    /** The `progress` events of this export carry this id. */
    taskId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type LibraryExportInput = z.infer<typeof LibraryExportInput>;

export const LibraryExportResult = z.object({ fileName: z.string(), fileBase64: z.string(), rows: z.number().int().nonnegative() });
export type LibraryExportResult = z.infer<typeof LibraryExportResult>;

export const LibraryImportInput = z
  .object({
    fileBase64: z.string().min(1, 'choose a workbook (.xlsx) to import'),
    fileName: z.string().trim().min(1).max(255),
    taskId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type LibraryImportInput = z.infer<typeof LibraryImportInput>;

export const ImportProblem = z.object({
  /** The spreadsheet's row number (the header is row 1). */
  row: z.number().int().positive(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const LibraryImportResult = z.object({
  /** True when the file was written; false when any row was at fault (then nothing was written). */
  saved: z.boolean(),
  rows: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  problems: z.array(ImportProblem),
  /** The problems as a workbook (row, column, value, reason) to download; null when there are none. */
  reportBase64: z.string().nullable(),
});
export type LibraryImportResult = z.infer<typeof LibraryImportResult>;

export const ImportCancelInput = z.object({ taskId: z.string().trim().min(1).max(64) }).strict();
