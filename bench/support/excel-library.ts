// The Excel benchmark's shared pieces: a library over a fresh data folder, and a step's time and peak RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open-database';
import { migrationsFolder } from '../../electron/db/paths';
import { createOutboxRepo } from '../../electron/db/repos/outbox-repo';
import { createAuditLog } from '../../electron/services/audit-log';
import { createEventBus } from '../../electron/services/event-bus';
import { createKeyStore } from '../../electron/services/key-store';
import { createLibraryExcel, type LibraryExcel } from '../../electron/services/library/excel/library-excel';
import { createLibrary } from '../../electron/services/library/library';
import { createParties } from '../../electron/services/library/parties';
import { createUuidV7Generator, systemClock } from '../../electron/services/system';
import type Database from 'better-sqlite3';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs `work` while sampling RSS; returns its seconds and the peak RSS in MB. */
export async function measure<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakMb: number; beforeMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - start) / 1000, peakMb: peak / 1024 / 1024, beforeMb: before / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function openLibrary(): Promise<{ sqlite: Database.Database; excel: LibraryExcel; close(): void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokentill-bench-excel-'));
  const opened = await openDatabase({ dataDir, migrationsFolder: migrationsFolder(ROOT), program: 'bench' });
  if (!opened.ok) throw new Error(opened.problem.message);
  const { sqlite, db } = opened.value;
  const ids = createUuidV7Generator(systemClock);
  const audit = createAuditLog(sqlite, { clock: systemClock, ids, stationId: () => 'bench' });
  const library = createLibrary({ sqlite, audit, outbox: createOutboxRepo(db), keyStore: createKeyStore(sqlite, { clock: systemClock }), clock: systemClock, ids, stationId: () => 'bench' });
  const parties = createParties({ sqlite, library, clock: systemClock, ids, stationId: () => 'bench', terminalStationId: () => null, currencyDisplay: () => ({}) });
  const excel = createLibraryExcel({
    sqlite, audit, events: createEventBus(), clock: systemClock, meters: library.meters, meterRepo: library.meterRepo, reference: library.reference,
    prices: library.prices, customers: parties.customers, customerRepo: parties.customerRepo, districts: parties.districts, stations: parties.stations,
    accounts: parties.accounts, accountRepo: parties.accountRepo,
  });
  return {
    sqlite,
    excel,
    close() {
      sqlite.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

