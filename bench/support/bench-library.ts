// The benchmarks' shared pieces: the Library Center over a fresh data folder, a step's time and peak RSS, and the
// figures' helpers (a line of output, a percentile, a deterministic stream of numbers).
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
import type { AppDatabase } from '../../electron/db/open-database';

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

export interface BenchLibrary {
  sqlite: Database.Database;
  db: AppDatabase;
  library: ReturnType<typeof createLibrary>;
  parties: ReturnType<typeof createParties>;
  excel: LibraryExcel;
  /** Closes the database and removes the data folder. */
  close(): void;
}

/** The Library Center (meters, prices, customers, districts, stations, accounts, Excel) over a fresh data folder. */
export async function openLibrary(options: { name?: string; terminalStationId?: string | null; currencyDisplay?: Readonly<Record<string, string>> } = {}): Promise<BenchLibrary> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tokentill-bench-${options.name ?? 'excel'}-`));
  const opened = await openDatabase({ dataDir, migrationsFolder: migrationsFolder(ROOT), program: 'bench' });
  if (!opened.ok) throw new Error(opened.problem.message);
  const { sqlite, db } = opened.value;
  const ids = createUuidV7Generator(systemClock);
  const audit = createAuditLog(sqlite, { clock: systemClock, ids, stationId: () => 'bench' });
  const library = createLibrary({ sqlite, audit, outbox: createOutboxRepo(db), keyStore: createKeyStore(sqlite, { clock: systemClock }), clock: systemClock, ids, stationId: () => 'bench' });
  const parties = createParties({
    sqlite, library, clock: systemClock, ids, stationId: () => 'bench', terminalStationId: () => options.terminalStationId ?? null, currencyDisplay: () => options.currencyDisplay ?? {},
  });
  const excel = createLibraryExcel({
    sqlite, audit, events: createEventBus(), clock: systemClock, meters: library.meters, meterRepo: library.meterRepo, reference: library.reference,
    prices: library.prices, customers: parties.customers, customerRepo: parties.customerRepo, districts: parties.districts, stations: parties.stations,
    accounts: parties.accounts, accountRepo: parties.accountRepo,
  });
  return {
    sqlite,
    db,
    library,
    parties,
    excel,
    close() {
      opened.value.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One figure: the label, the value and what it is measured against. */
export function line(label: string, value: string, note: string): void {
  console.log(`${label.padEnd(64)} ${value.padStart(12)}   (${note})`);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** A deterministic stream of pseudo-random numbers, so every run asks the same questions. */
export function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) & 0x7fffffff;
    return x / 2_147_483_648;
  };
}
