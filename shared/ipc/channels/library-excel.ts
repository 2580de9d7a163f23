import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { ImportCancelInput, LibraryExportInput, LibraryExportResult, LibraryImportInput, LibraryImportResult } from '../library-excel-schemas';
import { z } from 'zod';

/**
 * Excel import and export of the libraries (L3). The workbook travels base64 in the request or response (bodies up
 * to 64 MB over HTTP); `progress` events carry the request's task id, and `library.importCancel` stops an import
 * before its commit.
 */
export const libraryExcelChannels = {
  'meters.export': channel({
    request: LibraryExportInput,
    response: LibraryExportResult,
    access: 'meters.export',
    summary: 'The whole Meter Library as an Excel workbook (streamed; the OpenPAYGO secrets are never exported).',
  }),
  'meters.import': channel({
    request: LibraryImportInput,
    response: LibraryImportResult,
    access: 'meters.import',
    summary: 'Add and edit meters from an Excel workbook: every row checked as the form checks it, all or nothing.',
  }),
  'library.importCancel': channel({
    request: ImportCancelInput,
    response: z.object({ cancelled: z.boolean() }),
    access: 'signedIn',
    summary: 'Cancel a running import before its commit (nothing is written).',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
