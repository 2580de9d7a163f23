import type Database from 'better-sqlite3';
import { METER_KIND_LABEL, METER_KINDS, type MeterKind } from '../../../shared/format/units';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { PriceSortColumn } from '../../../shared/ipc/library-schemas';
import type { PriceValues } from '../../../shared/library/price-rules';
import type { TaxMode } from '../../../shared/money/quote';
import { containsPattern, createPagedQuery, type KeywordCondition } from './paged-query';

/**
 * The Price Library's table. A price used by an account may not be deleted: L2 registers that check
 * (`registerReferenceCheck`) when accounts exist; until then nothing points at a price.
 */
export interface PriceRecord extends PriceValues {
  id: string;
  stationId: string;
  createdAt: string;
  version: number;
  updatedAt: string;
  active: boolean;
  categoryName: string;
}

export interface NewPrice extends PriceValues {
  id: string;
  stationId: string;
  createdAt: string;
}

export interface PricesRepo {
  list(request: ListRequest<PriceSortColumn>): ListResponse<PriceRecord>;
  byId(id: string): PriceRecord | null;
  /** Another price with this name, compared without regard to letter case. */
  nameTaken(name: string, exceptId: string | null): boolean;
  insert(row: NewPrice): void;
  update(id: string, expectedVersion: number, values: PriceValues & { active: boolean }, now: string): boolean;
  delete(id: string): void;
  syncRow(id: string): Record<string, unknown> | null;
  usage(id: string): string[];
  registerReferenceCheck(reason: string, sql: string): void;
}

type Raw = Record<string, unknown>;

const COLUMNS = `r.id, r.station_id AS stationId, r.created_at AS createdAt, r.version, r.updated_at AS updatedAt, r.active,
  r.name, r.meter_type AS meterType, r.category_id AS categoryId, c.name AS categoryName,
  r.price_per_unit AS pricePerUnit, r.currency, r.vat_bp AS vatBp, r.excise_bp AS exciseBp, r.tax_mode AS taxMode,
  r.min_purchase AS minPurchase, r.max_purchase AS maxPurchase`;
const FROM = 'prices r JOIN customer_categories c ON c.id = r.category_id';

function toRecord(raw: Raw): PriceRecord {
  return {
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
    active: raw.active === 1,
    name: raw.name as string,
    meterType: raw.meterType as MeterKind,
    categoryId: raw.categoryId as string,
    categoryName: raw.categoryName as string,
    pricePerUnit: raw.pricePerUnit as number,
    currency: raw.currency as string,
    vatBp: raw.vatBp as number,
    exciseBp: raw.exciseBp as number,
    taxMode: raw.taxMode as TaxMode,
    minPurchase: raw.minPurchase as number,
    maxPurchase: (raw.maxPurchase as number | null) ?? null,
  };
}

/** The customer categories (a handful of rows): their names for keyword search over the Category column. */
export type CategoryNames = () => ReadonlyArray<{ id: string; name: string }>;

export function createPricesRepo(sqlite: Database.Database, deps: { categoryNames: CategoryNames }): PricesRepo {
  const referenceChecks: Array<{ reason: string; statement: Database.Statement }> = [];

  const keyword = (text: string): KeywordCondition => {
    const lower = text.toLowerCase();
    const pattern = containsPattern(text);
    const parts = ["r.name LIKE ? ESCAPE '\\'", "r.currency LIKE ? ESCAPE '\\'"];
    const params: unknown[] = [pattern, pattern];
    const types = METER_KINDS.filter((kind) => METER_KIND_LABEL[kind].toLowerCase().includes(lower));
    const categories = deps.categoryNames().filter((c) => c.name.toLowerCase().includes(lower)).map((c) => c.id);
    for (const [column, values] of [['r.meter_type', types], ['r.category_id', categories]] as const) {
      if (values.length === 0) continue;
      parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    return { selective: { sql: `(${parts.join(' OR ')})`, params } };
  };

  const list = createPagedQuery<PriceRecord, PriceSortColumn>(sqlite, {
    table: 'prices r',
    joins: 'JOIN customer_categories c ON c.id = r.category_id',
    select: COLUMNS,
    sortColumns: {
      name: 'r.name COLLATE NOCASE',
      meterType: 'r.meter_type',
      category: 'c.sort_order',
      pricePerUnit: 'r.price_per_unit',
      currency: 'r.currency',
      updatedAt: 'r.updated_at',
    },
    defaultSort: { column: 'name', direction: 'asc' },
    tieBreaker: 'r.id',
    keyword,
    mapRow: toRecord,
  });

  const selectById = sqlite.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = ?`);
  const nameTaken = sqlite.prepare("SELECT 1 FROM prices WHERE name = ? COLLATE NOCASE AND id <> coalesce(?, '') LIMIT 1");
  const insert = sqlite.prepare(
    `INSERT INTO prices (id, station_id, created_at, version, updated_at, active, name, meter_type, category_id,
       price_per_unit, currency, vat_bp, excise_bp, tax_mode, min_purchase, max_purchase)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, 1, @name, @meterType, @categoryId, @pricePerUnit, @currency,
       @vatBp, @exciseBp, @taxMode, @minPurchase, @maxPurchase)`,
  );
  const update = sqlite.prepare(
    `UPDATE prices SET version = version + 1, updated_at = @now, active = @active, name = @name, meter_type = @meterType,
       category_id = @categoryId, price_per_unit = @pricePerUnit, currency = @currency, vat_bp = @vatBp,
       excise_bp = @exciseBp, tax_mode = @taxMode, min_purchase = @minPurchase, max_purchase = @maxPurchase
     WHERE id = @id AND version = @expectedVersion`,
  );
  const remove = sqlite.prepare('DELETE FROM prices WHERE id = ?');
  const raw = sqlite.prepare('SELECT * FROM prices WHERE id = ?');

  const values = (v: PriceValues) => ({
    name: v.name,
    meterType: v.meterType,
    categoryId: v.categoryId,
    pricePerUnit: v.pricePerUnit,
    currency: v.currency,
    vatBp: v.vatBp,
    exciseBp: v.exciseBp,
    taxMode: v.taxMode,
    minPurchase: v.minPurchase,
    maxPurchase: v.maxPurchase,
  });

  return {
    list,
    byId: (id) => {
      const row = selectById.get(id) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
    nameTaken: (name, exceptId) => nameTaken.get(name, exceptId) !== undefined,
    insert(row) {
      insert.run({ id: row.id, stationId: row.stationId, createdAt: row.createdAt, ...values(row) });
    },
    update(id, expectedVersion, change, now) {
      return update.run({ id, expectedVersion, now, active: change.active ? 1 : 0, ...values(change) }).changes === 1;
    },
    delete(id) {
      remove.run(id);
    },
    syncRow: (id) => (raw.get(id) as Raw | undefined) ?? null,
    usage(id) {
      return referenceChecks.filter((check) => check.statement.get(id) !== undefined).map((check) => check.reason);
    },
    registerReferenceCheck(reason, sql) {
      referenceChecks.push({ reason, statement: sqlite.prepare(sql) });
    },
  };
}
