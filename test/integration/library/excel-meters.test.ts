import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSheet, type OutCell } from '../../../electron/services/library/excel/workbook';
import { METER_EXPORT_HEADER } from '../../../electron/services/library/excel/meter-sheet';
import type { LibraryExportResult, LibraryImportResult } from '../../../shared/ipc/library-excel-schemas';
import type { ProfileInfo } from '../../../shared/ipc/library-schemas';
import { luhnCheckDigit } from '../../../shared/library/meter-number';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';

const ELECTRIC = 'm58-integrated-single-phase-electricity';
const HEADER = ['Id', 'Type', 'Model', 'SGC', 'TI', 'KRN', 'Key type', 'Algorithm', 'Base date', 'Key derivation'];

let h: CoreHarness;
let admin: ReturnType<CoreHarness['caller']>;
let modelName = '';
beforeEach(async () => {
  h = await startCoreHarness();
  await h.caller().call('setup.init', SETUP_INPUT);
  admin = h.caller();
  await admin.call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword });
  const profiles = await value<ProfileInfo[]>(admin.call('profiles.list', {}));
  modelName = profiles.find((p) => p.id === ELECTRIC)?.name ?? '';
  expect(modelName).not.toBe('');
});
afterEach(() => {
  h.close();
  removeDir(h.dataDir);
});

