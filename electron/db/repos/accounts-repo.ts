import type Database from 'better-sqlite3';
import { METER_KIND_LABEL, METER_KINDS, type MeterKind } from '../../../shared/format/units';
import type { ListRequest, ListResponse, PageSize } from '../../../shared/ipc/list';
import type { AccountSortColumn, TopUpSortColumn } from '../../../shared/ipc/parties-schemas';
import type { AccountValues } from '../../../shared/library/party-rules';
import type { TaxMode } from '../../../shared/money/quote';
import { assertNever } from '../../../shared/errors/result';
import { trigramSearchable } from './customers-repo';
import { containsPattern, createPagedQuery, type KeywordCondition, type SqlPart } from './paged-query';
import { createReferenceChecks } from './reference-checks';

/**
 * The Account Library's table (L2) and the Top-up query. An account ties a customer, a meter, a sales station and a
 * price; one active account per meter (a partial unique index). `listed` (local, kept by triggers) is true while the
 * account, its customer, meter and price are all active: the Top-up Center sells to exactly those.
 *
 * Extension point: an account that sales or management tokens point at is deactivated rather than deleted. V1 and A1
 * register those checks (`registerReferenceCheck`).
 */
export interface AccountRecord extends AccountValues {
  id: string;
  stationId: string;
  createdAt: string;
  version: number;
  updatedAt: string;
  active: boolean;
  listed: boolean;
  maxOverdraftTenths: number | null;
  customerNo: string;
  customerName: string;
  customerActive: boolean;
  meterNo: string;
  meterType: MeterKind;
  meterActive: boolean;
  salesStationCode: string;
  salesStationName: string;
  priceName: string;
  pricePerUnit: number;
  currency: string;
  priceActive: boolean;
}

export interface NewAccount extends AccountValues {
  id: string;
  stationId: string;
  createdAt: string;
}

export interface TopUpRecord {
  accountId: string;
  accountNo: string;
  accountVersion: number;
  customerId: string;
  customerNo: string;
  customerName: string;
  meterId: string;
  meterNo: string;
  meterType: MeterKind;
  priceId: string;
  priceVersion: number;
  pricePerUnit: number;
  currency: string;
  vatBp: number;
  exciseBp: number;
  taxMode: TaxMode;
  maxOverdraftTenths: number | null;
}

/** An active price, as the Top-up search matches its Price, Currency and Tax (%) columns and the price choices list it. */
export interface PriceSummary {
  id: string;
  name: string;
  meterType: MeterKind;
  categoryId: string;
  pricePerUnit: number;
  currency: string;
  vatBp: number;
  exciseBp: number;
  version: number;
}

export interface AccountsRepo {
  list(request: ListRequest<AccountSortColumn>): ListResponse<AccountRecord>;
  byId(id: string): AccountRecord | null;
  byAccountNo(accountNo: string): AccountRecord | null;
  /** The active account of a meter other than `exceptId`, if any. */
  activeForMeter(meterId: string, exceptId: string | null): { id: string; accountNo: string } | null;
  /** Active accounts of a customer whose price is for another customer category than `categoryId`. */
  pricedForOtherCategory(customerId: string, categoryId: string): string[];
  insert(rows: readonly NewAccount[]): void;
  update(id: string, expectedVersion: number, values: AccountValues & { active: boolean }, now: string): boolean;
  /** A1's write: the max overdraft a Set Max Overdraft token set (tenths of the meter type's unit); moves the version. */
  setMaxOverdraft(id: string, expectedVersion: number, tenths: number, now: string): boolean;
  delete(id: string): void;
  /** The row as stored, for the outbox; the local columns (search key, listed) are left out. */
  syncRow(id: string): Record<string, unknown> | null;
  usage(id: string): string[];
  registerReferenceCheck(reason: string, sql: string): void;
  /** Active prices (a small table), for the Top-up search over Price, Currency and Tax (%) and for the price choices. */
  activePrices(): PriceSummary[];
  /**
   * The Top-up Center's grid: listed accounts only, the keyword matched against Customer No., User Coder, Meter No.,
   * Meter Type, the account number and (through `priceIds`, the prices whose Price, Currency or Tax (%) text contains
   * it) the price columns; sorted by meter number unless asked otherwise.
   */
  forTopUp(request: ListRequest<TopUpSortColumn>, priceIds: (keyword: string) => readonly string[]): ListResponse<TopUpRecord>;
}

