import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppFailure } from '../../../../shared/errors/result';
import { escapeCellText, unescapeCellText } from '../../../../shared/library/excel-cells';

/**
 * The one spreadsheet engine of the library imports and exports (L3), on exceljs' STREAMING writer and reader only
 * (toolchain.md P11: the in-memory workbook needs about 1.2 GB for 100k rows). Export cells are typed: text (escaped
 * against formula injection), whole numbers, dates. Import cells come back as what the file holds, so a caller can
 * tell a text identifier from a number cell that has lost its leading zeros.
 */
export type OutCell = string | number | Date | null;

/** One cell as read: text (unescaped), a number, a date, a boolean, or empty. */
export type InCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'empty' };

/** A cell as stored while the rows wait to be checked: primitives only (a 100,000-row file stays small). */
export type InValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  values: readonly InValue[];
  /** Column name -> index into `values` (one map shared by every row of the sheet). */
  columns: ReadonlyMap<string, number>;
}

export function inCell(value: InValue | undefined): InCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'date', value };
}

function toInValue(value: unknown): InValue {
  const cell = toInCell(value);
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'text':
      return cell.text;
    case 'number':
    case 'boolean':
    case 'date':
      return cell.value;
  }
}

export interface WriteSheetOptions {
  sheetName: string;
  header: readonly string[];
  rows: Iterable<readonly OutCell[]>;
  /** Called every `every` rows with the rows written so far; awaited, so the event loop can breathe. */
  onProgress?: (done: number) => void;
}

const YIELD_EVERY = 1000;
const WRITER_YIELD_EVERY = 100;

export async function writeSheet(options: WriteSheetOptions): Promise<{ buffer: Buffer; rows: number }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.addRow([...options.header]).commit();
  let count = 0;
  for (const cells of options.rows) {
    const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? escapeCellText(cell) : cell)));
    cells.forEach((cell, index) => {
      if (cell instanceof Date) row.getCell(index + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
    });
    row.commit();
    count += 1;
    // the zip's compression runs behind the rows with no backpressure of its own: letting it catch up every 100 rows
    // keeps the uncompressed sheet from piling up (a 1,000,000-row export peaked at 880 MB yielding every 1,000)
    if (count % WRITER_YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    if (count % YIELD_EVERY === 0) options.onProgress?.(count);
  }
  options.onProgress?.(count);
  sheet.commit();
  await workbook.commit();
  await finished;
  return { buffer: Buffer.concat(chunks), rows: count };
}

function toInCell(value: unknown): InCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: unescapeCellText(value) };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return toInCell(v.richText.map((part) => part.text).join(''));
    if ('result' in v) return toInCell(v.result);
    if (typeof v.text === 'string') return toInCell(v.text);
  }
  return { kind: 'text', text: String(value) };
}

export interface ReadSheetOptions {
  /** Every header the file must have (the import names any that is missing). */
  required: readonly string[];
  /** Every header the file may have; other columns are refused (a misspelt header must not be ignored silently). */
  known: readonly string[];
}

function notAWorkbook(): never {
  throw new AppFailure('VALIDATION', 'File: this is not an Excel workbook (.xlsx); export the library once to see the layout.');
}

/**
 * Reads the first worksheet with the streaming reader, a row at a time (none is kept: the caller keeps what it
 * needs): the header row names the columns (a missing required column or an unknown one is refused before any data
 * row), each later row is keyed by them.
 */
export async function* readSheetRows(buffer: Buffer, options: ReadSheetOptions): AsyncGenerator<SheetRow> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) notAWorkbook();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let header: Array<string | null> | null = null;
  /** header name -> the file's column index; positions: header name -> index into a row's values */
  const columns = new Map<string, number>();
  const positions = new Map<string, number>();
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets += 1;
      if (sheets > 1) continue; // the first sheet is the library; later sheets (notes) are ignored
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        if (header === null) {
          header = values.map((value) => {
            const cell = toInCell(value);
            return cell.kind === 'text' ? cell.text.trim() : null;
          });
          const names = header.filter((name): name is string => name !== null);
          const missing = options.required.filter((name) => !names.includes(name));
          if (missing.length > 0) {
            throw new AppFailure('VALIDATION', `File: the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; export the library once to see the layout.`);
          }
          const unknown = names.filter((name) => !options.known.includes(name));
          if (unknown.length > 0) {
            throw new AppFailure('VALIDATION', `File: the column${unknown.length > 1 ? 's' : ''} ${unknown.map((m) => `"${m}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not part of this library; rename or delete ${unknown.length > 1 ? 'them' : 'it'}.`);
          }
          header.forEach((name, index) => {
            if (name !== null && !columns.has(name)) columns.set(name, index);
          });
          columns.forEach((_, name) => positions.set(name, positions.size));
          continue;
        }
        const cells: InValue[] = [];
        let filled = false;
        for (const [, index] of columns) {
          const cell = toInValue(values[index]);
          if (cell !== null) filled = true;
          cells.push(cell);
        }
        if (filled) yield { row: row.number, values: cells, columns: positions };
      }
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    notAWorkbook();
  }
  if (header === null) {
    throw new AppFailure('VALIDATION', 'File: the first worksheet is empty; export the library once to see the layout.');
  }
}

/** The row-level report as a workbook the screen offers for download. */
export async function problemsWorkbook(problems: ReadonlyArray<{ row: number; column: string; value: string; reason: string }>): Promise<Buffer> {
  const { buffer } = await writeSheet({
    sheetName: 'Problems',
    header: ['Row', 'Column', 'Value', 'Reason'],
    rows: problems.map((p) => [p.row, p.column, p.value, p.reason]),
  });
  return buffer;
}
