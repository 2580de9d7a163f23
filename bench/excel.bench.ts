// Excel figures (issue L3): importing 100,000 meters from a workbook (streaming reader, every row through the form's
// schema and the Meter Library's service, one write transaction; targets under 15 s and under 300 MB peak RSS), and
// exporting 1,000,000 meters (streaming writer, keyset pages). The import runs in a process of its own
// (support/excel-import-child.ts) and its peak is the operating system's maxRSS of that process, so it counts the
// database, the file and the runtime, and not the garbage of writing the test workbook. The export's peak is this
// process's RSS sampled every 20 ms. Figures only: nothing here fails on timing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSheet, type OutCell } from '../electron/services/library/excel/workbook';
import { createUuidV7Generator, systemClock } from '../electron/services/system';
import { luhnCheckDigit } from '../shared/library/meter-number';
import { line, measure, openLibrary } from './support/bench-library';

const IMPORT_ROWS = 100_000;
const EXPORT_ROWS = 1_000_000;
const MODEL = 'm58-integrated-single-phase-electricity';

function meterNo(i: number): string {
  const payload = `58${String(i).padStart(8, '0')}`;
  return payload + String(luhnCheckDigit(payload));
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
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokentill-bench-import-'));
      try {
        const file = path.join(dir, 'meters.xlsx');
        fs.writeFileSync(file, buffer);
        const child = path.join(__dirname, 'support', 'excel-import-child.ts');
        // three runs, each in a fresh process into a fresh database: the peak depends on when the garbage collector
        // runs (more so on a busy machine), so the median and the worst are both printed
        const runs = [1, 2, 3].map(() => {
          const output = execFileSync(process.execPath, ['--import', 'tsx', child, file, String(IMPORT_ROWS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
          return JSON.parse(output.trim().split('\n').pop() ?? '{}') as { seconds: number; peakMb: number; baselineMb: number };
        });
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? Number.NaN;
        const seconds = runs.map((r) => r.seconds);
        const peaks = runs.map((r) => r.peakMb);
        line(`import ${IMPORT_ROWS.toLocaleString('en-US')} meters (read, check, one transaction): median of 3`, `${median(seconds).toFixed(1)} s`, `target under 15 s; worst ${Math.max(...seconds).toFixed(1)} s`);
        line(
          `import ${IMPORT_ROWS.toLocaleString('en-US')} meters: peak RSS (own process), median of 3`,
          `${median(peaks).toFixed(0)} MB`,
          `target under 300 MB; worst ${Math.max(...peaks).toFixed(0)} MB; ${median(runs.map((r) => r.baselineMb)).toFixed(0)} MB with the database open, before the file`,
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
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