type Raw = Record<string, unknown>;

const COLUMNS = `a.id, a.station_id AS stationId, a.created_at AS createdAt, a.version, a.updated_at AS updatedAt, a.active, a.listed,
  a.account_no AS accountNo, a.customer_id AS customerId, c.customer_no AS customerNo, c.name AS customerName, c.active AS customerActive,
  a.meter_id AS meterId, m.meter_no AS meterNo, m.meter_type AS meterType, m.active AS meterActive,
  a.sales_station_id AS salesStationId, s.code AS salesStationCode, s.name AS salesStationName,
  a.price_id AS priceId, p.name AS priceName, p.price_per_unit AS pricePerUnit, p.currency, p.active AS priceActive,
  a.max_overdraft_tenths AS maxOverdraftTenths`;
const JOINS = `LEFT JOIN customers c ON c.id = a.customer_id LEFT JOIN meters m ON m.id = a.meter_id
  LEFT JOIN stations s ON s.id = a.sales_station_id LEFT JOIN prices p ON p.id = a.price_id`;

function toRecord(raw: Raw): AccountRecord {
  return {
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
    active: raw.active === 1,
    listed: raw.listed === 1,
    accountNo: raw.accountNo as string,
    customerId: raw.customerId as string,
    customerNo: (raw.customerNo as string | null) ?? '',
    customerName: (raw.customerName as string | null) ?? '',
    customerActive: raw.customerActive === 1,
    meterId: raw.meterId as string,
    meterNo: (raw.meterNo as string | null) ?? '',
    meterType: ((raw.meterType as string | null) ?? 'electricity') as MeterKind,
    meterActive: raw.meterActive === 1,
    salesStationId: raw.salesStationId as string,
    salesStationCode: (raw.salesStationCode as string | null) ?? '',
    salesStationName: (raw.salesStationName as string | null) ?? '',
    priceId: raw.priceId as string,
    priceName: (raw.priceName as string | null) ?? '',
    pricePerUnit: (raw.pricePerUnit as number | null) ?? 0,
    currency: (raw.currency as string | null) ?? '',
    priceActive: raw.priceActive === 1,
    maxOverdraftTenths: (raw.maxOverdraftTenths as number | null) ?? null,
  };
}

/** Meter numbers are digits (STS) or letters, digits and dashes (kit serials): spaces typed between groups go. */
function meterNumberKeyword(text: string): string | null {
  if (!/^[0-9A-Za-z\s-]+$/.test(text)) return null;
  const number = text.replace(/\s+/g, '');
  return number === '' ? null : number;
}

/**
 * The accounts whose search text (account number, customer number and name, meter number; migration
 * l2_combined_search) contains the keyword, as an SQL set of search keys; a meter number typed with spaces between its
 * groups is also looked for without them. Null when the trigram index cannot answer (under three characters, or one of
 * LIKE's own characters): the caller reads the columns instead.
 */
function searchKeysMatching(text: string): SqlPart | null {
  if (!trigramSearchable(text)) return null;
  const number = meterNumberKeyword(text);
  const forms = [...new Set([text, ...(number !== null && number !== text && number.length >= 3 ? [number] : [])])];
  return {
    sql: forms.map(() => 'SELECT rowid FROM accounts_search WHERE text LIKE ?').join(' UNION ALL '),
    params: forms.map((form) => `%${form}%`),
  };
}

/** The same question answered by reading the columns (short keywords, or ones with % _ \\). */
function columnsMatching(text: string): SqlPart {
  const pattern = containsPattern(text);
  const number = meterNumberKeyword(text);
  return {
    sql: `(a.account_no LIKE ? ESCAPE '\\' OR a.customer_id IN (SELECT id FROM customers WHERE customer_no LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')
           OR a.meter_id IN (SELECT id FROM meters WHERE meter_no LIKE ? ESCAPE '\\'))`,
    params: [pattern, pattern, pattern, containsPattern(number ?? text)],
  };
}

