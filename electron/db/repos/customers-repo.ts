import type Database from 'better-sqlite3';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { CustomerSortColumn } from '../../../shared/ipc/parties-schemas';
import type { CustomerValues } from '../../../shared/library/party-rules';
import { containsPattern, createPagedQuery, type KeywordCondition, type SqlPart } from './paged-query';
import { createReferenceChecks } from './reference-checks';

/**
 * The Customer Library's table (L2). Keyword search over a million customers: customer number, name, phone, email,
 * address and identity number through the trigram index `customers_search` (FTS5, one text per customer, kept by
 * triggers, keyed by `search_seq`; migration l2_combined_search), districts and categories by their names. A customer with accounts is deactivated rather than
 * deleted; later issues add their reasons (`registerReferenceCheck`).
 */
export interface CustomerRecord extends CustomerValues {
  id: string;
  stationId: string;
  createdAt: string;
  version: number;
  updatedAt: string;
  active: boolean;
  categoryName: string;
  districtCode: string;
  districtName: string;
}

export interface NewCustomer extends CustomerValues {
  id: string;
  stationId: string;
  createdAt: string;
}

export interface CustomersRepo {
  list(request: ListRequest<CustomerSortColumn>): ListResponse<CustomerRecord>;
  byId(id: string): CustomerRecord | null;
  byCustomerNo(customerNo: string): CustomerRecord | null;
  insert(rows: readonly NewCustomer[]): void;
  update(id: string, expectedVersion: number, values: CustomerValues & { active: boolean }, now: string): boolean;
  delete(id: string): void;
  /** The row as stored (table columns), for the outbox; the local search key is left out. */
  syncRow(id: string): Record<string, unknown> | null;
  usage(id: string): string[];
  registerReferenceCheck(reason: string, sql: string): void;
}

type Raw = Record<string, unknown>;

const COLUMNS = `c.id, c.station_id AS stationId, c.created_at AS createdAt, c.version, c.updated_at AS updatedAt, c.active,
  c.customer_no AS customerNo, c.name, c.address, c.phone, c.email, c.identity_no AS identityNo,
  c.category_id AS categoryId, k.name AS categoryName, c.district_id AS districtId, d.code AS districtCode, d.name AS districtName`;
const JOINS = 'LEFT JOIN customer_categories k ON k.id = c.category_id LEFT JOIN districts d ON d.id = c.district_id';

function toRecord(raw: Raw): CustomerRecord {
  return {
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
    active: raw.active === 1,
    customerNo: raw.customerNo as string,
    name: raw.name as string,
    address: raw.address as string,
    phone: raw.phone as string,
    email: raw.email as string,
    identityNo: raw.identityNo as string,
    categoryId: raw.categoryId as string,
    categoryName: (raw.categoryName as string | null) ?? (raw.categoryId as string),
    districtId: raw.districtId as string,
    districtCode: (raw.districtCode as string | null) ?? '',
    districtName: (raw.districtName as string | null) ?? '',
  };
}

/** A keyword the trigram index can answer: three characters or more, none of LIKE's own (% _ \). */
export function trigramSearchable(text: string): boolean {
  return [...text].length >= 3 && !/[%_\\]/.test(text);
}

/** The customer categories (a handful of rows): their names for keyword search over the Category column. */
export type CategoryNames = () => ReadonlyArray<{ id: string; name: string }>;

export function createCustomersRepo(sqlite: Database.Database, deps: { categoryNames: CategoryNames }): CustomersRepo {
  const references = createReferenceChecks(sqlite, [{ reason: 'accounts belong to it', sql: 'SELECT 1 FROM accounts WHERE customer_id = ? LIMIT 1' }]);

  const keyword = (text: string): KeywordCondition => {
    const lower = text.toLowerCase();
    const pattern = containsPattern(text);
    const textColumns = ['c.customer_no', 'c.name', 'c.phone', 'c.email', 'c.address', 'c.identity_no'];
    const scan: SqlPart = { sql: textColumns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR '), params: textColumns.map(() => pattern) };
    const indexed: SqlPart = trigramSearchable(text)
      ? { sql: 'c.search_seq IN (SELECT rowid FROM customers_search WHERE text LIKE ?)', params: [`%${text}%`] }
      : scan;
    const others: SqlPart[] = [
      { sql: "c.district_id IN (SELECT id FROM districts WHERE code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')", params: [pattern, pattern] },
    ];
    const categories = deps.categoryNames().filter((c) => c.name.toLowerCase().includes(lower)).map((c) => c.id);
    if (categories.length > 0) others.push({ sql: `c.category_id IN (${categories.map(() => '?').join(', ')})`, params: categories });
    const join = (first: SqlPart): SqlPart => ({
      sql: `(${[first, ...others].map((p) => p.sql).join(' OR ')})`,
      params: [first, ...others].flatMap((p) => p.params),
    });
    return { selective: join(indexed), dense: join(scan) };
  };

  const list = createPagedQuery<CustomerRecord, CustomerSortColumn>(sqlite, {
    table: 'customers c',
    joins: JOINS,
    select: COLUMNS,
    sortColumns: { customerNo: 'c.customer_no', name: 'c.name' },
    sortIndexes: { customerNo: 'customers_customer_no_unique', name: 'customers_name_idx' },
    defaultSort: { column: 'customerNo', direction: 'asc' },
    tieBreaker: 'c.customer_no',
    keyword,
    mapRow: toRecord,
    activeColumn: 'c.active',
  });

  const selectById = sqlite.prepare(`SELECT ${COLUMNS} FROM customers c ${JOINS} WHERE c.id = ?`);
  const selectByNo = sqlite.prepare(`SELECT ${COLUMNS} FROM customers c ${JOINS} WHERE c.customer_no = ?`);
  const nextSeq = sqlite.prepare('SELECT coalesce(max(search_seq), 0) + 1 AS next FROM customers');
  const insert = sqlite.prepare(
    `INSERT INTO customers (id, station_id, created_at, version, updated_at, active, customer_no, name, address, phone,
       email, identity_no, category_id, district_id, search_seq)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, 1, @customerNo, @name, @address, @phone, @email, @identityNo,
       @categoryId, @districtId, @searchSeq)`,
  );
  const update = sqlite.prepare(
    `UPDATE customers SET version = version + 1, updated_at = @now, active = @active, customer_no = @customerNo,
       name = @name, address = @address, phone = @phone, email = @email, identity_no = @identityNo,
       category_id = @categoryId, district_id = @districtId
     WHERE id = @id AND version = @expectedVersion`,
  );
  const remove = sqlite.prepare('DELETE FROM customers WHERE id = ?');
  const raw = sqlite.prepare('SELECT * FROM customers WHERE id = ?');
  const values = (v: CustomerValues) => ({
    customerNo: v.customerNo,
    name: v.name,
    address: v.address,
    phone: v.phone,
    email: v.email,
    identityNo: v.identityNo,
    categoryId: v.categoryId,
    districtId: v.districtId,
  });

  return {
    list,
    byId: (id) => {
      const row = selectById.get(id) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
    byCustomerNo: (customerNo) => {
      const row = selectByNo.get(customerNo) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
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
    delete(id) {
      remove.run(id);
    },
    syncRow(id) {
      const row = raw.get(id) as Raw | undefined;
      if (!row) return null;
      const { search_seq: _local, ...synced } = row;
      return synced;
    },
    usage: (id) => references.reasons(id),
    registerReferenceCheck: (reason, sql) => references.register(reason, sql),
  };
}
