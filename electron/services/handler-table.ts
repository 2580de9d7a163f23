import type { HandlerTable } from './handler-types';
import { accessHandlers, type AccessServices } from './handlers/access-handlers';
import { advancedHandlers, type AdvancedServices } from './handlers/advanced-handlers';
import { foundationHandlers, type Services as FoundationServices } from './handlers/foundation-handlers';
import { libraryHandlers, type LibraryServices } from './handlers/library-handlers';
import { libraryExcelHandlers, type LibraryExcelServices } from './handlers/library-excel-handlers';
import { libraryPartyHandlers, type LibraryPartyServices } from './handlers/library-parties-handlers';
import { printingHandlers, type PrintingServices } from './handlers/printing-handlers';
import { recordsExportHandlers, type RecordsExportServices } from './handlers/records-export-handlers';
import { shellHandlers, type ShellServices } from './handlers/shell-handlers';
import { vendingHandlers, type VendingServices } from './handlers/vending-handlers';

/** Everything the handlers call: the foundation's services plus each feature's. */
export type Services = FoundationServices & ShellServices & LibraryServices & LibraryPartyServices & LibraryExcelServices & PrintingServices & AccessServices & VendingServices & RecordsExportServices & AdvancedServices;

/**
 * The one handler table: each feature's handlers (./handlers/<feature>-handlers.ts) joined into a table the
 * compiler checks against the contract, so a channel without a handler does not build.
 */
export function createHandlerTable(services: Services): HandlerTable {
  return {
    ...foundationHandlers(services),
    ...shellHandlers(services),
    ...libraryHandlers(services),
    ...libraryPartyHandlers(services),
    ...libraryExcelHandlers(services),
    ...printingHandlers(services),
    ...accessHandlers(services),
    ...vendingHandlers(services),
    ...recordsExportHandlers(services),
    ...advancedHandlers(services),
  };
}
