import type Database from 'better-sqlite3';
import { pageCountFor, type PageSize } from '../../../shared/ipc/list';
import { KeyChangePlan, SaleToken, type Sale } from '../../../shared/ipc/vending-schemas';

/**
 * The sales table (V1) and its token index, the terminal's gap-free sequences, and the read-only lookups the vend
 * needs that no other repo offers (the district of this terminal's station). Rows are inserted once and never
 * updated; only the vend service writes them, inside its one write transaction.
 */
export interface SalesSearch {
  customerNo?: string;
  meterNo?: string;
  /** Digits only. */
  token?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: PageSize;
}

export interface SalesPage {
  rows: Sale[];
  total: number;
  page: number;
  pageSize: PageSize;
  pageCount: number;
}

/** A station with its district, as a sale copies them. */
export interface SalePlace {
  stationId: string;
  stationCode: string;
  stationName: string;
  districtId: string;
  districtCode: string;
  districtName: string;
}

export interface SalesRepo {
  /** Inserts the sale and one sale_tokens row per token. Inside the caller's write transaction. */
  insert(sale: Sale, idempotencyKey: string, receiptSeq: number): void;
  byId(id: string): Sale | null;
  byIdempotencyKey(key: string): Sale | null;
  /** Advances a named sequence and returns its new value (1 for the first). Inside the caller's write transaction. */
  nextSequence(name: string, now: string): number;
  search(filter: SalesSearch): SalesPage;
  /** Count and total paid per currency of one operator's sales at a station in [from, to). */
  summarise(query: { stationId: string; operatorLoginId: string; from: string; to: string }): {
    salesCount: number;
    totals: Array<{ currency: string; amountMinor: number; salesCount: number }>;
  };
  /** The station (and its district) a sale is made at. */
  place(stationId: string): SalePlace | null;
  /** The SQL the Meter Library runs to ask whether a meter has had a sale (its token check). */
  readonly meterHasSalesSql: string;
  /** The SQL the Account Library runs to ask whether an account has sales (it is deactivated, not deleted). */
  readonly accountHasSalesSql: string;
  /** The SQL the Sales Station Library runs to ask whether sales were made at a station. */
  readonly stationHasSalesSql: string;
}

type Raw = Record<string, unknown>;

const COLUMNS = `s.id, s.station_id AS stationId, s.created_at AS soldAt, s.receipt_no AS receiptNo,
  s.transaction_no AS transactionNo, s.station_code AS stationCode, s.station_name AS stationName,
  s.district_id AS districtId, s.district_code AS districtCode, s.district_name AS districtName,
  s.account_id AS accountId, s.account_no AS accountNo, s.customer_id AS customerId, s.customer_no AS customerNo,
  s.customer_name AS customerName, s.meter_id AS meterId, s.meter_no AS meterNo, s.meter_type AS meterType, s.scheme,
  s.price_id AS priceId, s.price_name AS priceName, s.price_version AS priceVersion, s.price_per_unit AS pricePerUnit,
  s.currency, s.tax_mode AS taxMode, s.vat_bp AS vatBp, s.vat_minor AS vatMinor, s.excise_bp AS exciseBp,
  s.excise_minor AS exciseMinor, s.by, s.paid_minor AS paidMinor, s.charge_minor AS chargeMinor,
  s.rounding_minor AS roundingMinor, s.units_tenths AS unitsTenths, s.unit, s.payment_type AS paymentType,
  s.operator_id AS operatorId, s.operator_login_id AS operatorLoginId, s.operator_name AS operatorName, s.shift,
  s.tid, s.base_year AS baseYear, s.tid_date AS tidDate, s.tid_time_zone AS tidTimeZone, s.key_params AS keyParams,
  s.key_change_json AS keyChangeJson, s.kit_count AS kitCount, s.tokens_json AS tokensJson`;

const TokenList = SaleToken.array();

