import type Database from 'better-sqlite3';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { AccountsRepo } from '../../db/repos/accounts-repo';
import { createManagementTokensRepo } from '../../db/repos/management-tokens-repo';
import type { MetersRepo } from '../../db/repos/meters-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { AuditLog } from '../audit-log';
import type { AccountService } from '../library/account-service';
import type { Logger } from '../logger';
import type { PrintService } from '../print-service';
import type { SettingsService } from '../settings-service';
import type { Terminal } from '../terminal';
import type { VendingKeys } from '../vending-keys';
import type { Vending } from '../vending/vending';
import { createAdvancedRecordsService, type AdvancedRecordsService } from './advanced-records-service';
import { createManagementService, type ManagementService } from './management-service';

/**
 * The Advanced Center's part of the core (A1), built on V1's one token issuer, clock guard and sales (for the decoder),
 * L1's meters (their one TID sequence per base date) and L2's accounts. Registers management tokens as a token check
 * on the Meter Library and a reference check on accounts, so neither is deleted from under a record.
 */
export interface Advanced {
  management: ManagementService;
  records: AdvancedRecordsService;
}

export function createAdvanced(deps: {
  sqlite: Database.Database;
  meters: MetersRepo;
  accountRepo: AccountsRepo;
  accounts: Pick<AccountService, 'applyMaxOverdraft'>;
  vending: Pick<Vending, 'issuer' | 'clockGuard' | 'sales'>;
  vendingKeys: VendingKeys;
  audit: AuditLog;
  outbox: OutboxRepo;
  settings: SettingsService;
  terminal: Terminal;
  print: Pick<PrintService, 'printManagementReceipt' | 'settings'>;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}): Advanced {
  const repo = createManagementTokensRepo(deps.sqlite);
  deps.meters.registerTokenCheck(repo.meterHasTokensSql);
  deps.accountRepo.registerReferenceCheck('management tokens were issued on it', repo.accountHasTokensSql);
  const management = createManagementService({
    sqlite: deps.sqlite,
    repo,
    meters: deps.meters,
    accounts: deps.accountRepo,
    applyMaxOverdraft: (change) => deps.accounts.applyMaxOverdraft(change),
    issuer: deps.vending.issuer,
    vendingKeyProvider: deps.vendingKeys.provider,
    staTables: () => deps.vendingKeys.staTables(),
    audit: deps.audit,
    outbox: deps.outbox,
    settings: deps.settings,
    clockGuard: deps.vending.clockGuard,
    terminal: deps.terminal,
    printer: {
      configured: () => deps.print.settings().connection.kind !== 'none',
      printManagementReceipt: (record, options) => deps.print.printManagementReceipt(record, options),
    },
    clock: deps.clock,
    ids: deps.ids,
    logger: deps.logger,
  });
  const records = createAdvancedRecordsService({ sqlite: deps.sqlite, repo, meters: deps.meters, sales: deps.vending.sales, management, audit: deps.audit, clock: deps.clock });
  return { management, records };
}