function typesMatching(lower: string): MeterKind[] {
  return METER_KINDS.filter((kind) => METER_KIND_LABEL[kind].toLowerCase().includes(lower));
}

function anyOf(parts: readonly SqlPart[]): SqlPart {
  if (parts.length === 0) return { sql: '0', params: [] };
  return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

const TOP_UP_SELECT = `a.id AS accountId, a.account_no AS accountNo, a.version AS accountVersion, a.customer_id AS customerId,
  c.customer_no AS customerNo, c.name AS customerName, a.meter_id AS meterId, m.meter_no AS meterNo, m.meter_type AS meterType,
  a.price_id AS priceId, p.version AS priceVersion, p.price_per_unit AS pricePerUnit, p.currency, p.vat_bp AS vatBp,
  p.excise_bp AS exciseBp, p.tax_mode AS taxMode, a.max_overdraft_tenths AS maxOverdraftTenths`;

/** How each Top-up sort walks an index when many rows match: the driving table, its index, the order. */
const TOP_UP_WALKS: Readonly<Record<TopUpSortColumn, { from: string; order: readonly string[] }>> = {
  meterNo: {
    from: `meters m INDEXED BY meters_meter_no_unique CROSS JOIN accounts a ON a.meter_id = m.id
           CROSS JOIN customers c ON c.id = a.customer_id CROSS JOIN prices p ON p.id = a.price_id`,
    order: ['m.meter_no'],
  },
  meterType: {
    from: `meters m INDEXED BY meters_type_no_idx CROSS JOIN accounts a ON a.meter_id = m.id
           CROSS JOIN customers c ON c.id = a.customer_id CROSS JOIN prices p ON p.id = a.price_id`,
    order: ['m.meter_type', 'm.meter_no'],
  },
  customerNo: {
    from: `customers c INDEXED BY customers_customer_no_unique CROSS JOIN accounts a ON a.customer_id = c.id
           CROSS JOIN meters m ON m.id = a.meter_id CROSS JOIN prices p ON p.id = a.price_id`,
    order: ['c.customer_no', 'm.meter_no'],
  },
  customerName: {
    from: `customers c INDEXED BY customers_name_idx CROSS JOIN accounts a ON a.customer_id = c.id
           CROSS JOIN meters m ON m.id = a.meter_id CROSS JOIN prices p ON p.id = a.price_id`,
    order: ['c.name', 'c.customer_no', 'm.meter_no'],
  },
};
/** Few matches: start from the matching accounts and sort them. */
const TOP_UP_FROM_ACCOUNTS = `accounts a CROSS JOIN customers c ON c.id = a.customer_id CROSS JOIN meters m ON m.id = a.meter_id
  CROSS JOIN prices p ON p.id = a.price_id`;
/** Above this many matches the page walks the sort column's index instead of sorting every match. */
const TOP_UP_WALK_ABOVE = 5000;

function toTopUp(raw: Raw): TopUpRecord {
  return {
    accountId: raw.accountId as string,
    accountNo: raw.accountNo as string,
    accountVersion: raw.accountVersion as number,
    customerId: raw.customerId as string,
    customerNo: raw.customerNo as string,
    customerName: raw.customerName as string,
    meterId: raw.meterId as string,
    meterNo: raw.meterNo as string,
    meterType: raw.meterType as MeterKind,
    priceId: raw.priceId as string,
    priceVersion: raw.priceVersion as number,
    pricePerUnit: raw.pricePerUnit as number,
    currency: raw.currency as string,
    vatBp: raw.vatBp as number,
    exciseBp: raw.exciseBp as number,
    taxMode: raw.taxMode as TaxMode,
    maxOverdraftTenths: (raw.maxOverdraftTenths as number | null) ?? null,
  };
}

/**
 * The Top-up sort keys read from an account's search text (account no., customer no., name, meter no.; migration
 * l2_combined_search), in the order the walk's ORDER BY uses; null for Meter Type, which the text does not hold.
 */
function sortKeysFromText(column: TopUpSortColumn): ((fields: readonly string[]) => string[]) | null {
  switch (column) {
    case 'meterNo':
      return (f) => [f[3] ?? ''];
    case 'customerNo':
      return (f) => [f[1] ?? '', f[3] ?? ''];
    case 'customerName':
      return (f) => [f[2] ?? '', f[1] ?? '', f[3] ?? ''];
    case 'meterType':
      return null;
    default:
      return assertNever(column);
  }
}

/** SQLite's BINARY order (UTF-8 bytes, i.e. code points), so a sorted page here matches one SQLite sorts. */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  if (!/[\uD800-\uDFFF]/.test(a) && !/[\uD800-\uDFFF]/.test(b)) return a < b ? -1 : 1;
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length - y.length < 0 ? -1 : x.length === y.length ? 0 : 1;
}

