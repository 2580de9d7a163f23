import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countSheetRows } from '../../../../../../electron/services/library/excel/sheet-row-count';
import { readSheetRows, writeSheet, type OutCell, type SheetRow } from '../../../../../../electron/services/library/excel/workbook';

/** The streaming reader and writer the library imports and exports share (L3). */
async function rowsOf(buffer: Buffer, required: string[], known: string[]): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(buffer, { required, known })) rows.push(row);
  return rows;
}

describe('readSheetRows', () => {
  it('yields the data rows in order, keyed by the header, with typed cells, escaped text restored and empty rows skipped', async () => {
    const when = new Date('2026-11-21T08:00:00Z');
    const { buffer } = await writeSheet({
      sheetName: 'x',
      header: ['Id', 'Name', 'Count', 'When'],
      rows: [
        ['0001', '-Ann', 3, when],
        [null, null, null, null],
        ['0002', '=SUM(A1)', null, null],
      ],
    });
    const rows = await rowsOf(buffer, ['Id'], ['Id', 'Name', 'Count', 'When']);
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    const at = (row: SheetRow | undefined, column: string) => (row ? row.values[row.columns.get(column) ?? -1] : undefined);
    expect(at(rows[0], 'Id')).toBe('0001');
    expect(at(rows[0], 'Name')).toBe('-Ann');
    expect(at(rows[0], 'Count')).toBe(3);
    expect(at(rows[0], 'When')).toEqual(when);
    expect(at(rows[1], 'Name')).toBe('=SUM(A1)');
    expect(at(rows[1], 'Count')).toBeNull();
  });

  it('refuses a missing required column and an unknown one before any row, naming them', async () => {
    const { buffer } = await writeSheet({ sheetName: 'x', header: ['Name', 'Colour'], rows: [['a', 'red']] });
    await expect(rowsOf(buffer, ['Id'], ['Id', 'Name', 'Colour'])).rejects.toThrow('File: the header row lacks the column "Id"; export the library once to see the layout.');
    const { buffer: other } = await writeSheet({ sheetName: 'x', header: ['Id', 'Colour'], rows: [['a', 'red']] });
    await expect(rowsOf(other, ['Id'], ['Id'])).rejects.toThrow('File: the column "Colour" is not part of this library; rename or delete it.');
  });

  it('refuses what is not a workbook, and an empty sheet', async () => {
    await expect(rowsOf(Buffer.from('not a workbook at all'), ['Id'], ['Id'])).rejects.toThrow(/not an Excel workbook/);
    const { buffer } = await writeSheet({ sheetName: 'x', header: [], rows: [] });
    await expect(rowsOf(buffer, [], [])).rejects.toThrow(/empty/);
  });

});

describe('countSheetRows', () => {
  it('counts the rows of the first worksheet (the header included) without parsing it', async () => {
    const rows = function* (): Generator<OutCell[]> {
      for (let i = 0; i < 20_000; i++) yield [String(i).padStart(8, '0'), `name <row> ${i}`];
    };
    const { buffer } = await writeSheet({ sheetName: 'x', header: ['Id', 'Name'], rows: rows() });
    expect(await countSheetRows(buffer)).toBe(20_001);
  });

  it('counts the first sheet of a workbook with two, as the reader takes it', async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet('meters');
    first.addRows([['Id'], ['1'], ['2']]);
    book.addWorksheet('notes').addRows([['a'], ['b'], ['c'], ['d'], ['e']]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    expect(await countSheetRows(buffer)).toBe(3);
  });

  it('answers null for what it cannot count (not a zip, a damaged one), so the import says "Reading the file…"', async () => {
    expect(await countSheetRows(Buffer.from('not a workbook at all'))).toBeNull();
    const { buffer } = await writeSheet({ sheetName: 'x', header: ['Id'], rows: [['1']] });
    expect(await countSheetRows(buffer.subarray(0, buffer.length - 30))).toBeNull();
  });
});
