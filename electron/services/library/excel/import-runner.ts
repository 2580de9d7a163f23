import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppFailure } from '../../../../shared/errors/result';
import type { ImportProblem, LibraryImportResult } from '../../../../shared/ipc/library-excel-schemas';
import { writeTransaction } from '../../../db/open-database';
import type { AuditLog } from '../../audit-log';
import { countSheetRows } from './sheet-row-count';
import { inCell, problemsWorkbook, readSheetRows, type InCell, type ReadSheetOptions, type SheetRow } from './workbook';

/**
 * The import half of the engine, shared by every library (L3). Each library describes its columns, turns one row
 * into the SAME request its form sends (parsed with the form's zod schema), and applies that request through its own
 * service. The runner reads the file with the streaming reader a row at a time, names every faulty row (row, column,
 * value, reason) and finds duplicates inside the file, keeping only the checked requests (not the sheet's rows: a
 * 100,000-row file stays under 300 MB). Then it applies every request inside ONE write transaction: each row in its
 * own savepoint, so a refused row is collected and the others still checked; if any row was refused the whole
 * transaction is rolled back and nothing is written (the values of rows refused while writing are read again from the
 * file for the report). Rows equal to what is stored are skipped by the services (no version, audit or outbox row),
 * so a file an export produced changes nothing. The write transaction is never held while the file is read: vending
 * goes on during the reading, which is most of the time.
 */
export interface ImportColumn {
  name: string;
  required: boolean;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface LibraryImportDef<Input> {
  library: string;
  columns: readonly ImportColumn[];
  /** The identifying column: two rows with the same key are duplicates. */
  keyColumn: string;
  /** Which column a field of the request (the first segment of a zod issue path) came from. */
  fieldColumns: Readonly<Record<string, string>>;
  /** Which column an AppFailure sentence names, from its "Field: ..." prefix; the key column when none matches. */
  messageColumns: Readonly<Record<string, string>>;
  /**
   * One row to the form's request (unparsed); problems found while reading cells are reported through `problem`.
   * A batch-style row (a meter "Id Range") stands for several requests: `RowRequests`, each with its own key.
   */
  toRequest(row: RowCells): unknown;
  schema: z.ZodType<Input>;
  /**
   * Inside the import's transaction; throws AppFailure to refuse the row. 'deferred': the row is a new one the
   * library adds in bulk at `flush` (same checks, one audit row for the import instead of one per row).
   */
  apply(input: Input, actor: string): RowOutcome | 'deferred';
  /** Adds the deferred rows; returns the refused ones by their index among the deferred rows. Writes the import's audit row. */
  flush?(actor: string, audit: { action: string; target: string; details: Record<string, unknown> }): Array<{ index: number; message: string }>;
}

export interface ImportRunnerDeps {
  sqlite: Database.Database;
  audit: AuditLog;
}

export interface ImportRunOptions {
  actor: string;
  fileName: string;
  /** done and total count steps: two per row (checked, written). */
  onProgress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

/** One row's cells with typed readers that note problems instead of throwing. */
export class RowCells {
  readonly problems: ImportProblem[] = [];
  constructor(readonly source: SheetRow) {}

  private cell(column: string): InCell {
    const index = this.source.columns.get(column);
    return index === undefined ? { kind: 'empty' } : inCell(this.source.values[index]);
  }

  private shown(cell: InCell): string {
    switch (cell.kind) {
      case 'text':
        return cell.text;
      case 'number':
        return String(cell.value);
      case 'date':
        return cell.value.toISOString();
      case 'boolean':
        return cell.value ? 'TRUE' : 'FALSE';
      case 'empty':
        return '';
    }
  }

  problem(column: string, reason: string): void {
    this.problems.push({ row: this.source.row, column, value: this.shown(this.cell(column)), reason });
  }

  /** An identifier: only a text cell is accepted (a number cell has lost its leading zeros, and long ones their digits). */
  id(column: string): string | null {
    const cell = this.cell(column);
    if (cell.kind === 'empty') return null;
    if (cell.kind === 'text') return cell.text.trim();
    if (cell.kind === 'number') {
      this.problem(column, `${column} is a number cell, so it lost its leading zeros (and Excel rounds long numbers); format the column as Text and type the identifier again.`);
    } else {
      this.problem(column, `${column} must be text.`);
    }
    return null;
  }

