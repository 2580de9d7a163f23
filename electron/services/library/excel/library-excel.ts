import { assertNever } from '../../../../shared/errors/result';
import type Database from 'better-sqlite3';
import type { LibraryExportInput, LibraryExportResult, LibraryImportInput, LibraryImportResult } from '../../../../shared/ipc/library-excel-schemas';
import type { Clock } from '../../../../shared/ports/clock';
import { writeTransaction } from '../../../db/open-database';
import type { AuditLog } from '../../audit-log';
import type { EventBus } from '../../event-bus';
import type { MeterService } from '../meter-service';
import type { MetersRepo } from '../../../db/repos/meters-repo';
import type { LibraryReference } from '../reference-data';
import { runImport, type LibraryImportDef } from './import-runner';
import { meterCells, meterImportDef, METER_EXPORT_HEADER } from './meter-sheet';
import {
  accountCells, accountImportDef, ACCOUNT_HEADER, customerCells, customerImportDef, CUSTOMER_HEADER, districtCells, DISTRICT_HEADER, listAccounts,
  listCustomers, listDistricts, listPrices, listStations, priceCells, priceImportDef, PRICE_HEADER, stationCells, STATION_HEADER,
} from './party-sheets';
import { writeSheet, type OutCell } from './workbook';
import type { AccountsRepo } from '../../../db/repos/accounts-repo';
import type { CustomersRepo } from '../../../db/repos/customers-repo';
import type { AccountService } from '../account-service';
import type { CustomerService } from '../customer-service';
import type { DistrictService } from '../district-service';
import type { PriceService } from '../price-service';
import type { StationService } from '../station-service';

/**
 * Excel import and export of the libraries (L3): the service the `<library>.import` / `<library>.export` channels
 * call. Exports page through the library's own list (the grid's order) into the streaming writer; imports go through
 * the shared runner. Both publish `progress` events under the caller's task id, and both are audited with their row
 * count. A running import can be cancelled until its commit starts.
 */
export const EXPORT_LIBRARIES = ['meters', 'prices', 'customers', 'districts', 'stations', 'accounts'] as const;
export type ExcelLibrary = (typeof EXPORT_LIBRARIES)[number];
export const IMPORT_LIBRARIES = ['meters', 'prices', 'customers', 'accounts'] as const;
export type ImportLibrary = (typeof IMPORT_LIBRARIES)[number];

export interface LibraryExcel {
  exportLibrary(library: ExcelLibrary, input: LibraryExportInput, actor: string): Promise<LibraryExportResult>;
  importLibrary(library: ImportLibrary, input: LibraryImportInput, actor: string): Promise<LibraryImportResult>;
  cancel(taskId: string): boolean;
}

export interface LibraryExcelDeps {
  sqlite: Database.Database;
  audit: AuditLog;
  events: EventBus;
  clock: Clock;
  meters: MeterService;
  meterRepo: MetersRepo;
  reference: LibraryReference;
  prices: PriceService;
  customers: CustomerService;
  customerRepo: CustomersRepo;
  districts: DistrictService;
  stations: StationService;
  accounts: AccountService;
  accountRepo: AccountsRepo;
}

const PAGE = 500;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

export function createLibraryExcel(deps: LibraryExcelDeps): LibraryExcel {
  const running = new Map<string, { cancelled: boolean }>();
  const progress = (taskId: string | undefined, done: number, total: number) => {
    if (taskId !== undefined) deps.events.publish('progress', { taskId, done, total });
  };

  const exportSource = (library: ExcelLibrary): { header: readonly string[]; total: number; rows: Iterable<OutCell[]> } => {
    switch (library) {
      case 'meters': {
        const total = deps.meters.list({ search: '', page: 1, pageSize: 20, sort: null }).total;
        const repo = deps.meterRepo;
        function* rows(): Generator<OutCell[]> {
          for (let after: string | null = null; ; ) {
            const page = repo.pageAfter(after, PAGE);
            for (const row of page) yield meterCells(row);
            const last = page[page.length - 1];
            if (!last || page.length < PAGE) return;
            after = last.meterNo;
          }
        }
        return { header: METER_EXPORT_HEADER, total, rows: rows() };
      }
      case 'prices': {
        const rows = listPrices(deps.prices);
        return { header: PRICE_HEADER, total: rows.length, rows: rows.map(priceCells) };
      }
      case 'customers': {
        const rows = listCustomers(deps.customers);
        return { header: CUSTOMER_HEADER, total: rows.length, rows: rows.map(customerCells) };
      }
      case 'districts': {
        const rows = listDistricts(deps.districts);
        return { header: DISTRICT_HEADER, total: rows.length, rows: rows.map(districtCells) };
      }
      case 'stations': {
        const rows = listStations(deps.stations);
        return { header: STATION_HEADER, total: rows.length, rows: rows.map(stationCells) };
      }
      case 'accounts': {
        const rows = listAccounts(deps.accounts);
        return { header: ACCOUNT_HEADER, total: rows.length, rows: rows.map(accountCells) };
      }
      default:
        return assertNever(library);
    }
  };

  const importDef = (library: ImportLibrary): LibraryImportDef<unknown> => {
    switch (library) {
      case 'meters':
        return meterImportDef(deps) as LibraryImportDef<unknown>;
      case 'prices':
        return priceImportDef(deps) as LibraryImportDef<unknown>;
      case 'customers':
        return customerImportDef(deps) as LibraryImportDef<unknown>;
      case 'accounts':
        return accountImportDef(deps) as LibraryImportDef<unknown>;
      default:
        return assertNever(library);
    }
  };

  return {
    async exportLibrary(library, input, actor) {
      const now = deps.clock.now();
      const source = exportSource(library);
      progress(input.taskId, 0, source.total);
      const { buffer, rows } = await writeSheet({
        sheetName: library,
        header: source.header,
        rows: source.rows,
        onProgress: (done) => progress(input.taskId, Math.min(done, source.total), source.total),
      });
      writeTransaction(deps.sqlite, () => deps.audit.append({ actor, action: `${library}.export`, target: library, details: { rows } }));
      progress(input.taskId, rows, rows);
      return { fileName: `${library}-${stamp(now)}.xlsx`, fileBase64: buffer.toString('base64'), rows };
    },

    async importLibrary(library, input, actor) {
      const task = { cancelled: false };
      if (input.taskId !== undefined) running.set(input.taskId, task);
      try {
        return await runImport({ sqlite: deps.sqlite, audit: deps.audit }, importDef(library), Buffer.from(input.fileBase64, 'base64'), {
          actor,
          fileName: input.fileName,
          onProgress: (done, total) => progress(input.taskId, done, total),
          cancelled: () => task.cancelled,
        });
      } finally {
        if (input.taskId !== undefined) running.delete(input.taskId);
      }
    },

    cancel(taskId) {
      const task = running.get(taskId);
      if (!task) return false;
      task.cancelled = true;
      return true;
    },
  };
}
