import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import type { RecordsSearchInput, RecordsSearchResult, ReprintResult, Sale } from '../../../shared/ipc/vending-schemas';
import { writeTransaction } from '../../db/open-database';
import type { SalesRepo } from '../../db/repos/sales-repo';
import type { AuditLog } from '../audit-log';
import type { Logger } from '../logger';
import type { Session } from '../session-store';
import type { SettingsService } from '../settings-service';
import { receiptOfSale } from './sale-receipt';
import type { SalePrinter } from './vend-service';

/**
 * The vending records (V1): find a sale by customer, meter, token or date ("if the customer lost the receipt, look up
 * the record and find the TOKEN"), read one, and reprint one. Reading and reprinting replay the stored sale: nothing
 * here can reach the token issuer, so no token is ever made again for an existing sale (architecture.md invariant 2).
 * A reprint is marked COPY, audited, and printed through the print service when a printer is configured.
 */
export interface RecordsService {
  search(input: RecordsSearchInput): RecordsSearchResult;
  get(id: string): Sale;
  reprint(id: string, session: Session): ReprintResult;
}

export interface RecordsServiceDeps {
  sqlite: Database.Database;
  sales: SalesRepo;
  audit: AuditLog;
  settings: SettingsService;
  printer: SalePrinter & { configured(): boolean };
  logger: Logger;
}

export function createRecordsService(deps: RecordsServiceDeps): RecordsService {
  const get = (id: string): Sale => {
    const sale = deps.sales.byId(id);
    if (!sale) throw new AppFailure('NOT_FOUND', 'This vending record is not on this terminal; search for it again.');
    return sale;
  };
  return {
    search(input) {
      let token: string | undefined;
      if (input.token !== undefined && input.token !== '') {
        token = input.token.replace(/[\s-]/g, '');
        if (!/^\d+$/.test(token)) throw new AppFailure('VALIDATION', "Token: type the token's digits (spaces and dashes may stay).");
      }
      if (input.from !== undefined && input.to !== undefined && new Date(input.from).getTime() >= new Date(input.to).getTime()) {
        throw new AppFailure('VALIDATION', 'To: choose a time after From.');
      }
      const meterNo = input.meterNo?.replace(/[\s-]/g, '');
      return deps.sales.search({
        customerNo: input.customerNo || undefined,
        meterNo: meterNo || undefined,
        token,
        from: input.from === undefined ? undefined : new Date(input.from).toISOString(),
        to: input.to === undefined ? undefined : new Date(input.to).toISOString(),
        page: input.page,
        pageSize: input.pageSize,
      });
    },

    get,

    reprint(id, session) {
      const sale = get(id);
      const printQueued = deps.printer.configured();
      writeTransaction(deps.sqlite, () =>
        deps.audit.append({
          actor: session.loginId,
          action: 'records.reprint',
          target: sale.id,
          details: { receiptNo: sale.receiptNo, meterNo: sale.meterNo, tokens: sale.tokens.length, printed: printQueued },
        }),
      );
      if (printQueued) {
        const receipt = receiptOfSale(sale, deps.settings.section('company').companyName);
        deps.printer.printSaleReceipt(receipt, { sourceId: sale.id, actor: session.loginId, copy: true }).catch((error: unknown) => {
          deps.logger.error(`the copy of receipt ${sale.receiptNo} did not print`, error);
        });
      }
      return { sale, copy: true, printQueued };
    },
  };
}
