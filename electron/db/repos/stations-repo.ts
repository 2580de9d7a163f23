import type Database from 'better-sqlite3';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { StationSortColumn } from '../../../shared/ipc/parties-schemas';
import type { StationValues } from '../../../shared/library/party-rules';
import { containsPattern, createPagedQuery, type KeywordCondition } from './paged-query';
import { createReferenceChecks } from './reference-checks';

/**
 * The Sales Station Library's table (F1 made it, with this terminal's station; L2 lists and edits it). A station that
 * accounts belong to is deactivated rather than deleted; V1 registers "sales were made at it"
 * (`registerReferenceCheck`).
 */
export interface StationRecord extends StationValues {
  id: string;
  stationId: string;
  createdAt: string;
  version: number;
  updatedAt: string;
  active: boolean;
  districtCode: string;
  districtName: string;
}

export interface NewStation extends StationValues {
  id: string;
  /** Where the row was born (this terminal's station), not the station itself. */
  stationId: string;
  createdAt: string;
}

export interface StationsRepo {
  list(request: ListRequest<StationSortColumn>): ListResponse<StationRecord>;
  byId(id: string): StationRecord | null;
  codeTaken(code: string, exceptId: string | null): StationRecord | null;
  insert(row: NewStation): void;
  update(id: string, expectedVersion: number, values: StationValues & { active: boolean }, now: string): boolean;
  delete(id: string): void;
  syncRow(id: string): Record<string, unknown> | null;
  usage(id: string): string[];
  registerReferenceCheck(reason: string, sql: string): void;
}

type Raw = Record<string, unknown>;

const COLUMNS = `s.id, s.station_id AS stationId, s.created_at AS createdAt, s.version, s.updated_at AS updatedAt, s.active,
  s.code, s.name, s.district_id AS districtId, d.code AS districtCode, d.name AS districtName, s.address, s.phone`;

function toRecord(raw: Raw): StationRecord {
  return {
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
    active: raw.active === 1,
    code: raw.code as string,
    name: raw.name as string,
    districtId: raw.districtId as string,
    districtCode: (raw.districtCode as string | null) ?? '',
    districtName: (raw.districtName as string | null) ?? '',
    address: raw.address as string,
    phone: raw.phone as string,
  };
}

export function createStationsRepo(sqlite: Database.Database): StationsRepo {
  const references = createReferenceChecks(sqlite, [{ reason: 'accounts belong to it', sql: 'SELECT 1 FROM accounts WHERE sales_station_id = ? LIMIT 1' }]);
  const keyword = (text: string): KeywordCondition => {
    const pattern = containsPattern(text);
    const columns = ['s.code', 's.name', 's.address', 's.phone'];
    return {
      selective: {
        sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')} OR s.district_id IN (SELECT id FROM districts WHERE code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'))`,
        params: [...columns.map(() => pattern), pattern, pattern],
      },
    };
  };
  const list = createPagedQuery<StationRecord, StationSortColumn>(sqlite, {
    table: 'stations s',
    joins: 'LEFT JOIN districts d ON d.id = s.district_id',
    select: COLUMNS,
    sortColumns: { code: 's.code COLLATE NOCASE', name: 's.name COLLATE NOCASE' },
    defaultSort: { column: 'code', direction: 'asc' },
    tieBreaker: 's.id',
    keyword,
    mapRow: toRecord,
    activeColumn: 's.active',
  });
  const from = 'stations s LEFT JOIN districts d ON d.id = s.district_id';
  const selectById = sqlite.prepare(`SELECT ${COLUMNS} FROM ${from} WHERE s.id = ?`);
  const codeTaken = sqlite.prepare(`SELECT ${COLUMNS} FROM ${from} WHERE s.code = ? COLLATE NOCASE AND s.id <> coalesce(?, '') LIMIT 1`);
  const insert = sqlite.prepare(
    `INSERT INTO stations (id, station_id, created_at, version, updated_at, active, code, name, district_id, address, phone)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, 1, @code, @name, @districtId, @address, @phone)`,
  );
  const update = sqlite.prepare(
    `UPDATE stations SET version = version + 1, updated_at = @now, active = @active, code = @code, name = @name,
       district_id = @districtId, address = @address, phone = @phone
     WHERE id = @id AND version = @expectedVersion`,
  );
  const remove = sqlite.prepare('DELETE FROM stations WHERE id = ?');
  const raw = sqlite.prepare('SELECT * FROM stations WHERE id = ?');
  const values = (v: StationValues) => ({ code: v.code, name: v.name, districtId: v.districtId, address: v.address, phone: v.phone });

  return {
    list,
    byId: (id) => {
      const row = selectById.get(id) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
    codeTaken: (code, exceptId) => {
      const row = codeTaken.get(code, exceptId) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
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
    usage: (id) => references.reasons(id),
    registerReferenceCheck: (reason, sql) => references.register(reason, sql),
  };
}