function toSale(raw: Raw): Sale {
  const keyChangeJson = raw.keyChangeJson as string | null;
  return {
    id: raw.id as string,
    receiptNo: raw.receiptNo as string,
    transactionNo: raw.transactionNo as string,
    soldAt: raw.soldAt as string,
    stationId: raw.stationId as string,
    stationCode: raw.stationCode as string,
    stationName: raw.stationName as string,
    districtId: raw.districtId as string,
    districtCode: raw.districtCode as string,
    districtName: raw.districtName as string,
    accountId: raw.accountId as string,
    accountNo: raw.accountNo as string,
    customerId: raw.customerId as string,
    customerNo: raw.customerNo as string,
    customerName: raw.customerName as string,
    meterId: raw.meterId as string,
    meterNo: raw.meterNo as string,
    meterType: raw.meterType as Sale['meterType'],
    scheme: raw.scheme as Sale['scheme'],
    priceId: raw.priceId as string,
    priceName: raw.priceName as string,
    priceVersion: raw.priceVersion as number,
    pricePerUnit: raw.pricePerUnit as number,
    currency: raw.currency as string,
    taxMode: raw.taxMode as Sale['taxMode'],
    vatBp: raw.vatBp as number,
    vatMinor: raw.vatMinor as number,
    exciseBp: raw.exciseBp as number,
    exciseMinor: raw.exciseMinor as number,
    by: raw.by as Sale['by'],
    paidMinor: raw.paidMinor as number,
    chargeMinor: raw.chargeMinor as number,
    roundingMinor: raw.roundingMinor as number,
    unitsTenths: raw.unitsTenths as number,
    unit: raw.unit as string,
    paymentType: raw.paymentType as string,
    operatorId: raw.operatorId as string,
    operatorLoginId: raw.operatorLoginId as string,
    operatorName: raw.operatorName as string,
    shift: raw.shift as string,
    tid: (raw.tid as number | null) ?? null,
    baseYear: (raw.baseYear as number | null) ?? null,
    tidDate: (raw.tidDate as string | null) ?? null,
    tidTimeZone: (raw.tidTimeZone as string | null) ?? null,
    keyParams: (raw.keyParams as string | null) ?? null,
    keyChange: keyChangeJson === null ? null : KeyChangePlan.parse(JSON.parse(keyChangeJson)),
    kitCount: (raw.kitCount as number | null) ?? null,
    tokens: TokenList.parse(JSON.parse(raw.tokensJson as string)),
  };
}

