import type { Clock } from '../../shared/ports/clock';
import { openDatabase, writeTransaction, type OpenedDatabase, type StartupProblem } from '../db/open-database';
import { migrationsFolder } from '../db/paths';
import { createAccessRepo } from '../db/repos/access-repo';
import { createAuditRepo } from '../db/repos/audit-repo';
import { createOrganisationRepo } from '../db/repos/organisation-repo';
import { createOutboxRepo } from '../db/repos/outbox-repo';
import { createPrintJobsRepo } from '../db/repos/print-jobs-repo';
import { createSettingsRepo } from '../db/repos/settings-repo';
import { createUsersRepo } from '../db/repos/users-repo';
import { createAccessChangeRecorder } from './access/access-changes';
import { createPasswordService } from './access/password-service';
import { createRoleService } from './access/role-service';
import { createUserService } from './access/user-service';
import { createVendPasswordCheck } from './access/vend-password-check';
import { createAuditLog, type AuditLog } from './audit-log';
import { createAuditService } from './audit-service';
import { createAuthService } from './auth-service';
import { createAuthThrottle } from './auth-throttle';
import { createDemoKeys } from './demo/demo-keys';
import { createDemoSeeder } from './demo/demo-seeder';
import { createLibrary } from './library/library';
import { createLibraryDemo } from './library/library-demo';
import { createLibraryExcel } from './library/excel/library-excel';
import { createParties } from './library/parties';
import { createPartiesDemo } from './library/parties-demo';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import { createHandlerTable, type Services } from './handler-table';
import { createHomeService } from './home-service';
import { createKeyStore, type KeyStore, type SecretWrapper } from './key-store';
import { createKeysService } from './keys-service';
import { createLogger, type Logger } from './logger';
import { hashCostFromEnv } from './password-hash';
import { createPrintService, printerPollIntervalFromEnv } from './print-service';
import { createSessionLockService } from './session-lock-service';
import { createSessionStore, type SessionStore } from './session-store';
import { createSettingsService } from './settings-service';
import { createReceiptPrintingService } from './receipt-printing-service';
import { createSetupService } from './setup-service';
import { createUuidV7Generator, systemClock } from './system';
import { createTerminal, type Terminal } from './terminal';
import { createVendingKeys } from './vending-keys';
import { createVending } from './vending/vending';
import { createAdvanced } from './advanced/advanced';
import { createRecordsExporter } from './vending/records-export';
import { partiesAccountSource } from './vending/vend-accounts';

/**
 * The core both composition roots share (Electron main and the browser-mode host): open the database, build the
 * repos, mechanisms and services, and the one dispatcher over the handler table. Transports only carry requests to
 * `dispatch` and events from `events`.
 */
export interface CoreOptions {
  dataDir: string;
  appRoot: string;
  program: string;
  env: NodeJS.ProcessEnv;
  clock?: Clock;
  logger?: Logger;
  /** The desktop app passes Electron safeStorage here; browser mode uses a passphrase instead. */
  osSecretWrapper?: SecretWrapper;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly database: OpenedDatabase;
  readonly services: Services;
  readonly sessions: SessionStore;
  readonly terminal: Terminal;
  readonly audit: AuditLog;
  readonly keyStore: KeyStore;
  readonly logger: Logger;
  close(): void;
}

export type CoreStartProblem = StartupProblem | { code: 'CONFIGURATION_REFUSED'; message: string };
export type CoreStart = { ok: true; core: Core } | { ok: false; problem: CoreStartProblem };