export function createAccountsRepo(sqlite: Database.Database): AccountsRepo {
  const references = createReferenceChecks(sqlite);
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  // ---- the Account Library's list ----
  const libraryKeyword = (text: string): KeywordCondition => {
    const lower = text.toLowerCase();
    const pattern = containsPattern(text);
    const keys = searchKeysMatching(text);
    const parts: SqlPart[] = [keys ? { sql: `a.search_seq IN (${keys.sql})`, params: keys.params } : columnsMatching(text)];
    const types = typesMatching(lower);
    if (types.length > 0) parts.push({ sql: `a.meter_id IN (SELECT id FROM meters WHERE meter_type IN (${placeholders(types)}))`, params: types });
    parts.push({ sql: "a.sales_station_id IN (SELECT id FROM stations WHERE code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')", params: [pattern, pattern] });
    parts.push({ sql: "a.price_id IN (SELECT id FROM prices WHERE name LIKE ? ESCAPE '\\' OR currency LIKE ? ESCAPE '\\')", params: [pattern, pattern] });
    const condition = anyOf(parts);
    return { selective: condition, dense: condition };
  };
  const list = createPagedQuery<AccountRecord, AccountSortColumn>(sqlite, {
    table: 'accounts a',
    joins: JOINS,
    select: COLUMNS,
    sortColumns: { accountNo: 'a.account_no' },
    sortIndexes: { accountNo: 'accounts_account_no_unique' },
    defaultSort: { column: 'accountNo', direction: 'asc' },
    tieBreaker: 'a.account_no',
    keyword: libraryKeyword,
    mapRow: toRecord,
    activeColumn: 'a.active',
  });

  // ---- the Top-up query ----
  /**
   * The keyword as (1) the listed accounts it finds, each branch through an index (search texts, meter types, prices),
   * and (2) a test of one joined row, for walking a sort index when the matches are many.
   */
  const topUpConditions = (text: string, priceIds: readonly string[]): { branches: SqlPart[]; any: SqlPart; walk: SqlPart } => {
    const lower = text.toLowerCase();
    const pattern = containsPattern(text);
    const number = meterNumberKeyword(text);
    const keys = searchKeysMatching(text);
    const conditions: Array<{ sql: string; params: readonly unknown[]; index?: string }> = [
      keys ? { sql: `a.search_seq IN (${keys.sql})`, params: keys.params, index: 'accounts_listed_seq_idx' } : columnsMatching(text),
    ];
    const walk: SqlPart[] = [
      {
        sql: "(a.account_no LIKE ? ESCAPE '\\' OR c.customer_no LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR m.meter_no LIKE ? ESCAPE '\\')",
        params: [pattern, pattern, pattern, containsPattern(number ?? text)],
      },
    ];
    const types = typesMatching(lower);
    if (types.length > 0) {
      conditions.push({ sql: `a.meter_id IN (SELECT id FROM meters WHERE meter_type IN (${placeholders(types)}))`, params: types });
      walk.push({ sql: `m.meter_type IN (${placeholders(types)})`, params: types });
    }
    if (priceIds.length > 0) {
      conditions.push({ sql: `a.price_id IN (${placeholders(priceIds)})`, params: [...priceIds] });
      walk.push({ sql: `a.price_id IN (${placeholders(priceIds)})`, params: [...priceIds] });
    }
    return {
      branches: conditions.map((c) => ({
        sql: `SELECT a.search_seq AS seq, s.text AS text FROM accounts a${c.index ? ` INDEXED BY ${c.index}` : ''}
                CROSS JOIN accounts_search s ON s.rowid = a.search_seq WHERE a.listed = 1 AND ${c.sql}`,
        params: c.params,
      })),
      any: anyOf(conditions),
      walk: anyOf(walk),
    };
  };

  const forTopUp: AccountsRepo['forTopUp'] = (request, priceIds) => {
    const keyword = request.search.trim();
    const conditions = keyword === '' ? null : topUpConditions(keyword, priceIds(keyword));
    // (1) The matches with their search texts, up to one more than sorting them here is worth: one pass through the
    // search index. The text holds the sort keys (account no., customer no., name, meter no.), so no join is needed.
    const branches = conditions?.branches ?? [
      {
        sql: `SELECT a.search_seq AS seq, s.text AS text FROM accounts a INDEXED BY accounts_listed_seq_idx
                CROSS JOIN accounts_search s ON s.rowid = a.search_seq WHERE a.listed = 1`,
        params: [],
      },
    ];
    const found = prepared(`${branches.map((b) => b.sql).join(' UNION ALL ')} LIMIT ${TOP_UP_WALK_ABOVE + 1}`)
      .raw()
      .all(...branches.flatMap((b) => b.params)) as Array<[number, string]>;
    const few = found.length <= TOP_UP_WALK_ABOVE;
    const matched = few ? [...new Map(found).entries()] : [];
    // (2) Many: count them all (the figure the footer shows) and walk the sort column's index for the page.
    const total = few
      ? matched.length
      : ((conditions === null
          ? prepared('SELECT count(*) FROM accounts a WHERE a.listed = 1').pluck().get()
          : prepared(`SELECT count(*) FROM accounts a WHERE a.listed = 1 AND ${conditions.any.sql}`).pluck().get(...conditions.any.params)) as number);
    const pageSize: PageSize = request.pageSize;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(Math.max(1, request.page), pageCount);
    if (total === 0) return { rows: [], total, page, pageSize, pageCount };
    const sort = request.sort ?? { column: 'meterNo', direction: 'asc' };
    const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
    const walkPlan = TOP_UP_WALKS[sort.column];
    const orderBy = walkPlan.order.map((column) => `${column} ${direction}`).join(', ');
    const offset = (page - 1) * pageSize;
    if (!few) {
      const rows = prepared(`SELECT ${TOP_UP_SELECT} FROM ${walkPlan.from} WHERE a.listed = 1${conditions ? ` AND ${conditions.walk.sql}` : ''} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(
        ...(conditions?.walk.params ?? []),
        pageSize,
        offset,
      ) as Raw[];
      return { rows: rows.map(toTopUp), total, page, pageSize, pageCount };
    }
    const keys = sortKeysFromText(sort.column);
    if (keys === null) {
      // Meter Type is not in the search text: the matches are joined and sorted by SQLite.
      const rows = prepared(`SELECT ${TOP_UP_SELECT} FROM ${TOP_UP_FROM_ACCOUNTS} WHERE a.search_seq IN (SELECT value FROM json_each(?)) ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(
        JSON.stringify(matched.map(([seq]) => seq)),
        pageSize,
        offset,
      ) as Raw[];
      return { rows: rows.map(toTopUp), total, page, pageSize, pageCount };
    }
    const sign = direction === 'DESC' ? -1 : 1;
    const keyed = matched.map(([seq, text]) => ({ seq, key: keys(text.split('\n')) }));
    keyed.sort((x, y) => {
      for (let i = 0; i < x.key.length; i++) {
        const order = compareBinary(x.key[i] ?? '', y.key[i] ?? '');
        if (order !== 0) return sign * order;
      }
      return 0;
    });
    const pageSeqs = keyed.slice(offset, offset + pageSize).map((k) => k.seq);
    const bySeq = new Map(
      (prepared(`SELECT a.search_seq AS seq, ${TOP_UP_SELECT} FROM ${TOP_UP_FROM_ACCOUNTS} WHERE a.search_seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(pageSeqs)) as Raw[]).map(
        (raw) => [raw.seq as number, raw],
      ),
    );
    const rows = pageSeqs.flatMap((seq) => {
      const raw = bySeq.get(seq);
      return raw ? [toTopUp(raw)] : [];
    });
    return { rows, total, page, pageSize, pageCount };
  };

  const selectById = sqlite.prepare(`SELECT ${COLUMNS} FROM accounts a ${JOINS} WHERE a.id = ?`);
  const selectByNo = sqlite.prepare(`SELECT ${COLUMNS} FROM accounts a ${JOINS} WHERE a.account_no = ?`);
  const activeForMeter = sqlite.prepare("SELECT id, account_no AS accountNo FROM accounts WHERE meter_id = ? AND active = 1 AND id <> coalesce(?, '') LIMIT 1");
  const otherCategory = sqlite
    .prepare(
      `SELECT a.account_no FROM accounts a JOIN prices p ON p.id = a.price_id
        WHERE a.customer_id = ? AND a.active = 1 AND p.category_id <> ? ORDER BY a.account_no`,
    )
    .pluck();
  const nextSeq = sqlite.prepare('SELECT coalesce(max(search_seq), 0) + 1 AS next FROM accounts');
  const insert = sqlite.prepare(
    `INSERT INTO accounts (id, station_id, created_at, version, updated_at, active, account_no, customer_id, meter_id,
       sales_station_id, price_id, max_overdraft_tenths, search_seq)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, 1, @accountNo, @customerId, @meterId, @salesStationId, @priceId,
       NULL, @searchSeq)`,
  );
  const update = sqlite.prepare(
    `UPDATE accounts SET version = version + 1, updated_at = @now, active = @active, account_no = @accountNo,
       customer_id = @customerId, meter_id = @meterId, sales_station_id = @salesStationId, price_id = @priceId
     WHERE id = @id AND version = @expectedVersion`,
  );
  const setOverdraft = sqlite.prepare(
    'UPDATE accounts SET version = version + 1, updated_at = ?, max_overdraft_tenths = ? WHERE id = ? AND version = ?',
  );
  const remove = sqlite.prepare('DELETE FROM accounts WHERE id = ?');
  const raw = sqlite.prepare('SELECT * FROM accounts WHERE id = ?');
  const prices = sqlite.prepare(
    `SELECT id, name, meter_type AS meterType, category_id AS categoryId, price_per_unit AS pricePerUnit, currency,
            vat_bp AS vatBp, excise_bp AS exciseBp, version
       FROM prices WHERE active = 1 ORDER BY name COLLATE NOCASE`,
  );
  const values = (v: AccountValues) => ({ accountNo: v.accountNo, customerId: v.customerId, meterId: v.meterId, salesStationId: v.salesStationId, priceId: v.priceId });

  return {
    list,
    byId: (id) => {
      const row = selectById.get(id) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
    byAccountNo: (accountNo) => {
      const row = selectByNo.get(accountNo) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
    activeForMeter: (meterId, exceptId) => (activeForMeter.get(meterId, exceptId) as { id: string; accountNo: string } | undefined) ?? null,
    pricedForOtherCategory: (customerId, categoryId) => otherCategory.all(customerId, categoryId) as string[],
    insert(rows) {
      let seq = (nextSeq.get() as { next: number }).next;
      for (const row of rows) {
        insert.run({ id: row.id, stationId: row.stationId, createdAt: row.createdAt, ...values(row), searchSeq: seq });
        seq += 1;
      }
    },
    update(id, expectedVersion, change, now) {
      return update.run({ id, expectedVersion, now, active: change.active ? 1 : 0, ...values(change) }).changes === 1;
    },
    setMaxOverdraft(id, expectedVersion, tenths, now) {
      return setOverdraft.run(now, tenths, id, expectedVersion).changes === 1;
    },
    delete(id) {
      remove.run(id);
    },
    syncRow(id) {
      const row = raw.get(id) as Raw | undefined;
      if (!row) return null;
      const { search_seq: _search, listed: _listed, ...synced } = row;
      return synced;
    },
    usage: (id) => references.reasons(id),
    registerReferenceCheck: (reason, sql) => references.register(reason, sql),
    activePrices: () => prices.all() as PriceSummary[],
    forTopUp,
  };
}
