import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { formatAmountNumber } from '../../../shared/format/money';
import { formatUnitsNumber } from '../../../shared/format/units';
import type { ExportFile } from '../../../shared/ipc/access-schemas';
import { RECORDS_EXPORT_HEADER, type RecordsExportInput } from '../../../shared/ipc/records-export-schemas';
import type { Sale } from '../../../shared/ipc/vending-schemas';
import { formatPricePerUnit } from '../../../shared/money/decimal-text';
import type { Clock } from '../../../shared/ports/clock';
import { writeTransaction } from '../../db/open-database';
import type { AuditLog } from '../audit-log';
import type { EventBus } from '../event-bus';
import type { RecordsService } from './records-service';

/**
 * Export to Excel of the vending records (V2). The search is the Record screen's (records.search's checks apply), the
 * set is fixed at the moment the export starts (sales made meanwhile are not half-included), and the rows go into
 * exceljs' streaming WorkbookWriter one page at a time, each page committed as it is written; a `progress` event
 * follows every page. The export itself is audited (who took which records away). The file is returned base64, as
 * the audit log's export is; the screen saves it.
 */
export interface RecordsExporter {
  export(input: RecordsExportInput, actor: string): Promise<ExportFile>;
}

const PAGE = 100;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell that a spreadsheet would read as a formula is kept as text. */
function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function groupDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** One sale as the Record grid shows it, in RECORDS_EXPORT_HEADER's order. */
export function recordCells(sale: Sale): string[] {
  const credit = sale.tokens.filter((t) => t.role === 'credit');
  return [
    sale.receiptNo,
    sale.customerNo,
    sale.customerName,
    sale.meterNo,
    formatPricePerUnit(sale.pricePerUnit),
    sale.currency,
    formatAmountNumber(sale.vatMinor + sale.exciseMinor, sale.currency),
    formatUnitsNumber(sale.unitsTenths),
    sale.unit,
    formatAmountNumber(sale.paidMinor, sale.currency),
    sale.paymentType,
    sale.operatorLoginId,
    (credit.length > 0 ? credit : sale.tokens).map((t) => groupDigits(t.digits)).join(', '),
    sale.tidDate === null ? '' : sale.tidDate.replace('T', ' '),
    sale.soldAt,
  ].map(safeCell);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

export function createRecordsExporter(deps: { sqlite: Database.Database; records: RecordsService; audit: AuditLog; events: EventBus; clock: Clock }): RecordsExporter {
  return {
    async export(input, actor) {
      const now = deps.clock.now();
      const { taskId, ...search } = input;
      // the set as it is now: `to` no later than this moment
      const cutoff = new Date(now.getTime() + 1).toISOString();
      const to = search.to !== undefined && new Date(search.to).getTime() < new Date(cutoff).getTime() ? search.to : cutoff;
      const first = deps.records.search({ ...search, to, page: 1, pageSize: PAGE });
      const total = first.total;

      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('end', () => resolve());
        stream.on('error', reject);
      });
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet('Record');
      sheet.addRow([...RECORDS_EXPORT_HEADER]).commit();
      let count = 0;
      deps.events.publish('progress', { taskId, done: 0, total });
      for (let page = 1, result = first; ; ) {
        for (const sale of result.rows) {
          sheet.addRow(recordCells(sale)).commit();
          count += 1;
        }
        deps.events.publish('progress', { taskId, done: Math.min(count, total), total });
        if (page >= result.pageCount) break;
        page += 1;
        // let the event reach the screen and other requests run between pages
        await new Promise<void>((resolve) => setImmediate(resolve));
        result = deps.records.search({ ...search, to, page, pageSize: PAGE });
      }
      sheet.commit();
      await workbook.commit();
      await finished;

      writeTransaction(deps.sqlite, () =>
        deps.audit.append({
          actor,
          action: 'records.export',
          target: 'sales',
          details: { customerNo: search.customerNo ?? null, meterNo: search.meterNo ?? null, token: search.token ? 'yes' : null, from: search.from ?? null, to, rows: count },
        }),
      );
      return { fileName: `records-${stamp(now)}.xlsx`, mimeType: XLSX, contentBase64: Buffer.concat(chunks).toString('base64'), rows: count };
    },
  };
}