export function createSalesRepo(sqlite: Database.Database): SalesRepo {
  const insertSale = sqlite.prepare(
    `INSERT INTO sales (id, station_id, created_at, idempotency_key, receipt_no, receipt_seq, transaction_no,
       station_code, station_name, district_id, district_code, district_name, account_id, account_no, customer_id,
       customer_no, customer_name, meter_id, meter_no, meter_type, scheme, price_id, price_name, price_version,
       price_per_unit, currency, tax_mode, vat_bp, vat_minor, excise_bp, excise_minor, by, paid_minor, charge_minor,
       rounding_minor, units_tenths, unit, payment_type, operator_id, operator_login_id, operator_name, shift, tid,
       base_year, tid_date, tid_time_zone, key_params, key_change_json, kit_count, tokens_json)
     VALUES (@id, @stationId, @soldAt, @idempotencyKey, @receiptNo, @receiptSeq, @transactionNo, @stationCode,
       @stationName, @districtId, @districtCode, @districtName, @accountId, @accountNo, @customerId, @customerNo,
       @customerName, @meterId, @meterNo, @meterType, @scheme, @priceId, @priceName, @priceVersion, @pricePerUnit,
       @currency, @taxMode, @vatBp, @vatMinor, @exciseBp, @exciseMinor, @by, @paidMinor, @chargeMinor, @roundingMinor,
       @unitsTenths, @unit, @paymentType, @operatorId, @operatorLoginId, @operatorName, @shift, @tid, @baseYear,
       @tidDate, @tidTimeZone, @keyParams, @keyChangeJson, @kitCount, @tokensJson)`,
  );
  const insertToken = sqlite.prepare('INSERT INTO sale_tokens (sale_id, position, role, token) VALUES (?, ?, ?, ?)');
  const selectById = sqlite.prepare(`SELECT ${COLUMNS} FROM sales s WHERE s.id = ?`);
  const selectByKey = sqlite.prepare(`SELECT ${COLUMNS} FROM sales s WHERE s.idempotency_key = ?`);
  const bumpSequence = sqlite.prepare(
    `INSERT INTO sequences (name, value, updated_at) VALUES (?, 1, ?)
     ON CONFLICT(name) DO UPDATE SET value = value + 1, updated_at = excluded.updated_at
     RETURNING value`,
  );
  const summary = sqlite.prepare(
    `SELECT currency, count(*) AS n, sum(paid_minor) AS total FROM sales
     WHERE station_id = ? AND operator_login_id = ? AND created_at >= ? AND created_at < ? GROUP BY currency`,
  );
  const selectPlace = sqlite.prepare(
    `SELECT s.id AS stationId, s.code AS stationCode, s.name AS stationName, d.id AS districtId, d.code AS districtCode,
       d.name AS districtName
     FROM stations s JOIN districts d ON d.id = s.district_id WHERE s.id = ?`,
  );
  const statements = new Map<string, { count: Database.Statement; page: Database.Statement }>();

  const searchStatements = (conditions: string[]) => {
    const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
    let cached = statements.get(where);
    if (!cached) {
      cached = {
        count: sqlite.prepare(`SELECT count(*) AS n FROM sales s ${where}`).pluck(),
        page: sqlite.prepare(`SELECT ${COLUMNS} FROM sales s ${where} ORDER BY s.created_at DESC, s.rowid DESC LIMIT ? OFFSET ?`),
      };
      statements.set(where, cached);
    }
    return cached;
  };

  return {
    insert(sale, idempotencyKey, receiptSeq) {
      const { keyChange, tokens, ...columns } = sale;
      insertSale.run({
        ...columns,
        idempotencyKey,
        receiptSeq,
        keyChangeJson: keyChange === null ? null : JSON.stringify(keyChange),
        tokensJson: JSON.stringify(tokens),
      });
      sale.tokens.forEach((token, position) => insertToken.run(sale.id, position, token.role, token.digits));
    },
    byId(id) {
      const row = selectById.get(id) as Raw | undefined;
      return row ? toSale(row) : null;
    },
    byIdempotencyKey(key) {
      const row = selectByKey.get(key) as Raw | undefined;
      return row ? toSale(row) : null;
    },
    nextSequence(name, now) {
      return (bumpSequence.get(name, now) as { value: number }).value;
    },
    search(filter) {
      const conditions: string[] = [];
      const params: unknown[] = [];
      if (filter.customerNo) {
        conditions.push('s.customer_no = ?');
        params.push(filter.customerNo);
      }
      if (filter.meterNo) {
        conditions.push('s.meter_no = ?');
        params.push(filter.meterNo);
      }
      if (filter.token) {
        conditions.push('s.id IN (SELECT sale_id FROM sale_tokens WHERE token = ?)');
        params.push(filter.token);
      }
      if (filter.from) {
        conditions.push('s.created_at >= ?');
        params.push(filter.from);
      }
      if (filter.to) {
        conditions.push('s.created_at < ?');
        params.push(filter.to);
      }
      const statement = searchStatements(conditions);
      const total = statement.count.get(...params) as number;
      const pageCount = pageCountFor(total, filter.pageSize);
      const page = Math.min(filter.page, pageCount);
      const rows = (statement.page.all(...params, filter.pageSize, (page - 1) * filter.pageSize) as Raw[]).map(toSale);
      return { rows, total, page, pageSize: filter.pageSize, pageCount };
    },
    summarise(query) {
      const rows = summary.all(query.stationId, query.operatorLoginId, query.from, query.to) as Array<{ currency: string; n: number; total: number }>;
      return {
        salesCount: rows.reduce((sum, row) => sum + row.n, 0),
        totals: rows.map((row) => ({ currency: row.currency, amountMinor: row.total, salesCount: row.n })),
      };
    },
    place(stationId) {
      return (selectPlace.get(stationId) as SalePlace | undefined) ?? null;
    },
    meterHasSalesSql: 'SELECT 1 FROM sales WHERE meter_id = ? LIMIT 1',
    accountHasSalesSql: 'SELECT 1 FROM sales WHERE account_id = ? LIMIT 1',
    stationHasSalesSql: 'SELECT 1 FROM sales WHERE station_id = ? LIMIT 1',
  };
}
