import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { ExportFile } from '../access-schemas';
import { RecordsExportInput } from '../records-export-schemas';

/**
 * The Record screen's Export to Excel (V2): every vending record the search finds, streamed into an .xlsx (exceljs'
 * WorkbookWriter, page by page from SQLite) with `progress` events under the request's task id; audited.
 */
export const recordsExportChannels = {
  'records.export': channel({
    request: RecordsExportInput,
    response: ExportFile,
    access: 'records.export',
    summary: 'The vending records the search finds as an Excel workbook (streamed, with progress events); audited.',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
