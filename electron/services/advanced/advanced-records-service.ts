import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { AppFailure } from '../../../shared/errors/result';
import type { ExportFile } from '../../../shared/ipc/access-schemas';
import {
  MANAGEMENT_KIND_LABEL, type DecodeInput, type DecodeResult, type LoginHistoryInput, type LoginHistoryResult, type LoginHistoryRow,
  type ManagementExportInput, type ManagementRecord, type ManagementRecordsInput, type ManagementRecordsResult, type RolloverCandidatesResult,
} from '../../../shared/ipc/advanced-schemas';
import { describeKeyParams } from '../../../shared/library/key-params';
import { pageCountFor, type ListRequest } from '../../../shared/ipc/list';
import type { Clock } from '../../../shared/ports/clock';
import { writeTransaction } from '../../db/open-database';
import type { ManagementTokensRepo } from '../../db/repos/management-tokens-repo';
import type { MetersRepo } from '../../db/repos/meters-repo';
import type { SalesRepo } from '../../db/repos/sales-repo';
import { decodeToken, formatTenths, parseTokenNumber, type DecodedFields } from '../../sts';
import type { AuditLog } from '../audit-log';
import { safeCell } from '../audit-service';
import type { Session } from '../session-store';
import type { ManagementService } from './management-service';

/**
 * The Advanced Center's reading side (A1): the records of each management token kind (search, paged, export to Excel),
 * the roll-over list (meters still on base date 1993 or KRN 1), the token decoder and Login History. Every record
 * query, export and decode writes one audit row.
 */
export interface AdvancedRecordsService {
  records(input: ManagementRecordsInput, session: Session): ManagementRecordsResult;
  exportRecords(input: ManagementExportInput, session: Session): Promise<ExportFile>;
  rolloverCandidates(input: ListRequest): RolloverCandidatesResult;
  decode(input: DecodeInput, session: Session): DecodeResult;
  loginHistory(input: LoginHistoryInput, session: Session): LoginHistoryResult;
  exportLoginHistory(search: string, session: Session): Promise<ExportFile>;
}

export interface AdvancedRecordsDeps {
  sqlite: Database.Database;
  repo: ManagementTokensRepo;
  meters: MetersRepo;
  sales: Pick<SalesRepo, 'search'>;
  management: Pick<ManagementService, 'cipherOf'>;
  audit: AuditLog;
  clock: Clock;
}

export const RECORDS_EXPORT_HEADER = ['Customer No.', 'User Coder', 'Meter No.', 'Value', 'Operator', 'Token', 'TID Date', 'Create Date'] as const;
export const LOGIN_HISTORY_HEADER = ['Time (UTC)', 'User ID', 'Station', 'Result', 'Reason'] as const;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