const sqlite = () => h.core.database.sqlite;
const count = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const snapshot = () => ({ meters: count('meters'), audit: count('audit_log'), outbox: count('outbox') });

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The i-th test meter number (58 + 8 digits + Luhn), distinct from the demo's meters. */
function meterNo(i: number): string {
  const payload = `58${String(70_000_000 + i).padStart(8, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

function meterRow(i: number): OutCell[] {
  return [meterNo(i), 'Electricity Meter', modelName, '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02'];
}

async function workbook(rows: OutCell[][]): Promise<string> {
  const { buffer } = await writeSheet({ sheetName: 'meters', header: HEADER, rows });
  return buffer.toString('base64');
}

async function importMeters(fileBase64: string, taskId?: string): Promise<LibraryImportResult> {
  return value<LibraryImportResult>(admin.call('meters.import', { fileBase64, fileName: 'meters.xlsx', ...(taskId ? { taskId } : {}) }));
}

describe('meters.import (L3)', () => {
  it('refuses a 5,000-row file with planted faults, naming exactly those rows and writing nothing; the fixed file imports 5,000 rows', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => meterRow(i));
    // spreadsheet row n is data row n - 2 (the header is row 1)
    const good17 = meterNo(15);
    const last = Number(good17.slice(-1));
    rows[15] = [`${good17.slice(0, -1)}${(last + 1) % 10}`, ...meterRow(15).slice(1)]; // row 17: bad check digit
    rows[2046] = [Number(meterNo(2046)), ...meterRow(2046).slice(1)]; // row 2,048: a number cell
    rows[4997] = meterRow(100); // row 4,999: the meter of row 102 again
    const before = snapshot();
    const refused = await importMeters(await workbook(rows));
    expect(refused.saved).toBe(false);
    expect(refused.problems.map((p) => [p.row, p.column])).toEqual([
      [17, 'Id'],
      [2048, 'Id'],
      [4999, 'Id'],
    ]);
    expect(refused.problems[0]?.reason).toMatch(/check digit/);
    expect(refused.problems[1]?.reason).toMatch(/lost its leading zeros/);
    expect(refused.problems[1]?.value).toBe(String(Number(meterNo(2046))));
    expect(refused.problems[2]?.reason).toMatch(/also on row 102/);
    expect(snapshot()).toEqual(before);
    // the report downloads as a workbook with the same rows
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(Buffer.from(refused.reportBase64 ?? '', 'base64') as unknown as ArrayBuffer);
    const sheet = report.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe(17);
    expect(sheet?.rowCount).toBe(4);

    const fixed = Array.from({ length: 5000 }, (_, i) => meterRow(i));
    const events: Array<{ done: number; total: number }> = [];
    const unsubscribe = h.core.services.events.subscribe((name, payload) => {
      if (name === 'progress' && (payload as { taskId: string }).taskId === 'imp-1') events.push(payload as { done: number; total: number });
    });
    const saved = await importMeters(await workbook(fixed), 'imp-1');
    unsubscribe();
    expect(saved).toMatchObject({ saved: true, rows: 5000, created: 5000, updated: 0, unchanged: 0, problems: [] });
    expect(count('meters')).toBe(before.meters + 5000);
    // two steps a row (checked, written): the total is known from the first event (the rows are counted before the
    // reading), rising values, ending at 100 %
    expect(events.map((e) => e.total)).toEqual(events.map(() => 10_000));
    expect(events.at(-1)).toEqual({ taskId: 'imp-1', done: 10_000, total: 10_000 });
    const percents = new Set(events.filter((e) => e.total === 10_000).map((e) => Math.floor((e.done * 100) / e.total)));
    expect(percents.size).toBeGreaterThanOrEqual(3);
    expect(events.filter((e) => e.total === 10_000).map((e) => e.done)).toEqual([...events.filter((e) => e.total === 10_000).map((e) => e.done)].sort((a, b) => a - b));
    const importAudit = sqlite().prepare("SELECT details_json FROM audit_log WHERE action = 'meters.import'").pluck().all() as string[];
    expect(importAudit).toHaveLength(1);
    expect(JSON.parse(importAudit[0] ?? '{}')).toMatchObject({ rows: 5000, created: 5000 });
  });

  it('export -> import changes nothing: no version moves, no audit or outbox rows', async () => {
    await importMeters(await workbook(Array.from({ length: 300 }, (_, i) => meterRow(i))));
    const exported = await value<LibraryExportResult>(admin.call('meters.export', {}));
    expect(exported.rows).toBe(count('meters'));
    const versions = () => sqlite().prepare("SELECT meter_no || ':' || version FROM meters ORDER BY meter_no").pluck().all();
    const before = { ...snapshot(), versions: versions() };
    const again = await importMeters(exported.fileBase64);
    expect(again).toMatchObject({ saved: true, created: 0, updated: 0, unchanged: exported.rows });
    // the export's own audit row came before `before`; the import adds nothing
    expect({ ...snapshot(), versions: versions() }).toEqual(before);
  });

  it('exports identifiers as text, numbers as numbers, dates as dates, with the grid header and no secret column', async () => {
    const exported = await value<LibraryExportResult>(admin.call('meters.export', {}));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.fileBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...METER_EXPORT_HEADER]);
    expect(header.some((h) => String(h).toLowerCase().includes('secret'))).toBe(false);
    const row = sheet?.getRow(2);
    expect(typeof row?.getCell(1).value).toBe('string');
    expect(typeof row?.getCell(5).value).toBe('number');
    expect(row?.getCell(14).value).toBeInstanceOf(Date);
    expect(count('audit_log')).toBeGreaterThan(0);
    const audit = sqlite().prepare("SELECT details_json FROM audit_log WHERE action = 'meters.export'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ rows: exported.rows });
  });

  it('names a row whose value the form refuses, and a column that is not part of the library', async () => {
    const bad = await importMeters(await workbook([meterRow(1), [meterNo(2), 'Electricity Meter', modelName, '60010', 1, 1, 2, 'EA07', 2014, 'DKGA02']]));
    expect(bad.saved).toBe(false);
    expect(bad.problems).toEqual([{ row: 3, column: 'SGC', value: '60010', reason: expect.stringMatching(/6 digits/) as unknown as string }]);
    const { buffer } = await writeSheet({ sheetName: 'x', header: [...HEADER, 'Colour'], rows: [[...meterRow(1), 'red']] });
    const result = await admin.call('meters.import', { fileBase64: buffer.toString('base64'), fileName: 'x.xlsx' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/"Colour"/);
    const junk = await admin.call('meters.import', { fileBase64: Buffer.from('not a workbook').toString('base64'), fileName: 'x.xlsx' });
    expect(junk.ok).toBe(false);
  });

  it('a row the Meter Library refuses while writing is named with the value in the file, and nothing is written', async () => {
    const profiles = await value<ProfileInfo[]>(admin.call('profiles.list', {}));
    const testModel = profiles.find((p) => p.id === 'tokentill-test-meter')?.name ?? '';
    expect(testModel).not.toBe('');
    // a manufacturer-58 number under the manufacturer-00 test model: the schema takes it, the service refuses it
    const before = snapshot();
    const result = await importMeters(await workbook([meterRow(1), [meterNo(2), 'Electricity Meter', testModel, '600100', 1, 1, 2, 'EA07', 2014, 'DKGA02'], meterRow(3)]));
    expect(result.saved).toBe(false);
    expect(result.problems).toEqual([{ row: 3, column: 'Id', value: meterNo(2), reason: expect.stringMatching(/manufacturer/i) as unknown as string }]);
    expect(snapshot()).toEqual(before);
  });

  const RANGE_HEADER = ['Id', 'Id Range: first', 'Id Range: last', ...HEADER.slice(1)];
  const keyCells = (i: number) => meterRow(i).slice(1);

  it('a batch-style row (Id Range: first and last) adds every meter of its range with its check digit, next to single rows', async () => {
    const { buffer } = await writeSheet({
      sheetName: 'meters',
      header: RANGE_HEADER,
      rows: [
        [meterNo(900), null, null, ...keyCells(900)],
        [null, '5871000000', '5871000024', ...keyCells(0)],
      ],
    });
    const before = count('meters');
    const result = await importMeters(buffer.toString('base64'));
    expect(result).toMatchObject({ saved: true, rows: 2, created: 26, problems: [] });
    expect(count('meters')).toBe(before + 26);
    const stored = sqlite().prepare("SELECT meter_no FROM meters WHERE meter_no LIKE '587100000%' OR meter_no LIKE '587100001%' OR meter_no LIKE '587100002%' ORDER BY meter_no").pluck().all() as string[];
    expect(stored).toHaveLength(25);
    expect(stored[0]).toBe(`5871000000${luhnCheckDigit('5871000000')}`);
    expect(stored[24]).toBe(`5871000024${luhnCheckDigit('5871000024')}`);
    const audit = sqlite().prepare("SELECT details_json FROM audit_log WHERE action = 'meters.import'").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([expect.objectContaining({ rows: 2, created: 26 })]);
  });

  it('a faulty batch row is named by its row and column, a range overlapping another row is a duplicate, and nothing is written', async () => {
    const inRange = `5871000005${luhnCheckDigit('5871000005')}`;
    const { buffer } = await writeSheet({
      sheetName: 'meters',
      header: RANGE_HEADER,
      rows: [
        [inRange, null, null, ...keyCells(0)], // row 2: one meter that the range of row 3 also makes
        [null, '5871000000', '5871000009', ...keyCells(0)], // row 3
        [null, '5871000100', null, ...keyCells(0)], // row 4: no last number
        [null, '58710002', '58710003', ...keyCells(0)], // row 5: 8 digits
        [meterNo(7), '5871000300', '5871000301', ...keyCells(0)], // row 6: both an Id and a range
        [null, '5871000400', '5871000399', ...keyCells(0)], // row 7: last below first
      ],
    });
    const before = snapshot();
    const result = await importMeters(buffer.toString('base64'));
    expect(result.saved).toBe(false);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Id'],
      [4, 'Id Range: last'],
      [5, 'Id Range: first'],
      [6, 'Id'],
      [7, 'Id Range: first'],
    ]);
    expect(result.problems[0]?.reason).toBe(`Id ${inRange} (in the range of this row) is also on row 2; each id appears once in a file.`);
    expect(result.problems[2]?.reason).toMatch(/8 digits; type 10 digits/);
    expect(result.problems[4]?.reason).toMatch(/must not be below the first/);
    expect(snapshot()).toEqual(before);
  });
});
