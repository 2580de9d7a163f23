import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../shared/ipc/access-schemas';
import { RECORDS_EXPORT_HEADER } from '../../../shared/ipc/records-export-schemas';
import type { RecordsSearchResult } from '../../../shared/ipc/vending-schemas';
import { startVendingHarness, value, type VendingHarness } from '../../support/vending-harness';

/**
 * V2's Export to Excel through the handler table: the same rows as records.search (all pages, newest first), streamed
 * with progress events under the request's task id, audited with who and how many.
 */
let harness: VendingHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

async function rowsOf(file: ExportFile): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Record');
  if (!sheet) throw new Error('no Record sheet');
  return sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1).map((cell) => String(cell)) : []));
}

describe('records.export', () => {
  it("exports every record the search finds, across pages, as the Record grid's columns, with progress and an audit row", async () => {
    harness = await startVendingHarness();
    const h = harness;
    const lili = h.accountOf('58000000065');
    const bule = h.accountOf('58000000099');
    for (let i = 0; i < 103; i++) {
      await h.vend({ accountId: lili, amount: '2' });
      h.clock.advance(60_000);
    }
    await h.vend({ accountId: bule, by: 'unit', amount: '1' });

    const progress: Array<{ done: number; total: number }> = [];
    const stop = h.core.events.subscribe((name, payload) => {
      if (name === 'progress' && (payload as { taskId: string }).taskId === 'task-export-1') progress.push(payload as { done: number; total: number });
    });
    const file = await value(h.admin.call<ExportFile>('records.export', { meterNo: '58000000065', taskId: 'task-export-1' }));
    stop();
    expect(file).toMatchObject({ rows: 103, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(file.fileName).toMatch(/^records-\d{8}-\d{6}Z\.xlsx$/);

    const rows = await rowsOf(file);
    expect(rows[0]).toEqual([...RECORDS_EXPORT_HEADER]);
    const found: string[] = [];
    for (let page = 1; page <= 2; page++) {
      const result = await value(h.admin.call<RecordsSearchResult>('records.search', { meterNo: '58000000065', page, pageSize: 100 }));
      found.push(...result.rows.map((sale) => sale.receiptNo));
    }
    expect(rows.slice(1).map((row) => row[0])).toEqual(found);
    expect(rows.slice(1).every((row) => row[3] === '58000000065' && row[9] === '2.00' && /^\d{4}( \d{4}){4}$/.test(row[12] ?? ''))).toBe(true);

    expect(progress[0]).toEqual({ taskId: 'task-export-1', done: 0, total: 103 });
    expect(progress.map((p) => p.done)).toEqual([0, 100, 103]);
    expect(h.count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'records.export' AND actor = '0000' AND details_json LIKE '%\"rows\":103%'")).toBe(1);
  });

  it('names the field a search is wrong in, and exports an empty sheet when nothing matches', async () => {
    harness = await startVendingHarness();
    const refused = await harness.admin.call('records.export', { token: '12ab', taskId: 'task-export-2' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toContain('Token');
    const empty = await value(harness.admin.call<ExportFile>('records.export', { customerNo: 'nobody', taskId: 'task-export-3' }));
    expect(empty.rows).toBe(0);
    expect(await rowsOf(empty)).toEqual([[...RECORDS_EXPORT_HEADER]]);
  });
});
