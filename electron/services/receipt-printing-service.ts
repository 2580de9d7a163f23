import type Database from 'better-sqlite3';
import { writeTransaction } from '../db/open-database';
import type { AuditLog } from './audit-log';
import type { ManagementService } from './advanced/management-service';
import type { PrintResult, PrintService } from './print-service';
import type { Session } from './session-store';
import type { SettingsService } from './settings-service';
import type { RecordsService } from './vending/records-service';
import { receiptOfSale } from './vending/sale-receipt';

/**
 * Printing a stored sale or management record on request (the receipt's Print button when automatic printing is
 * off, or a printer that was down). The first print of a record is the original; once any print job exists for it,
 * every further print is marked COPY, so a customer never holds two originals. It reads the stored record only:
 * nothing here can reach the token issuer. Each request is audited before the printer is asked.
 */
export interface ReceiptPrintingService {
  printSale(id: string, session: Session): Promise<PrintResult>;
  printRecord(id: string, session: Session): Promise<PrintResult>;
}

export function createReceiptPrintingService(deps: {
  sqlite: Database.Database;
  audit: AuditLog;
  print: Pick<PrintService, 'jobs' | 'printSaleReceipt' | 'printManagementReceipt'>;
  records: Pick<RecordsService, 'get'>;
  management: Pick<ManagementService, 'get' | 'receiptFor'>;
  settings: SettingsService;
}): ReceiptPrintingService {
  const printedBefore = (sourceId: string) => deps.print.jobs({ sourceId, limit: 1 }).length > 0;
  const audit = (session: Session, action: string, target: string, copy: boolean) =>
    writeTransaction(deps.sqlite, () => deps.audit.append({ actor: session.loginId, action, target, details: { copy } }));
  return {
    async printSale(id, session) {
      const sale = deps.records.get(id);
      const copy = printedBefore(sale.id);
      audit(session, 'print.sale', sale.id, copy);
      return deps.print.printSaleReceipt(receiptOfSale(sale, deps.settings.section('company').companyName), { sourceId: sale.id, actor: session.loginId, copy });
    },
    async printRecord(id, session) {
      const record = deps.management.get(id);
      const copy = printedBefore(record.id);
      audit(session, 'print.record', record.id, copy);
      return deps.print.printManagementReceipt(deps.management.receiptFor(record.id), { sourceId: record.id, actor: session.loginId, copy });
    },
  };
}
