import type Database from 'better-sqlite3';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { MetersRepo } from '../../db/repos/meters-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { PricesRepo } from '../../db/repos/prices-repo';
import { createSalesRepo, type SalesRepo } from '../../db/repos/sales-repo';
import type { SettingsRepo } from '../../db/repos/settings-repo';
import { createTokenIssuer, type OpenPaygoKeyProvider, type TokenIssuer } from '../../sts';
import type { VendPasswordCheck } from '../access/vend-password-check';
import type { AuditLog } from '../audit-log';
import type { DailySalesSource } from '../home-service';
import type { KeyStore } from '../key-store';
import { kitSecretName } from '../library/meter-service';
import type { Logger } from '../logger';
import type { PrintService } from '../print-service';
import type { SettingsService } from '../settings-service';
import type { Terminal } from '../terminal';
import type { VendingKeys } from '../vending-keys';
import { createClockGuard, type ClockGuard } from './clock-guard';
import { createRecordsService, type RecordsService } from './records-service';
import type { VendAccountSource } from './vend-quote';
import { createVendService, type VendService } from './vend-service';

/**
 * Vending's part of the core (V1), built in one place for startCore and the tests: the one TokenIssuer (vending keys
 * from S1's provider, kit secrets from the key store), the sales repo, the clock guard, the vend and records
 * services, and the Home tab's daily sales source. It registers the sales table as a token check on the Meter
 * Library, so a meter that has been sold to is never deleted and keeps its key edits pending.
 */
export interface Vending {
  vend: VendService;
  records: RecordsService;
  sales: SalesRepo;
  clockGuard: ClockGuard;
  issuer: TokenIssuer;
  dailySales: DailySalesSource;
}

export interface VendingDeps {
  sqlite: Database.Database;
  meters: MetersRepo;
  prices: PricesRepo;
  accounts: VendAccountSource;
  settingsRepo: SettingsRepo;
  settings: SettingsService;
  keyStore: KeyStore;
  vendingKeys: VendingKeys;
  vendPassword: VendPasswordCheck;
  audit: AuditLog;
  outbox: OutboxRepo;
  terminal: Terminal;
  print: Pick<PrintService, 'autoPrint' | 'printSaleReceipt' | 'settings'>;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Tests may pass their own issuer (a spy). */
  issuer?: TokenIssuer;
}

/** A kit's OpenPAYGO secret from the key store (a fresh copy; the issuer wipes it), or null when absent or locked. */
export function kitSecretProvider(keyStore: KeyStore): OpenPaygoKeyProvider {
  return ({ meterId, keyRevision }) => {
    if (keyStore.status().state !== 'unlocked') return null;
    try {
      const stored = keyStore.get(kitSecretName(meterId, keyRevision));
      if (stored === null) return null;
      const copy = new Uint8Array(stored);
      stored.fill(0);
      return copy;
    } catch {
      return null;
    }
  };
}

export function createVending(deps: VendingDeps): Vending {
  const sales = createSalesRepo(deps.sqlite);
  deps.meters.registerTokenCheck(sales.meterHasSalesSql);
  const issuer = deps.issuer ?? createTokenIssuer({ vendingKeyProvider: deps.vendingKeys.provider, openPaygoKeyProvider: kitSecretProvider(deps.keyStore) });
  deps.vendingKeys.onChange(() => issuer.forgetKeys());
  const clockGuard = createClockGuard(deps.settingsRepo);
  const printer = {
    autoPrint: () => deps.print.autoPrint(),
    configured: () => deps.print.settings().connection.kind !== 'none',
    printSaleReceipt: (sale: Parameters<PrintService['printSaleReceipt']>[0], options: Parameters<PrintService['printSaleReceipt']>[1]) =>
      deps.print.printSaleReceipt(sale, options),
  };
  const vend = createVendService({
    sqlite: deps.sqlite,
    sales,
    meters: deps.meters,
    prices: deps.prices,
    accounts: deps.accounts,
    issuer,
    keyStore: deps.keyStore,
    staTables: () => deps.vendingKeys.staTables(),
    vendPassword: deps.vendPassword,
    audit: deps.audit,
    outbox: deps.outbox,
    settings: deps.settings,
    clockGuard,
    terminal: deps.terminal,
    printer,
    clock: deps.clock,
    ids: deps.ids,
    logger: deps.logger,
  });
  const records = createRecordsService({ sqlite: deps.sqlite, sales, audit: deps.audit, settings: deps.settings, printer, logger: deps.logger });
  return { vend, records, sales, clockGuard, issuer, dailySales: { summarise: (query) => sales.summarise(query) } };
}