async function xlsxOf(sheetName: string, header: readonly string[], rows: Iterable<readonly string[]>): Promise<{ buffer: Buffer; count: number }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).commit();
  let count = 0;
  for (const row of rows) {
    sheet.addRow(row.map(safeCell)).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return { buffer: Buffer.concat(chunks), count };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a decoded token carries, in words. */
function meaningOf(fields: DecodedFields): string {
  switch (fields.kind) {
    case 'credit': return `Credit ${formatTenths(fields.amountTenths)} (${fields.unit})`;
    case 'currency-credit': return `Currency credit (${fields.unit})`;
    case 'meter-test': return `Meter test, manufacturer ${fields.manufacturerCode}, control ${fields.control}`;
    case 'set-maximum-power-limit': return `Set Max Power ${fields.watts} W`;
    case 'clear-credit': return fields.register === 0xffff ? 'Clear Credit, all registers' : `Clear Credit, register ${fields.register}`;
    case 'set-tariff-rate': return `Set tariff rate ${fields.rate}`;
    case 'clear-tamper': return 'Clear Tamper';
    case 'set-phase-power-unbalance-limit': return `Set phase power unbalance limit ${fields.watts} W`;
    case 'set-water-meter-factor': return `Set water meter factor ${fields.factor}`;
    case 'set-decoder-key-1':
    case 'set-decoder-key-2':
    case 'set-decoder-key-3':
    case 'set-decoder-key-4': return 'Key change token';
    case 'unknown': return 'A token of a kind this system does not read';
  }
}

function tidOf(fields: DecodedFields): number | null {
  return 'tid' in fields ? fields.tid : null;
}

export function createAdvancedRecordsService(deps: AdvancedRecordsDeps): AdvancedRecordsService {
  const audited = (session: Session, action: string, target: string, details: Record<string, unknown>) =>
    writeTransaction(deps.sqlite, () => deps.audit.append({ actor: session.loginId, action, target, details }));

  const recordCells = (record: ManagementRecord): string[] => [
    record.customerNo ?? '', record.customerName ?? '', record.meterNo, record.valueText ?? '', record.operatorLoginId, record.tokens.join(' '),
    record.tidDate ?? '', record.createdAt,
  ];

  const loginRows = sqliteLoginHistory(deps.sqlite);

  return {
    records(input, session) {
      const page = deps.repo.list({ kind: input.kind, search: input.search, page: input.page, pageSize: input.pageSize });
      audited(session, 'advanced.records', `management_tokens:${input.kind}`, { search: input.search, page: page.page, rows: page.rows.length });
      return page;
    },

    async exportRecords(input, session) {
      const rows = (function* () {
        for (const record of deps.repo.iterate(input.kind, input.search)) yield recordCells(record);
      })();
      const { buffer, count } = await xlsxOf(MANAGEMENT_KIND_LABEL[input.kind], RECORDS_EXPORT_HEADER, rows);
      audited(session, 'advanced.records.export', `management_tokens:${input.kind}`, { search: input.search, rows: count });
      return { fileName: `${input.kind}-records-${stamp(deps.clock.now())}.xlsx`, mimeType: XLSX, contentBase64: buffer.toString('base64'), rows: count };
    },

    rolloverCandidates(input) {
      const search = input.search.trim().toLowerCase();
      const all = deps.sqlite
        .prepare(
          `SELECT id FROM meters WHERE active = 1 AND sgc IS NOT NULL AND (base_year = 1993 OR krn = 1)
             AND (? = '' OR instr(lower(meter_no), ?) > 0) ORDER BY meter_no`,
        )
        .pluck()
        .all(search, search) as string[];
      const total = all.length;
      const pageCount = pageCountFor(total, input.pageSize);
      const page = Math.min(input.page, pageCount);
      const rows = all.slice((page - 1) * input.pageSize, page * input.pageSize).flatMap((id) => {
        const meter = deps.meters.byId(id);
        if (!meter || meter.keys === null) return [];
        const why = [meter.keys.baseYear === 1993 ? 'base date 1993 (TIDs ran out in November 2024)' : null, meter.keys.krn === 1 ? 'KRN 1' : null].filter(Boolean).join('; ');
        return [{
          meterId: meter.id, meterNo: meter.meterNo, profileName: meter.profileName, keyParams: describeKeyParams(meter.keys),
          baseYear: meter.keys.baseYear, krn: meter.keys.krn, pending: meter.pendingKeys !== null, why,
        }];
      });
      return { rows, total, page, pageSize: input.pageSize, pageCount };
    },

    decode(input, session) {
      const meter = deps.meters.byId(input.meterId);
      if (!meter) throw new AppFailure('NOT_FOUND', 'This meter is no longer in the Meter Library; choose the meter again.');
      if (meter.keys === null) throw new AppFailure('VALIDATION', `Meter ${meter.meterNo} has no key parameters; the decoder needs the meter's key.`);
      const parsed = parseTokenNumber(input.token, 'token');
      if (!parsed.ok) throw new AppFailure('VALIDATION', `Token: ${parsed.error.message}`);
      const cipher = deps.management.cipherOf(meter);
      const decoded = decodeToken(parsed.value, cipher);
      const digits = decoded.tokenNumber.replace(/\D/g, '');
      const keys = meter.keys;
      const lastTid = deps.meters.lastTids(meter.id).find((row) => row.baseYear === keys.baseYear)?.tid ?? null;
      const tid = tidOf(decoded.fields);
      const sale = deps.sales.search({ token: digits, page: 1, pageSize: 20 }).rows[0] ?? null;
      const record = deps.repo.byToken(digits);
      let result: DecodeResult;
      const base = { tokenClass: decoded.tokenClass, subclass: decoded.subclass, tid, lastTid, sale: null, record: null };
      const issuedFor = sale?.meterNo ?? record?.meterNo ?? null;
      // Under a wrong key the decrypted subclass is random; a currency subclass (4-7) has a check that is not public
      // and comes back as null. Only a check that passed proves the token belongs to this meter's key.
      if (decoded.crcOk !== true) {
        const note = issuedFor !== null && issuedFor !== meter.meterNo ? ` This system issued it for meter ${issuedFor}.` : '';
        result = {
          ...base,
          verdict: 'check-failed',
          meaning: null,
          message: `The token fails the check under meter ${meter.meterNo}'s key: it was made for another meter or with another key (the meter will reject it).${note}`,
        };
      } else if (sale !== null || record !== null) {
        const what = sale !== null ? `sale ${sale.receiptNo} of ${sale.soldAt}` : `${MANAGEMENT_KIND_LABEL[record?.kind ?? 'clearCredit']} record of ${record?.createdAt ?? ''}`;
        result = {
          ...base,
          verdict: 'issued-here',
          message: `This token was issued by this system: ${what}.`,
          meaning: meaningOf(decoded.fields),
          sale: sale === null ? null : { id: sale.id, receiptNo: sale.receiptNo, soldAt: sale.soldAt, customerNo: sale.customerNo, operatorLoginId: sale.operatorLoginId },
          record: record === null ? null : { id: record.id, kind: record.kind, createdAt: record.createdAt, customerNo: record.customerNo, operatorLoginId: record.operatorLoginId },
        };
      } else if (tid !== null && lastTid !== null && tid <= lastTid) {
        result = {
          ...base,
          verdict: 'old-tid',
          meaning: meaningOf(decoded.fields),
          message: `The token's TID ${tid} is not newer than the last TID this system issued to meter ${meter.meterNo} (${lastTid}): the meter will say OLD or USED.`,
        };
      } else {
        result = {
          ...base,
          verdict: 'not-issued-here',
          meaning: meaningOf(decoded.fields),
          message: `The token decrypts with meter ${meter.meterNo}'s key but was not issued by this system.`,
        };
      }
      audited(session, 'tokens.decode', `meters:${meter.meterNo}`, { verdict: result.verdict, tokenClass: result.tokenClass, subclass: result.subclass, tid });
      return result;
    },

    loginHistory(input, session) {
      const page = loginRows.page(input.search, input.page, input.pageSize);
      audited(session, 'loginHistory.list', 'login_history', { search: input.search, page: page.page, rows: page.rows.length });
      return page;
    },

    async exportLoginHistory(search, session) {
      const rows = (function* () {
        for (const row of loginRows.iterate(search)) yield [row.time, row.loginId, row.stationId, row.result, row.reason];
      })();
      const { buffer, count } = await xlsxOf('Login History', LOGIN_HISTORY_HEADER, rows);
      audited(session, 'loginHistory.export', 'login_history', { search, rows: count });
      return { fileName: `login-history-${stamp(deps.clock.now())}.xlsx`, mimeType: XLSX, contentBase64: buffer.toString('base64'), rows: count };
    },
  };
}

/** Login History reads (F1's login_history table), newest first; the keyword matches user id, result or reason. */
function sqliteLoginHistory(sqlite: Database.Database) {
  // The station is shown by its code when the Sales Station Library knows it (the terminal's own station id otherwise).
  const from = 'login_history h LEFT JOIN stations s ON s.id = h.station_id';
  const station = 'coalesce(s.code, h.station_id)';
  const where = `(@search = '' OR instr(lower(h.login_id || ' ' || h.result || ' ' || h.reason || ' ' || ${station}), lower(@search)) > 0)`;
  const columns = `h.id, h.created_at AS time, h.login_id AS loginId, ${station} AS stationId, h.result, h.reason`;
  const count = sqlite.prepare(`SELECT count(*) FROM ${from} WHERE ${where}`).pluck();
  const page = sqlite.prepare(`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY h.created_at DESC, h.id DESC LIMIT @limit OFFSET @offset`);
  const all = sqlite.prepare(`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY h.created_at DESC, h.id DESC`);
  return {
    page(search: string, requested: number, pageSize: LoginHistoryResult['pageSize']): LoginHistoryResult {
      const params = { search: search.trim() };
      const total = count.get(params) as number;
      const pageCount = pageCountFor(total, pageSize);
      const served = Math.min(requested, pageCount);
      const rows = page.all({ ...params, limit: pageSize, offset: (served - 1) * pageSize }) as LoginHistoryRow[];
      return { rows, total, page: served, pageSize, pageCount };
    },
    iterate: (search: string) => all.iterate({ search: search.trim() }) as IterableIterator<LoginHistoryRow>,
  };
}
