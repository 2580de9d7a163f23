import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSheet, type OutCell } from '../../../electron/services/library/excel/workbook';
import type { LibraryExportResult, LibraryImportResult } from '../../../shared/ipc/library-excel-schemas';
import type { MeterDetail } from '../../../shared/ipc/library-schemas';
import type { CustomerRow, DistrictRow, StationRow } from '../../../shared/ipc/parties-schemas';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';

let h: CoreHarness;
let admin: ReturnType<CoreHarness['caller']>;
beforeEach(async () => {
  h = await startCoreHarness();
  await h.caller().call('setup.init', SETUP_INPUT);
  admin = h.caller();
  await admin.call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword });
});
afterEach(() => {
  h.close();
  removeDir(h.dataDir);
});

const sqlite = () => h.core.database.sqlite;
const count = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const versions = (table: string) => sqlite().prepare(`SELECT id || ':' || version FROM ${table} ORDER BY id`).pluck().all();
const state = () => ({
  audit: count('audit_log'),
  outbox: count('outbox'),
  meters: versions('meters'),
  prices: versions('prices'),
  customers: versions('customers'),
  accounts: versions('accounts'),
});

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
const exportOf = (library: string) => value<LibraryExportResult>(admin.call(`${library}.export` as 'meters.export', {}));
const importOf = (library: string, fileBase64: string) => value<LibraryImportResult>(admin.call(`${library}.import` as 'meters.import', { fileBase64, fileName: `${library}.xlsx` }));
async function file(header: readonly string[], rows: OutCell[][]): Promise<string> {
  return (await writeSheet({ sheetName: 'x', header, rows })).buffer.toString('base64');
}
async function firstSheet(base64: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('Excel export and import of every library (L3)', () => {
  it('exports all six libraries with the grid header, audited with the row count; re-importing the exports changes nothing', async () => {
    for (const library of ['meters', 'prices', 'customers', 'districts', 'stations', 'accounts']) {
      const exported = await exportOf(library);
      expect(exported.rows, library).toBeGreaterThan(0);
      const sheet = await firstSheet(exported.fileBase64);
      expect(sheet.rowCount, library).toBe(exported.rows + 1);
      const audit = sqlite().prepare('SELECT details_json FROM audit_log WHERE action = ? ORDER BY seq DESC').pluck().get(`${library}.export`) as string;
      expect(JSON.parse(audit)).toEqual({ rows: exported.rows });
    }
    const files = { meters: await exportOf('meters'), prices: await exportOf('prices'), customers: await exportOf('customers'), accounts: await exportOf('accounts') };
    const before = state();
    for (const [library, exported] of Object.entries(files)) {
      const result = await importOf(library, exported.fileBase64);
      expect(result, library).toMatchObject({ saved: true, created: 0, updated: 0, unchanged: exported.rows, problems: [] });
    }
    expect(state()).toEqual(before);
  });

  it('escapes formula-looking text on export and restores it on import: "+254...", "-Ann" and "=HYPERLINK(...)" survive', async () => {
    const district = await value<DistrictRow>(admin.call('districts.create', { code: 'D07', name: 'Lake', description: '' }));
    const header = ['Customer No.', 'User Coder', 'Phone', 'Email', 'Address', 'Identity No.', 'Category', 'District'];
    const imported = await importOf('customers', await file(header, [
      ['0101', '-Ann', '+254 700 000 001', 'ann@example.com', '@home', 'ID-1', 'Residential', 'D07'],
      ['0102', '=HYPERLINK("http://x.example","y")', '0712 000 002', '', '', '', 'Residential', 'D07'],
    ]));
    expect(imported).toMatchObject({ saved: true, created: 2 });
    const ann = (await value<{ rows: CustomerRow[] }>(admin.call('customers.list', { search: '0101' }))).rows[0];
    expect(ann).toMatchObject({ customerNo: '0101', name: '-Ann', phone: '+254 700 000 001', address: '@home', districtId: district.id });
    const exported = await exportOf('customers');
    const sheet = await firstSheet(exported.fileBase64);
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(...(row.values as unknown[]).map(String)));
    expect(cells).toContain("'-Ann");
    expect(cells).toContain("'+254 700 000 001");
    expect(cells).toContain('\'=HYPERLINK("http://x.example","y")');
    expect(cells).not.toContain('-Ann');
    const before = state();
    expect(await importOf('customers', exported.fileBase64)).toMatchObject({ saved: true, created: 0, updated: 0 });
    expect(state()).toEqual(before);
  });

  it('refuses an accounts file whose account points at a missing price, naming the row, and writes nothing', async () => {
    await value<StationRow>(admin.call('stations.create', { code: 'ST09', name: 'Pier', districtId: (await value<DistrictRow>(admin.call('districts.create', { code: 'D09', name: 'Pier' }))).id }));
    await value<MeterDetail>(admin.call('meters.create', { meterNo: '58000000016', meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', keys: { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } }));
    await importOf('customers', await file(['Customer No.', 'User Coder', 'Category', 'District'], [['0201', 'Baraka', 'Residential', 'D09'], ['0202', 'Neema', 'Residential', 'D09']]));
    const header = ['Account No.', 'Customer No.', 'Meter No.', 'Sales Station', 'Price'];
    const before = state();
    const refused = await importOf('accounts', await file(header, [
      ['0301', '0201', '58000000016', 'ST09', '1 USD, 13 %'],
      ['0302', '0202', '58000000016', 'ST09', 'No Such Price'],
    ]));
    expect(refused.saved).toBe(false);
    expect(refused.problems).toEqual([{ row: 3, column: 'Price', value: 'No Such Price', reason: expect.stringMatching(/no price named "No Such Price"/) as unknown as string }]);
    expect(state()).toEqual(before);
    const saved = await importOf('accounts', await file(header, [['0301', '0201', '58000000016', 'ST09', '1 USD, 13 %']]));
    expect(saved).toMatchObject({ saved: true, created: 1 });
    // the service's own rule (one active account per meter) names the row too
    const second = await importOf('accounts', await file(header, [['0303', '0202', '58000000016', 'ST09', '1 USD, 13 %']]));
    expect(second.saved).toBe(false);
    expect(second.problems.map((p) => p.row)).toEqual([2]);
  });
});
