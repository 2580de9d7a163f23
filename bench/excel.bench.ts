// Excel figures (issue L3): importing 100,000 meters from a workbook (streaming reader, every row through the form's
// schema and the Meter Library's service, one write transaction; targets under 15 s and under 300 MB peak RSS), and
// exporting 1,000,000 meters (streaming writer, keyset pages). Peak memory is process.memoryUsage().rss sampled every
// 20 ms during the step (the bench process's whole RSS, so it includes the database cache and the file itself).
// Figures only: nothing here fails on timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/db/open-database';
import { migrationsFolder } from '../electron/db/paths';
import { createOutboxRepo } from '../electron/db/repos/outbox-repo';
import { createAuditLog } from '../electron/services/audit-log';
import { createEventBus } from '../electron/services/event-bus';
import { createKeyStore } from '../electron/services/key-store';
import { createLibraryExcel, type LibraryExcel } from '../electron/services/library/excel/library-excel';
import { writeSheet, type OutCell } from '../electron/services/library/excel/workbook';
import { createLibrary } from '../electron/services/library/library';
import { createParties } from '../electron/services/library/parties';
import { createUuidV7Generator, systemClock } from '../electron/services/system';
import { luhnCheckDigit } from '../shared/library/meter-number';
import type Database from 'better-sqlite3';

const ROOT = path.resolve(__dirname, '..');
const IMPORT_ROWS = 100_000;
const EXPORT_ROWS = 1_000_000;
const MODEL = 'm58-integrated-single-phase-electricity';

function line(label: string, value: string, target: string): void {
  console.log(`${label.padEnd(64)} ${value.padStart(12)}   (${target})`);
}

function meterNo(i: number): string {
  const payload = `58${String(i).padStart(8, '0')}`;
  return payload + String(luhnCheckDigit(payload));
}

/** Runs `work` while sampling RSS; returns its seconds and the peak RSS in MB. */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakMb: number; beforeMb: number }> {
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

async function openLibrary(): Promise<{ sqlite: Database.Database; excel: LibraryExcel; close(): void }> {
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

export async function run(): Promise<void> {
  // ---- import 100,000 meters --------------------------------------------------------------------------------------
  {
    const lib = await openLibrary();
    try {
      const modelName = lib.sqlite.prepare('SELECT name FROM meter_profiles WHERE id = ?').pluck().get(MODEL) as string;
      const rows = function* (): Generator<OutCell[]> {
        for (let i = 0; i < IMPORT_ROWS; i++) yield [meterNo(i), 'Electricity Meter', modelName, '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02'];
      };
      const { buffer } = await writeSheet({ sheetName: 'meters', header: ['Id', 'Type', 'Model', 'SGC', 'TI', 'KRN', 'Key type', 'Algorithm', 'Base date', 'Key derivation'], rows: rows() });
      line(`workbook of ${IMPORT_ROWS.toLocaleString('en-US')} meters`, `${(buffer.length / 1024 / 1024).toFixed(1)} MB`, 'setup, not a target');
      const fileBase64 = buffer.toString('base64');
      const result = await measure(() => lib.excel.importLibrary('meters', { fileBase64, fileName: 'meters.xlsx', taskId: 'bench' }, 'bench'));
      if (!result.value.saved || result.value.created !== IMPORT_ROWS) throw new Error(`the import did not save ${IMPORT_ROWS} meters: ${JSON.stringify(result.value.problems.slice(0, 3))}`);
      line(`import ${IMPORT_ROWS.toLocaleString('en-US')} meters (read, check, one transaction)`, `${result.seconds.toFixed(1)} s`, 'target under 15 s');
      line(`import ${IMPORT_ROWS.toLocaleString('en-US')} meters: peak RSS`, `${result.peakMb.toFixed(0)} MB`, `target under 300 MB; ${result.beforeMb.toFixed(0)} MB before it`);
    } finally {
      lib.close();
    }
  }

  // ---- export 1,000,000 meters ------------------------------------------------------------------------------------
  {
    const lib = await openLibrary();
    try {
      const insert = lib.sqlite.prepare(
        `INSERT INTO meters (id, station_id, created_at, version, updated_at, active, meter_no, meter_type, profile_id,
           sgc, ti, krn, key_type, algorithm, base_year, dkga, kit_secret_set, search_seq)
         VALUES (?, 'bench', ?, 1, ?, 1, ?, 'electricity', ?, '123456', 1, 1, 2, 'EA07', 2014, 'DKGA02', 0, ?)`,
      );
      const ids = createUuidV7Generator(systemClock);
      const now = new Date().toISOString();
      const seedStart = performance.now();
      lib.sqlite.transaction(() => {
        for (let i = 0; i < EXPORT_ROWS; i++) insert.run(ids.newId(), now, now, meterNo(i), MODEL, i + 1);
      })();
      line(`seeded ${EXPORT_ROWS.toLocaleString('en-US')} meters`, `${((performance.now() - seedStart) / 1000).toFixed(1)} s`, 'setup, not a target');
      const result = await measure(() => lib.excel.exportLibrary('meters', { taskId: 'bench' }, 'bench'));
      if (result.value.rows !== EXPORT_ROWS) throw new Error(`the export wrote ${result.value.rows} rows`);
      line(`export ${EXPORT_ROWS.toLocaleString('en-US')} meters (streaming writer)`, `${result.seconds.toFixed(1)} s`, `file ${(result.value.fileBase64.length * 0.75 / 1024 / 1024).toFixed(1)} MB`);
      line(`export ${EXPORT_ROWS.toLocaleString('en-US')} meters: peak RSS`, `${result.peakMb.toFixed(0)} MB`, `figure; ${result.beforeMb.toFixed(0)} MB before it`);
    } finally {
      lib.close();
    }
  }
}
