import type Database from 'better-sqlite3';
import type { ManagementKind, ManagementRecord } from '../../../shared/ipc/advanced-schemas';
import { pageCountFor, type ListResponse, type PageSize } from '../../../shared/ipc/list';

/** The Advanced Center's management-token records (A1): born complete, never updated. */
export interface ManagementTokensRepo {
  insert(record: ManagementRecord & { stationId: string; operatorId: string; profileId: string }, idempotencyKey: string): void;
  byId(id: string): ManagementRecord | null;
  byIdempotencyKey(key: string): ManagementRecord | null;
  byToken(token: string): ManagementRecord | null;
  list(query: { kind: ManagementKind; search: string; page: number; pageSize: PageSize }): ListResponse<ManagementRecord>;
  /** Every record of a kind matching the keyword, newest first (for the export; one row at a time). */
  iterate(kind: ManagementKind, search: string): IterableIterator<ManagementRecord>;
  /** For L2's reference check: an account that management tokens were issued on. */
  readonly accountHasTokensSql: string;
  readonly meterHasTokensSql: string;
}

type Raw = Record<string, unknown>;

const COLUMNS = `id, kind, account_id AS accountId, account_no AS accountNo, customer_no AS customerNo, customer_name AS customerName,
  meter_id AS meterId, meter_no AS meterNo, value_text AS valueText, value_number AS valueNumber, params_json AS paramsJson,
  tid, base_year AS baseYear, tid_date AS tidDate, key_params AS keyParams, receipt_mark AS receiptMark,
  operator_login_id AS operatorLoginId, operator_name AS operatorName, created_at AS createdAt, tokens_json AS tokensJson`;

function toRecord(raw: Raw): ManagementRecord {
  return {
    id: raw.id as string,
    kind: raw.kind as ManagementKind,
    accountId: (raw.accountId as string | null) ?? null,
    accountNo: (raw.accountNo as string | null) ?? null,
    customerNo: (raw.customerNo as string | null) ?? null,
    customerName: (raw.customerName as string | null) ?? null,
    meterId: raw.meterId as string,
    meterNo: raw.meterNo as string,
    valueText: (raw.valueText as string | null) ?? null,
    valueNumber: (raw.valueNumber as number | null) ?? null,
    params: JSON.parse(raw.paramsJson as string) as Record<string, unknown>,
    tid: (raw.tid as number | null) ?? null,
    baseYear: (raw.baseYear as number | null) ?? null,
    tidDate: (raw.tidDate as string | null) ?? null,
    keyParams: (raw.keyParams as string | null) ?? null,
    receiptMark: (raw.receiptMark as string | null) ?? null,
    operatorLoginId: raw.operatorLoginId as string,
    operatorName: raw.operatorName as string,
    createdAt: raw.createdAt as string,
    tokens: JSON.parse(raw.tokensJson as string) as string[],
  };
}

/** A keyword matches the customer no., name, account no., meter no., operator or a token (digits). */
const SEARCH = `(@search = '' OR instr(lower(coalesce(customer_no, '') || ' ' || coalesce(customer_name, '') || ' ' || coalesce(account_no, '')
  || ' ' || meter_no || ' ' || operator_login_id || ' ' || tokens_json), lower(@search)) > 0)`;

export function createManagementTokensRepo(sqlite: Database.Database): ManagementTokensRepo {
  const insert = sqlite.prepare(
    `INSERT INTO management_tokens (id, station_id, created_at, idempotency_key, kind, account_id, account_no, customer_id,
       customer_no, customer_name, meter_id, meter_no, profile_id, value_text, value_number, params_json, tid, base_year,
       tid_date, key_params, receipt_mark, operator_id, operator_login_id, operator_name, tokens_json)
     VALUES (@id, @stationId, @createdAt, @idempotencyKey, @kind, @accountId, @accountNo, NULL, @customerNo, @customerName,
       @meterId, @meterNo, @profileId, @valueText, @valueNumber, @paramsJson, @tid, @baseYear, @tidDate, @keyParams,
       @receiptMark, @operatorId, @operatorLoginId, @operatorName, @tokensJson)`,
  );
  const insertToken = sqlite.prepare('INSERT INTO management_token_numbers (record_id, position, token) VALUES (?, ?, ?)');
  const byId = sqlite.prepare(`SELECT ${COLUMNS} FROM management_tokens WHERE id = ?`);
  const byKey = sqlite.prepare(`SELECT ${COLUMNS} FROM management_tokens WHERE idempotency_key = ?`);
  const byToken = sqlite.prepare(
    `SELECT ${COLUMNS} FROM management_tokens
      WHERE id = (SELECT record_id FROM management_token_numbers WHERE token = ? LIMIT 1)`,
  );
  const count = sqlite.prepare(`SELECT count(*) FROM management_tokens WHERE kind = @kind AND ${SEARCH}`).pluck();
  const page = sqlite.prepare(
    `SELECT ${COLUMNS} FROM management_tokens WHERE kind = @kind AND ${SEARCH} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  );
  const all = sqlite.prepare(`SELECT ${COLUMNS} FROM management_tokens WHERE kind = @kind AND ${SEARCH} ORDER BY created_at DESC, id DESC`);
  return {
    insert(record, idempotencyKey) {
      insert.run({
        id: record.id,
        stationId: record.stationId,
        createdAt: record.createdAt,
        idempotencyKey,
        kind: record.kind,
        accountId: record.accountId,
        accountNo: record.accountNo,
        customerNo: record.customerNo,
        customerName: record.customerName,
        meterId: record.meterId,
        meterNo: record.meterNo,
        profileId: record.profileId,
        valueText: record.valueText,
        valueNumber: record.valueNumber,
        paramsJson: JSON.stringify(record.params),
        tid: record.tid,
        baseYear: record.baseYear,
        tidDate: record.tidDate,
        keyParams: record.keyParams,
        receiptMark: record.receiptMark,
        operatorId: record.operatorId,
        operatorLoginId: record.operatorLoginId,
        operatorName: record.operatorName,
        tokensJson: JSON.stringify(record.tokens),
      });
      record.tokens.forEach((token, position) => insertToken.run(record.id, position, token));
    },
    byId(id) {
      const raw = byId.get(id) as Raw | undefined;
      return raw ? toRecord(raw) : null;
    },
    byIdempotencyKey(key) {
      const raw = byKey.get(key) as Raw | undefined;
      return raw ? toRecord(raw) : null;
    },
    byToken(token) {
      const raw = byToken.get(token) as Raw | undefined;
      return raw ? toRecord(raw) : null;
    },
    list(query) {
      const params = { kind: query.kind, search: query.search.trim() };
      const total = count.get(params) as number;
      const pageCount = pageCountFor(total, query.pageSize);
      const served = Math.min(query.page, pageCount);
      const rows = (page.all({ ...params, limit: query.pageSize, offset: (served - 1) * query.pageSize }) as Raw[]).map(toRecord);
      return { rows, total, page: served, pageSize: query.pageSize, pageCount };
    },
    *iterate(kind, search) {
      for (const raw of all.iterate({ kind, search: search.trim() }) as IterableIterator<Raw>) yield toRecord(raw);
    },
    accountHasTokensSql: 'SELECT 1 FROM management_tokens WHERE account_id = ? LIMIT 1',
    meterHasTokensSql: 'SELECT 1 FROM management_tokens WHERE meter_id = ? LIMIT 1',
  };
}