  /** Free text (numbers are taken as typed). */
  text(column: string): string | null {
    const cell = this.cell(column);
    if (cell.kind === 'empty') return null;
    if (cell.kind === 'text') return cell.text.trim();
    if (cell.kind === 'number') return String(cell.value);
    this.problem(column, `${column} must be text.`);
    return null;
  }

  /** A whole number, from a number cell or digits typed as text. */
  int(column: string): number | null {
    const cell = this.cell(column);
    if (cell.kind === 'empty') return null;
    if (cell.kind === 'number' && Number.isInteger(cell.value)) return cell.value;
    if (cell.kind === 'text' && /^-?\d{1,15}$/.test(cell.text.trim())) return Number(cell.text.trim());
    this.problem(column, `${column} must be a whole number.`);
    return null;
  }

  /** Yes / No (or TRUE / FALSE). */
  yesNo(column: string): boolean | null {
    const cell = this.cell(column);
    if (cell.kind === 'empty') return null;
    if (cell.kind === 'boolean') return cell.value;
    if (cell.kind === 'text') {
      const t = cell.text.trim().toLowerCase();
      if (t === 'yes' || t === 'true') return true;
      if (t === 'no' || t === 'false') return false;
    }
    this.problem(column, `${column} must be Yes or No.`);
    return null;
  }

