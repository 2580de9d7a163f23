import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { ImportCancelInput, LibraryExportInput, LibraryExportResult, LibraryImportInput, LibraryImportResult } from '../library-excel-schemas';
import { z } from 'zod';

/**
 * Excel import and export of the libraries (L3). The workbook travels base64 in the request or response (bodies up
 * to 64 MB over HTTP); `progress` events carry the request's task id, and `library.importCancel` stops an import
 * before its commit.
 */
const LABEL = { meters: 'Meter', prices: 'Price', customers: 'Customer', districts: 'District', stations: 'Sales Station', accounts: 'Account' } as const;

function exportChannel<L extends keyof typeof LABEL>(library: L) {
  return channel({
    request: LibraryExportInput,
    response: LibraryExportResult,
    access: `${library}.export`,
    summary: `The whole ${LABEL[library]} Library as an Excel workbook (streamed; write-only secrets are never exported).`,
  });
}

function importChannel<L extends 'meters' | 'prices' | 'customers' | 'accounts'>(library: L) {
  return channel({
    request: LibraryImportInput,
    response: LibraryImportResult,
    access: `${library}.import`,
    summary: `Add and edit ${LABEL[library]} Library rows from an Excel workbook: every row checked as the form checks it, all or nothing.`,
  });
}

export const libraryExcelChannels = {
  'meters.export': exportChannel('meters'),
  'meters.import': importChannel('meters'),
  'prices.export': exportChannel('prices'),
  'prices.import': importChannel('prices'),
  'customers.export': exportChannel('customers'),
  'customers.import': importChannel('customers'),
  'districts.export': exportChannel('districts'),
  'stations.export': exportChannel('stations'),
  'accounts.export': exportChannel('accounts'),
  'accounts.import': importChannel('accounts'),
  'library.importCancel': channel({
    request: ImportCancelInput,
    response: z.object({ cancelled: z.boolean() }),
    access: 'signedIn',
    summary: 'Cancel a running import before its commit (nothing is written).',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
