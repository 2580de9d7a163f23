import type Database from 'better-sqlite3';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { DistrictSortColumn } from '../../../shared/ipc/parties-schemas';
import type { DistrictValues } from '../../../shared/library/party-rules';
import { createPagedQuery, likeAnyColumn } from './paged-query';
import { createReferenceChecks } from './reference-checks';

/**
 * The District Library's table (F1 made it; L2 lists and edits it). A district that stations are in or customers live
 * in is deactivated rather than deleted (`usage`); later issues add their own reasons (`registerReferenceCheck`).
 */
export interface DistrictRecord extends DistrictValues {
  id: string;
  stationId: string;
  createdAt: string;
  version: number;
  updatedAt: string;
  active: boolean;
}

export interface NewDistrict extends DistrictValues {
  id: string;
  stationId: string;
  createdAt: string;
}

export interface DistrictsRepo {
  list(request: ListRequest<DistrictSortColumn>): ListResponse<DistrictRecord>;
  byId(id: string): DistrictRecord | null;
  /** Another district with this code, compared without regard to letter case. */
  codeTaken(code: string, exceptId: string | null): DistrictRecord | null;
  insert(row: NewDistrict): void;
  update(id: string, expectedVersion: number, values: DistrictValues & { active: boolean }, now: string): boolean;
  delete(id: string): void;
  syncRow(id: string): Record<string, unknown> | null;
  usage(id: string): string[];
  registerReferenceCheck(reason: string, sql: string): void;
}

type Raw = Record<string, unknown>;

const COLUMNS = `d.id, d.station_id AS stationId, d.created_at AS createdAt, d.version, d.updated_at AS updatedAt, d.active,
  d.code, d.name, d.description`;

function toRecord(raw: Raw): DistrictRecord {
  return {
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
    active: raw.active === 1,
    code: raw.code as string,
    name: raw.name as string,
    description: raw.description as string,
  };
}

export function createDistrictsRepo(sqlite: Database.Database): DistrictsRepo {
  const references = createReferenceChecks(sqlite, [
    { reason: 'sales stations are in it', sql: 'SELECT 1 FROM stations WHERE district_id = ? LIMIT 1' },
    { reason: 'customers live in it', sql: 'SELECT 1 FROM customers WHERE district_id = ? LIMIT 1' },
  ]);
  const list = createPagedQuery<DistrictRecord, DistrictSortColumn>(sqlite, {
    table: 'districts d',
    select: COLUMNS,
    sortColumns: { code: 'd.code COLLATE NOCASE', name: 'd.name COLLATE NOCASE' },
    defaultSort: { column: 'code', direction: 'asc' },
    tieBreaker: 'd.id',
    keyword: (text) => likeAnyColumn(['d.code', 'd.name', 'd.description'], text),
    mapRow: toRecord,
    activeColumn: 'd.active',
  });
  const selectById = sqlite.prepare(`SELECT ${COLUMNS} FROM districts d WHERE d.id = ?`);
  const codeTaken = sqlite.prepare(`SELECT ${COLUMNS} FROM districts d WHERE d.code = ? COLLATE NOCASE AND d.id <> coalesce(?, '') LIMIT 1`);
  const insert = sqlite.prepare(
    `INSERT INTO districts (id, station_id, created_at, version, updated_at, active, code, name, description)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, 1, @code, @name, @description)`,
  );
  const update = sqlite.prepare(
    `UPDATE districts SET version = version + 1, updated_at = @now, active = @active, code = @code, name = @name,
       description = @description
     WHERE id = @id AND version = @expectedVersion`,
  );
  const remove = sqlite.prepare('DELETE FROM districts WHERE id = ?');
  const raw = sqlite.prepare('SELECT * FROM districts WHERE id = ?');

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
      insert.run({ id: row.id, stationId: row.stationId, createdAt: row.createdAt, code: row.code, name: row.name, description: row.description });
    },
    update(id, expectedVersion, values, now) {
      return (
        update.run({ id, expectedVersion, now, active: values.active ? 1 : 0, code: values.code, name: values.name, description: values.description })
          .changes === 1
      );
    },
    delete(id) {
      remove.run(id);
    },
    syncRow: (id) => (raw.get(id) as Raw | undefined) ?? null,
    usage: (id) => references.reasons(id),
    registerReferenceCheck: (reason, sql) => references.register(reason, sql),
  };
}