  value(column: string): string {
    return this.shown(this.cell(column));
  }
}

/** What a batch-style row asks for: one request per item it stands for, each with the key a single row would have. */
export class RowRequests {
  constructor(readonly items: ReadonlyArray<{ key: string; request: unknown }>) {}
}

const YIELD_EVERY = 1000;

class RolledBack extends Error {}

function columnOf<Input>(def: LibraryImportDef<Input>, message: string): string {
  const prefix = /^([^:]{1,40}):/.exec(message)?.[1]?.trim();
  return (prefix !== undefined ? def.messageColumns[prefix] : undefined) ?? def.keyColumn;
}

type RowRefusal = { row: number; column: string; message: string };

/**
 * The values of the rows refused while writing (a service's own checks): the file is read a second time for just
 * those rows, so the rows that passed the first check never have to be kept.
 */
async function refusalProblems(file: Buffer, columns: ReadSheetOptions, refusals: readonly RowRefusal[]): Promise<ImportProblem[]> {
  const byRow = new Map<number, RowRefusal[]>();
  for (const refusal of refusals) byRow.set(refusal.row, [...(byRow.get(refusal.row) ?? []), refusal]);
  const problems: ImportProblem[] = [];
  for await (const source of readSheetRows(file, columns)) {
    for (const refusal of byRow.get(source.row) ?? []) {
      const cells = new RowCells(source);
      cells.problem(refusal.column, refusal.message);
      problems.push(...cells.problems);
    }
  }
  return problems;
}

export async function runImport<Input>(deps: ImportRunnerDeps, def: LibraryImportDef<Input>, file: Buffer, options: ImportRunOptions): Promise<LibraryImportResult> {
  const columns: ReadSheetOptions = { required: def.columns.filter((c) => c.required).map((c) => c.name), known: def.columns.map((c) => c.name) };
  // the rows the sheet holds (the header included), counted before reading so the bar shows a true share at once
  const rowsInSheet = await countSheetRows(file);
  const problems: ImportProblem[] = [];
  // only what passed the check is kept while reading: the request and its row (the sheet rows themselves are not)
  const parsed: Array<{ row: number; input: Input }> = [];
  const firstRowOfKey = new Map<string, number>();
  const cancelled = () => new AppFailure('CANCELLED', 'Import: cancelled before anything was written.');

  // progress counts two steps per row: checking it, then writing it (total = 2 x rows). While reading, the total is
  // the count made before (0, "not known yet", when the file could not be counted)
  let total = 0;
  for await (const source of readSheetRows(file, columns)) {
    total += 1;
    if (total % YIELD_EVERY === 0) {
      options.onProgress?.(total, rowsInSheet === null ? 0 : Math.max(rowsInSheet - 1, total) * 2);
      // between chunks of rows: the progress event reaches the screen and a Cancel can arrive
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.cancelled?.()) throw cancelled();
    }
    const cells = new RowCells(source);
    const asked = def.toRequest(cells);
    const batch = asked instanceof RowRequests;
    const items = batch ? asked.items : [{ key: cells.value(def.keyColumn).trim(), request: asked }];
    const rowInputs: Array<{ row: number; input: Input }> = [];
    for (const { key, request } of items) {
      if (key !== '' && cells.problems.every((p) => p.column !== def.keyColumn)) {
        const first = firstRowOfKey.get(key);
        const where = batch ? ` (in the range of this row)` : '';
        if (first !== undefined) {
          cells.problem(def.keyColumn, `${def.keyColumn} ${key}${where} is ${first === source.row ? 'twice in this row' : `also on row ${first}`}; each ${def.keyColumn.toLowerCase()} appears once in a file.`);
        } else firstRowOfKey.set(key, source.row);
      }
      if (cells.problems.length > 0) break;
      const result = def.schema.safeParse(request);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = String(issue.path[0] ?? '');
          const column = def.fieldColumns[field] ?? def.keyColumn;
          cells.problem(column, `${column}: ${issue.message}.`);
        }
        // the items of one row share their cells: the first faulty one says what is wrong with the row
        break;
      }
      rowInputs.push({ row: source.row, input: result.data });
    }
    if (cells.problems.length > 0) {
      problems.push(...cells.problems);
      continue;
    }
    parsed.push(...rowInputs);
  }
  firstRowOfKey.clear();
  const steps = total * 2;
  options.onProgress?.(total, steps);

  if (options.cancelled?.()) throw cancelled();

  const counts = { created: 0, updated: 0, unchanged: 0 };
  const refusals: RowRefusal[] = [];
  const refuse = (row: number, message: string) => refusals.push({ row, column: columnOf(def, message), message });
  try {
    writeTransaction(deps.sqlite, () => {
      let done = 0;
      const deferred: number[] = [];
      // each row in its own savepoint: a refused row leaves nothing behind and the others are still checked (made
      // once: wrapping a function per row cost about a second per 100,000 rows)
      const applyInSavepoint = deps.sqlite.transaction((input: Input) => def.apply(input, options.actor));
      for (const item of parsed) {
        try {
          const outcome = applyInSavepoint(item.input);
          if (outcome === 'deferred') deferred.push(item.row);
          else counts[outcome] += 1;
        } catch (error) {
          if (!(error instanceof AppFailure)) throw error;
          refuse(item.row, error.message);
        }
        done += 1;
        // a range row stands for many items, so the writing half counts the items' share of the rows
        if (done % YIELD_EVERY === 0) options.onProgress?.(total + Math.floor((done * total) / parsed.length), steps);
      }
      parsed.length = 0;
      const audit = { action: `${def.library}.import`, target: def.library, details: { fileName: options.fileName, rows: total, ...counts, created: counts.created + deferred.length } };
      const faulty = () => problems.length > 0 || refusals.length > 0;
      if (deferred.length > 0 && def.flush) {
        // checked even when other rows were refused, so the report names every faulty row
        for (const refused of def.flush(options.actor, audit)) refuse(deferred[refused.index] ?? 0, refused.message);
        if (faulty()) throw new RolledBack();
        counts.created += deferred.length;
        return; // the flush wrote the import's audit row
      }
      if (faulty()) throw new RolledBack();
      // an import that changed nothing (a file an export produced) leaves no audit row either: nothing happened
      if (counts.created + counts.updated === 0) return;
      deps.audit.append({ actor: options.actor, ...audit });
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  options.onProgress?.(steps, steps);

  if (refusals.length > 0) problems.push(...(await refusalProblems(file, columns, refusals)));
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    return { saved: false, rows: total, created: 0, updated: 0, unchanged: 0, problems, reportBase64: (await problemsWorkbook(problems)).toString('base64') };
  }
  return { saved: true, rows: total, ...counts, problems: [], reportBase64: null };
}
