import type Database from 'better-sqlite3';
import type { ListRequest, ListResponse, PageSize, SortDirection } from '../../../shared/ipc/list';

/**
 * The paged keyword query behind every library grid: `<library>.list` runs here, in main, over all rows. A repo
 * describes its table (columns to show, columns a user may sort by, how a keyword matches) and gets back a function
 * from a list request to one page, the total and the page count. Statements are prepared once per shape and reused.
 *
 * Keyword search is a case-insensitive "contains" (LIKE '%keyword%') over the library's searchable columns, unless
 * the repo supplies an indexed form (the Meter Library searches meter numbers through a trigram index). A repo may
 * give two forms: `selective`, used to count and, when few rows match, to fetch the page; and `dense`, the same
 * condition written so that walking the sort column's index finds the page quickly when many rows match.
 */
export type SqlPart = Readonly<{ sql: string; params: readonly unknown[] }>;

export type KeywordCondition = Readonly<{ selective: SqlPart; dense?: SqlPart }>;

export interface PagedQuerySpec<Row, Sort extends string> {
  /** The table with its alias, e.g. `meters m`. Keep joins out of big tables' lists: map names in `mapRow` instead. */
  readonly table: string;
  /** Joins for the page query only (a count never needs them); columns of joined tables must not be searched. */
  readonly joins?: string;
  /** The select list. */
  readonly select: string;
  /** SQL expression per sortable column (give each an index on big tables). */
  readonly sortColumns: Readonly<Record<Sort, string>>;
  /** The index that yields rows in a column's sort order; the dense form walks it (INDEXED BY). */
  readonly sortIndexes?: Readonly<Partial<Record<Sort, string>>>;
  readonly defaultSort: Readonly<{ column: Sort; direction: SortDirection }>;
  /** A unique column appended to every ORDER BY, so pages never overlap or skip rows of equal sort values. */
  readonly tieBreaker: string;
  /** The condition for a keyword (already trimmed, never empty). */
  readonly keyword: (keyword: string) => KeywordCondition;
  readonly mapRow: (raw: Record<string, unknown>) => Row;
  /** Above this many matches the `dense` form fetches the page (default 2000). */
  readonly denseAbove?: number;
  /**
   * The table's active flag (e.g. `c.active`), for libraries whose grid hides inactive rows unless the request says
   * `showInactive`. Without it every row is listed.
   */
  readonly activeColumn?: string;
}

/** Escapes % _ and \ for a LIKE ... ESCAPE '\' pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function containsPattern(keyword: string): string {
  return `%${escapeLike(keyword)}%`;
}

/** The default keyword condition: any of the columns contains the keyword (case-insensitive for ASCII letters). */
export function likeAnyColumn(columns: readonly string[], keyword: string): KeywordCondition {
  const pattern = containsPattern(keyword);
  return {
    selective: { sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, params: columns.map(() => pattern) },
  };
}

/** The keyword condition (or none) narrowed to active rows. */
function withActive(active: string, matched: KeywordCondition | null): KeywordCondition {
  if (matched === null) return { selective: { sql: active, params: [] } };
  const and = (part: SqlPart): SqlPart => ({ sql: `${active} AND ${part.sql}`, params: part.params });
  return matched.dense ? { selective: and(matched.selective), dense: and(matched.dense) } : { selective: and(matched.selective) };
}

export type PagedQuery<Row, Sort extends string> = (request: ListRequest<Sort>) => ListResponse<Row>;

export function createPagedQuery<Row, Sort extends string>(sqlite: Database.Database, spec: PagedQuerySpec<Row, Sort>): PagedQuery<Row, Sort> {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const denseAbove = spec.denseAbove ?? 2000;

  return (request) => {
    const keyword = request.search.trim();
    const activeOnly = spec.activeColumn !== undefined && request.showInactive !== true ? `${spec.activeColumn} = 1` : null;
    const matched = keyword === '' ? null : spec.keyword(keyword);
    const condition = activeOnly === null ? matched : withActive(activeOnly, matched);
    const where = (part: SqlPart | undefined) => (part ? ` WHERE ${part.sql}` : '');
    const counted = prepared(`SELECT count(*) AS n FROM ${spec.table}${where(condition?.selective)}`).get(...(condition?.selective.params ?? [])) as { n: number };
    const total = counted.n;
    const pageSize: PageSize = request.pageSize;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, request.page), pageCount);
    if (total === 0) return { rows: [], total, page, pageSize, pageCount };

    const sort = request.sort ?? spec.defaultSort;
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const orderBy = `${spec.sortColumns[sort.column]} ${direction}, ${spec.tieBreaker} ${direction}`;
    // Many matches: walk the sort column's index and test each row, which stops as soon as the page is full.
    const dense = condition !== null && total > denseAbove && condition.dense !== undefined;
    const part = condition === null ? undefined : dense ? condition.dense : condition.selective;
    const index = dense ? spec.sortIndexes?.[sort.column] : undefined;
    const from = `${spec.table}${index ? ` INDEXED BY ${index}` : ''}${spec.joins ? ` ${spec.joins}` : ''}`;
    const rows = prepared(`SELECT ${spec.select} FROM ${from}${where(part)} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
      .all(...(part?.params ?? []), pageSize, (page - 1) * pageSize) as Record<string, unknown>[];
    return { rows: rows.map(spec.mapRow), total, page, pageSize, pageCount };
  };
}