export async function startCore(options: CoreOptions): Promise<CoreStart> {
  const clock = options.clock ?? systemClock;
  const hashCost = hashCostFromEnv(options.env);
  if (!hashCost.ok) return { ok: false, problem: { code: 'CONFIGURATION_REFUSED', message: hashCost.message } };

  const opened = await openDatabase({ dataDir: options.dataDir, migrationsFolder: migrationsFolder(options.appRoot), program: options.program, now: () => clock.now() });
  if (!opened.ok) return { ok: false, problem: opened.problem };
  const database = opened.value;
  const { sqlite, db } = database;
  const logger = options.logger ?? createLogger(options.dataDir, { quiet: options.env.NODE_ENV === 'test' });
  const ids = createUuidV7Generator(clock);

  const settingsRepo = createSettingsRepo(db);
  const terminal = createTerminal(settingsRepo);
  const audit = createAuditLog(sqlite, { clock, ids, stationId: () => terminal.stationId() });
  const users = createUsersRepo(db);
  const organisation = createOrganisationRepo(db);
  const outbox = createOutboxRepo(db);
  const throttle = createAuthThrottle(sqlite, { clock });
  const keyStore = createKeyStore(sqlite, { clock });
  const sessions = createSessionStore();
  const events = createEventBus();
  const settings = createSettingsService({ sqlite, repo: settingsRepo, audit, clock });
  const library = createLibrary({ sqlite, audit, outbox, keyStore, clock, ids, stationId: () => terminal.stationId() });
  const parties = createParties({
    sqlite,
    library,
    clock,
    ids,
    stationId: () => terminal.stationId(),
    terminalStationId: () => terminal.identity()?.stationId ?? null,
    currencyDisplay: () => settings.section('company').currencyDisplay,
  });
  const vendingKeys = createVendingKeys(keyStore);
  const keys = createKeysService({ sqlite, keyStore, audit, vendingKeys });
  const demoKeys = createDemoKeys({ keys, keyStoreUnlocked: () => keyStore.status().state === 'unlocked' });
  const demo = createDemoSeeder({ users, settings, audit, ids, hashCost: hashCost.cost, library: createLibraryDemo({ library, keyStore, ids }), parties: createPartiesDemo({ parties, changes: library.changes, ids }), keys: demoKeys });
  const setup = createSetupService({ sqlite, users, organisation, outbox, audit, settings, terminal, keyStore, clock, ids, hashCost: hashCost.cost, demo });
  const auth = createAuthService({ sqlite, users, organisation, throttle, audit, sessions, settings, terminal, clock, ids, hashCost: hashCost.cost });
  const sessionLock = createSessionLockService({ sqlite, users, throttle, audit, sessions, settings, terminal, clock, ids });
  // S1: access control (roles, users, passwords, vending keys, the audit log screen).
  const accessRepo = createAccessRepo(sqlite);
  const accessChanges = createAccessChangeRecorder({ audit, outbox, ids });
  const vendPassword = createVendPasswordCheck({ sqlite, users, throttle, audit, settings });
  const roles = createRoleService({ sqlite, repo: accessRepo, changes: accessChanges, sessions, clock, ids, stationId: () => terminal.stationId() });
  for (const role of roles.reconcileBuiltIns()) {
    logger.info(`the built-in role ${role.code} now has this version's permissions (added: ${role.added.join(', ') || 'none'}; removed: ${role.removed.join(', ') || 'none'})`);
  }
  const userAdmin = createUserService({ sqlite, repo: accessRepo, throttle, changes: accessChanges, sessions, settings, clock, ids, hashCost: hashCost.cost, stationId: () => terminal.stationId() });
  const passwords = createPasswordService({ sqlite, users, repo: accessRepo, throttle, audit, sessions, settings, vendPassword, clock, hashCost: hashCost.cost });
  const auditTrail = createAuditService({ sqlite, repo: createAuditRepo(sqlite), audit, clock });
  const print = createPrintService({ sqlite, repo: createPrintJobsRepo(db), audit, settings, events, clock, ids, logger, stationId: () => terminal.stationId() });
  print.recoverInterrupted();
  // V1: the vend and the vending records, on the one token issuer; the Home tab counts the sales.
  const vending = createVending({
    sqlite, meters: library.meterRepo, prices: library.priceRepo, accounts: partiesAccountSource(parties), settingsRepo, settings, keyStore, vendingKeys, vendPassword,
    audit, outbox, terminal, print, clock, ids, logger,
  });
  parties.accountRepo.registerReferenceCheck('sales were made on it', vending.sales.accountHasSalesSql);
  parties.stationRepo.registerReferenceCheck('sales were made at it', vending.sales.stationHasSalesSql);
  const home = createHomeService({ sales: vending.dailySales, settings, clock });
  // A1: the Advanced Center's management tokens, their records, the decoder and Login History (on V1's issuer and TIDs).
  const advanced = createAdvanced({
    sqlite, meters: library.meterRepo, accountRepo: parties.accountRepo, accounts: parties.accounts, vending, vendingKeys, audit, outbox, settings, terminal, print, clock, ids, logger,
  });
  // V2: the Record screen's Export to Excel.
  const recordsExport = createRecordsExporter({ sqlite, records: vending.records, audit, events, clock });

  if (options.osSecretWrapper) {
    keyStore.unlockWith(options.osSecretWrapper);
  } else if (options.env.TOKENTILL_KEY_PASSPHRASE) {
    try {
      await keyStore.unlockWithPassphrase(options.env.TOKENTILL_KEY_PASSPHRASE);
    } catch (error) {
      logger.error('the key store did not unlock with TOKENTILL_KEY_PASSPHRASE', error instanceof Error ? error.message : error);
    }
  }

  const services: Services = { sqlite, audit, events, setup, auth, settings, keyStore, sessionLock, home, meters: library.meters, prices: library.prices, libraryReference: library.reference, districts: parties.districts, stations: parties.stations, customers: parties.customers, accounts: parties.accounts, libraryExcel: createLibraryExcel({ sqlite, audit, events, clock, meters: library.meters, meterRepo: library.meterRepo, reference: library.reference, prices: library.prices, customers: parties.customers, customerRepo: parties.customerRepo, districts: parties.districts, stations: parties.stations, accounts: parties.accounts, accountRepo: parties.accountRepo }), print, roles, users: userAdmin, passwords, vendPassword, keys, vendingKeys, auditTrail, vend: vending.vend, records: vending.records, tokenIssuer: vending.issuer, recordsExport, management: advanced.management, advancedRecords: advanced.records, receiptPrinting: createReceiptPrintingService({ sqlite, audit, print, records: vending.records, management: advanced.management, settings }) };
  // The idle lock runs before everything else: a locked session reaches no handler but lock and unlock.
  const dispatch = sessionLock.guard(createDispatcher({
    handlers: createHandlerTable(services),
    sessions,
    logger,
    now: () => clock.now(),
    auditDenied: ({ actor, channel, reason }) =>
      writeTransaction(sqlite, () => audit.append({ actor, action: 'access.denied', target: channel, result: 'denied', details: { reason } })),
  }));
  print.startMonitor(printerPollIntervalFromEnv(options.env));

  return {
    ok: true,
    core: {
      dispatch,
      events,
      database,
      services,
      sessions,
      terminal,
      audit,
      keyStore,
      logger,
      close: () => {
        print.stop();
        database.close();
      },
    },
  };
}
