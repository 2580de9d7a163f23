import type Database from 'better-sqlite3';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { createLibraryReferenceRepo } from '../../db/repos/library-reference-repo';
import { createMetersRepo, type MetersRepo } from '../../db/repos/meters-repo';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import { createPricesRepo, type PricesRepo } from '../../db/repos/prices-repo';
import type { AuditLog } from '../audit-log';
import type { KeyStore } from '../key-store';
import { createMasterChangeRecorder, type MasterChangeRecorder } from './master-change';
import { createMeterService, type MeterService } from './meter-service';
import { createPriceService, type PriceService } from './price-service';
import { createLibraryReference, type LibraryReference } from './reference-data';

/**
 * The Library Center's part of the core (L1), built in one place for startCore and the tests: the reference rows
 * (written at start), the Meter and Price Library services, and the repos later issues extend (V1 registers its
 * token check on `meterRepo`, L2 its account checks on both).
 */
export interface Library {
  reference: LibraryReference;
  meters: MeterService;
  prices: PriceService;
  meterRepo: MetersRepo;
  priceRepo: PricesRepo;
  changes: MasterChangeRecorder;
}

export interface LibraryDeps {
  sqlite: Database.Database;
  audit: AuditLog;
  outbox: OutboxRepo;
  keyStore: KeyStore;
  clock: Clock;
  ids: IdGenerator;
  stationId: () => string;
}

export function createLibrary(deps: LibraryDeps): Library {
  const reference = createLibraryReference({ sqlite: deps.sqlite, repo: createLibraryReferenceRepo(deps.sqlite), clock: deps.clock });
  reference.ensureBuiltIns();
  const meterRepo = createMetersRepo(deps.sqlite, { profileNames: () => reference.profiles() });
  const priceRepo = createPricesRepo(deps.sqlite, { categoryNames: () => reference.categories() });
  const changes = createMasterChangeRecorder({ audit: deps.audit, outbox: deps.outbox, ids: deps.ids });
  const common = { sqlite: deps.sqlite, reference, changes, clock: deps.clock, ids: deps.ids, stationId: deps.stationId };
  return {
    reference,
    meters: createMeterService({ ...common, meters: meterRepo, keyStore: deps.keyStore }),
    prices: createPriceService({ ...common, prices: priceRepo }),
    meterRepo,
    priceRepo,
    changes,
  };
}
