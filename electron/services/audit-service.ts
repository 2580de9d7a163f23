import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { AuditExportInput, AuditRowView, AuditSortColumn, AuditVerdictView, ExportFile } from '../../shared/ipc/access-schemas';
import type { ListRequest, ListResponse } from '../../shared/ipc/list';
import type { Clock } from '../../shared/ports/clock';
import { writeTransaction } from '../db/open-database';
import type { AuditRepo } from '../db/repos/audit-repo';
import { verifyAuditChain, type AuditLog, type AuditVerdict } from './audit-log';

/**
 * The Audit log screen (S1): search, verify, export. Reading never changes a row; verifying and exporting are
 * themselves audited (who looked, what they took away). The export streams rows from SQLite into the file (exceljs'
 * streaming writer for xlsx), so a large log is never held as row objects all at once. Cells that a spreadsheet
 * would run as a formula (starting with = + - @) are written as text.
 */
export interface AuditService {
  list(request: ListRequest<AuditSortColumn>): ListResponse<AuditRowView>;
  verify(actor: string): AuditVerdictView;
  export(input: AuditExportInput, actor: string): Promise<ExportFile>;
}

export const AUDIT_EXPORT_HEADER = ['Seq', 'Time (UTC)', 'Station', 'Actor', 'Action', 'Target', 'Result', 'Details'] as const;

export function verdictView(verdict: AuditVerdict): AuditVerdictView {
  if (verdict.ok) {
    return { ok: true, rows: verdict.rows, brokenAtSeq: null, reason: null, message: `The audit log is intact: ${verdict.rows} ${verdict.rows === 1 ? 'row' : 'rows'}, each following the one before, up to the anchored head.` };
  }
  return {
    ok: false,
    rows: verdict.rows,
    brokenAtSeq: verdict.brokenAtSeq,
    reason: verdict.reason,
    message: `The audit log is broken at row ${verdict.brokenAtSeq}: ${verdict.reason}. Keep this database file for investigation and call support.`,
  };
}

/** Neutralises spreadsheet formulas: a cell starting with = + - @ (or a tab or carriage return) gets a leading quote. */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  const safe = safeCell(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cells(row: AuditRowView): string[] {
  return [String(row.seq), row.at, row.stationId, row.actor, row.action, row.target, row.result, row.details];
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

async function xlsxOf(rows: IterableIterator<AuditRowView>): Promise<{ buffer: Buffer; count: number }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Audit log');
  sheet.addRow([...AUDIT_EXPORT_HEADER]).commit();
  let count = 0;
  for (const row of rows) {
    sheet.addRow([row.seq, ...cells(row).slice(1).map(safeCell)]).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return { buffer: Buffer.concat(chunks), count };
}

function csvOf(rows: IterableIterator<AuditRowView>): { buffer: Buffer; count: number } {
  const lines = [AUDIT_EXPORT_HEADER.join(',')];
  let count = 0;
  for (const row of rows) {
    lines.push(cells(row).map(csvField).join(','));
    count += 1;
  }
  // A byte order mark, so spreadsheet programs read the names (员工) as UTF-8.
  return { buffer: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'), count };
}

export function createAuditService(deps: { sqlite: Database.Database; repo: AuditRepo; audit: AuditLog; clock: Clock }): AuditService {
  return {
    list: (request) => deps.repo.list(request),
    verify(actor) {
      const view = verdictView(verifyAuditChain(deps.sqlite));
      writeTransaction(deps.sqlite, () =>
        deps.audit.append({ actor, action: 'audit.verify', target: 'audit_log', result: view.ok ? 'ok' : 'failed', details: { rows: view.rows, brokenAtSeq: view.brokenAtSeq } }),
      );
      return view;
    },
    async export(input, actor) {
      const now = deps.clock.now();
      const rows = deps.repo.iterate(input.search);
      const { buffer, count } = input.format === 'xlsx' ? await xlsxOf(rows) : csvOf(rows);
      writeTransaction(deps.sqlite, () =>
        deps.audit.append({ actor, action: 'audit.export', target: 'audit_log', details: { format: input.format, search: input.search, rows: count } }),
      );
      return {
        fileName: `audit-log-${stamp(now)}.${input.format}`,
        mimeType: input.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv;charset=utf-8',
        contentBase64: buffer.toString('base64'),
        rows: count,
      };
    },
  };
}
