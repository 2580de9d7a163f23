import type Database from 'better-sqlite3';
import { METER_KIND_LABEL, METER_KINDS, type MeterKind } from '../../../shared/format/units';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type { MeterSortColumn } from '../../../shared/ipc/library-schemas';
import type { BaseYear, EncryptionAlgorithm, KeyDerivation, KeyParams, KeyType } from '../../../shared/library/key-params';
import type { TokenScheme } from '../../../shared/money/carriable';
import { containsPattern, createPagedQuery, type KeywordCondition, type SqlPart } from './paged-query';

/**
 * The Meter Library's table. Keyword search: meter numbers through the trigram index `meters_search` (an FTS5 table
 * kept by triggers, keyed by `search_seq`; migration l1_meter_search), meter types by their label ("Water Meter") and
 * model profiles by their name, each through its own index.
 *
 * Two extension points, for the issues that add rows pointing at meters:
 * - token checks: "has this meter had a token?" The last-TID table answers it now; V1 adds its sales and management
 *   token records (`registerTokenCheck`). A meter that has had tokens keeps its key edits pending, and is never deleted.
 * - reference checks: other rows that point at a meter (L2's accounts) keep it from being deleted (`registerReferenceCheck`).
 */
export interface KitRecord {
  startingCode: string | null;
  count: number;
  secretSet: boolean;
}

export interface MeterRecord {
  id: string;
  stationId: string;
  createdAt: string;
  version: number;
  updatedAt: string;
  active: boolean;
  meterNo: string;
  meterType: MeterKind;
  profileId: string;
  profileName: string;
  scheme: TokenScheme;
  keys: KeyParams | null;
  pendingKeys: KeyParams | null;
  kit: KitRecord | null;
}

export interface NewMeter {
  id: string;
  stationId: string;
  createdAt: string;
  meterNo: string;
  meterType: MeterKind;
  profileId: string;
  keys: KeyParams | null;
  kit: KitRecord | null;
}

export interface MeterChange {
  meterType: MeterKind;
  profileId: string;
  keys: KeyParams | null;
  pendingKeys: KeyParams | null;
  kit: KitRecord | null;
  active: boolean;
}

export interface MetersRepo {
  list(request: ListRequest<MeterSortColumn>): ListResponse<MeterRecord>;
  byId(id: string): MeterRecord | null;
  byMeterNo(meterNo: string): MeterRecord | null;
  /** Which of these numbers are already in the library. */
  existingNumbers(numbers: readonly string[]): string[];
  insert(rows: readonly NewMeter[]): void;
  /** Applies a change on the version it was made on; false when the row moved on (or is gone). */
  update(id: string, expectedVersion: number, change: MeterChange, now: string): boolean;
  delete(id: string): void;
  /** The row as stored (table columns), for the outbox; the local search key is left out. */
  syncRow(id: string): Record<string, unknown> | null;
  hasIssuedTokens(id: string): boolean;
  /** Why the meter may not be deleted (empty when it may). */
  usage(id: string): string[];
  registerTokenCheck(sql: string): void;
  registerReferenceCheck(reason: string, sql: string): void;
  lastTids(id: string): Array<{ baseYear: number; tid: number }>;
  /** L3's export: up to `limit` meters after `afterMeterNo` in meter number order (keyset paging, any size of library). */
  pageAfter(afterMeterNo: string | null, limit: number): MeterRecord[];
  /** The vend's write (V1): the last TID issued to the meter for a base date. */
  setLastTid(id: string, baseYear: number, tid: number, now: string): void;
}

type Raw = Record<string, unknown>;

const LIST_COLUMNS = `m.id, m.station_id AS stationId, m.created_at AS createdAt, m.version, m.updated_at AS updatedAt, m.active,
  m.meter_no AS meterNo, m.meter_type AS meterType, m.profile_id AS profileId,
  m.sgc, m.ti, m.krn, m.key_type AS keyType, m.algorithm, m.base_year AS baseYear, m.dkga,
  m.pending_sgc AS pendingSgc, m.pending_ti AS pendingTi, m.pending_krn AS pendingKrn,
  m.pending_key_type AS pendingKeyType, m.pending_algorithm AS pendingAlgorithm,
  m.pending_base_year AS pendingBaseYear, m.pending_dkga AS pendingDkga,
  m.kit_starting_code AS kitStartingCode, m.kit_count AS kitCount, m.kit_secret_set AS kitSecretSet`;
const COLUMNS = `m.id, m.station_id AS stationId, m.created_at AS createdAt, m.version, m.updated_at AS updatedAt, m.active,
  m.meter_no AS meterNo, m.meter_type AS meterType, m.profile_id AS profileId, p.name AS profileName, p.scheme,
  m.sgc, m.ti, m.krn, m.key_type AS keyType, m.algorithm, m.base_year AS baseYear, m.dkga,
  m.pending_sgc AS pendingSgc, m.pending_ti AS pendingTi, m.pending_krn AS pendingKrn,
  m.pending_key_type AS pendingKeyType, m.pending_algorithm AS pendingAlgorithm,
  m.pending_base_year AS pendingBaseYear, m.pending_dkga AS pendingDkga,
  m.kit_starting_code AS kitStartingCode, m.kit_count AS kitCount, m.kit_secret_set AS kitSecretSet`;
const FROM = 'meters m JOIN meter_profiles p ON p.id = m.profile_id';

function keysFrom(raw: Raw, prefix: '' | 'pending'): KeyParams | null {
  const key = (name: string) => raw[prefix === '' ? name : `pending${name.charAt(0).toUpperCase()}${name.slice(1)}`];
  const sgc = key('sgc');
  if (sgc === null || sgc === undefined) return null;
  return {
    sgc: String(sgc),
    ti: key('ti') as number,
    krn: key('krn') as number,
    keyType: key('keyType') as KeyType,
    algorithm: key('algorithm') as EncryptionAlgorithm,
    baseYear: key('baseYear') as BaseYear,
    dkga: key('dkga') as KeyDerivation,
  };
}

function toRecord(raw: Raw): MeterRecord {
  const scheme = raw.scheme as TokenScheme;
  return {
    id: raw.id as string,
    stationId: raw.stationId as string,
    createdAt: raw.createdAt as string,
    version: raw.version as number,
    updatedAt: raw.updatedAt as string,
    active: raw.active === 1,
    meterNo: raw.meterNo as string,
    meterType: raw.meterType as MeterKind,
    profileId: raw.profileId as string,
    profileName: raw.profileName as string,
    scheme,
    keys: keysFrom(raw, ''),
    pendingKeys: keysFrom(raw, 'pending'),
    kit:
      scheme === 'OpenPAYGO'
        ? { startingCode: (raw.kitStartingCode as string | null) ?? null, count: (raw.kitCount as number | null) ?? 0, secretSet: raw.kitSecretSet === 1 }
        : null,
  };
}

function keyColumns(keys: KeyParams | null) {
  return {
    sgc: keys?.sgc ?? null,
    ti: keys?.ti ?? null,
    krn: keys?.krn ?? null,
    keyType: keys?.keyType ?? null,
    algorithm: keys?.algorithm ?? null,
    baseYear: keys?.baseYear ?? null,
    dkga: keys?.dkga ?? null,
  };
}

function pendingColumns(keys: KeyParams | null) {
  const k = keyColumns(keys);
  return {
    pendingSgc: k.sgc,
    pendingTi: k.ti,
    pendingKrn: k.krn,
    pendingKeyType: k.keyType,
    pendingAlgorithm: k.algorithm,
    pendingBaseYear: k.baseYear,
    pendingDkga: k.dkga,
  };
}

function kitColumns(kit: KitRecord | null) {
  return { kitStartingCode: kit?.startingCode ?? null, kitCount: kit ? kit.count : null, kitSecretSet: kit?.secretSet ? 1 : 0 };
}

/** The model profiles (a handful of rows): their names for the Profile column and its keyword search. */
export type ProfileNames = () => ReadonlyArray<{ id: string; name: string; scheme: TokenScheme }>;

export function createMetersRepo(sqlite: Database.Database, deps: { profileNames: ProfileNames }): MetersRepo {
  const tokenChecks: Database.Statement[] = [sqlite.prepare('SELECT 1 FROM meter_tids WHERE meter_id = ? LIMIT 1')];
  const referenceChecks: Array<{ reason: string; statement: Database.Statement }> = [];

  const keyword = (text: string): KeywordCondition => {
    const lower = text.toLowerCase();
    const selective: string[] = [];
    const dense: string[] = [];
    const selectiveParams: unknown[] = [];
    const denseParams: unknown[] = [];
    // Meter numbers are digits (STS) or letters, digits and dashes (kit serials): spaces typed between groups go.
    const number = /^[0-9A-Za-z\s-]+$/.test(text) ? text.replace(/\s+/g, '') : null;
    if (number !== null && number !== '') {
      const pattern = containsPattern(number);
      dense.push("m.meter_no LIKE ? ESCAPE '\\'");
      denseParams.push(pattern);
      if (number.length >= 3) {
        selective.push('m.search_seq IN (SELECT rowid FROM meters_search WHERE meters_search.meter_no LIKE ?)');
        selectiveParams.push(`%${number}%`);
      } else {
        selective.push("m.meter_no LIKE ? ESCAPE '\\'");
        selectiveParams.push(pattern);
      }
    }
    const types = METER_KINDS.filter((kind) => METER_KIND_LABEL[kind].toLowerCase().includes(lower));
    const profiles = deps.profileNames().filter((p) => p.name.toLowerCase().includes(lower)).map((p) => p.id);
    for (const [column, values] of [['m.meter_type', types], ['m.profile_id', profiles]] as const) {
      if (values.length === 0) continue;
      const sql = `${column} IN (${values.map(() => '?').join(', ')})`;
      selective.push(sql);
      dense.push(sql);
      selectiveParams.push(...values);
      denseParams.push(...values);
    }
    if (selective.length === 0) return { selective: { sql: '0', params: [] } };
    const part = (parts: string[], params: unknown[]): SqlPart => ({ sql: `(${parts.join(' OR ')})`, params });
    return { selective: part(selective, selectiveParams), dense: part(dense, denseParams) };
  };

  // The list reads meters alone (a join per row costs more than the search itself over a million rows); the profile's
  // name and scheme come from the profiles already in memory.
  const withProfile = (raw: Raw): MeterRecord => {
    const profile = deps.profileNames().find((p) => p.id === raw.profileId);
    return toRecord({ ...raw, profileName: profile?.name ?? String(raw.profileId), scheme: profile?.scheme ?? 'STS' });
  };
  const list = createPagedQuery<MeterRecord, MeterSortColumn>(sqlite, {
    table: 'meters m',
    select: LIST_COLUMNS,
    sortColumns: { meterNo: 'm.meter_no', meterType: 'm.meter_type' },
    sortIndexes: { meterNo: 'meters_meter_no_unique', meterType: 'meters_type_no_idx' },
    defaultSort: { column: 'meterNo', direction: 'asc' },
    tieBreaker: 'm.meter_no',
    keyword,
    mapRow: withProfile,
  });

  const selectById = sqlite.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE m.id = ?`);
  const selectAfter = sqlite.prepare(`SELECT ${LIST_COLUMNS} FROM meters m WHERE m.meter_no > ? ORDER BY m.meter_no LIMIT ?`);
  const selectByNo = sqlite.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE m.meter_no = ?`);
  const nextSeq = sqlite.prepare('SELECT coalesce(max(search_seq), 0) + 1 AS next FROM meters');
  const insert = sqlite.prepare(
    `INSERT INTO meters (id, station_id, created_at, version, updated_at, active, meter_no, meter_type, profile_id,
       sgc, ti, krn, key_type, algorithm, base_year, dkga, kit_starting_code, kit_count, kit_secret_set, search_seq)
     VALUES (@id, @stationId, @createdAt, 1, @createdAt, 1, @meterNo, @meterType, @profileId,
       @sgc, @ti, @krn, @keyType, @algorithm, @baseYear, @dkga, @kitStartingCode, @kitCount, @kitSecretSet, @searchSeq)`,
  );
  const update = sqlite.prepare(
    `UPDATE meters SET version = version + 1, updated_at = @now, active = @active, meter_type = @meterType,
       profile_id = @profileId, sgc = @sgc, ti = @ti, krn = @krn, key_type = @keyType, algorithm = @algorithm,
       base_year = @baseYear, dkga = @dkga, pending_sgc = @pendingSgc, pending_ti = @pendingTi,
       pending_krn = @pendingKrn, pending_key_type = @pendingKeyType, pending_algorithm = @pendingAlgorithm,
       pending_base_year = @pendingBaseYear, pending_dkga = @pendingDkga, kit_starting_code = @kitStartingCode,
       kit_count = @kitCount, kit_secret_set = @kitSecretSet
     WHERE id = @id AND version = @expectedVersion`,
  );
  const remove = sqlite.prepare('DELETE FROM meters WHERE id = ?');
  const raw = sqlite.prepare('SELECT * FROM meters WHERE id = ?');
  const selectTids = sqlite.prepare('SELECT base_year AS baseYear, last_tid AS tid FROM meter_tids WHERE meter_id = ? ORDER BY base_year');
  const upsertTid = sqlite.prepare(
    `INSERT INTO meter_tids (meter_id, base_year, last_tid, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(meter_id, base_year) DO UPDATE SET last_tid = excluded.last_tid, updated_at = excluded.updated_at`,
  );
  const existingChunks = new Map<number, Database.Statement>();

  const hasIssuedTokens = (id: string) => tokenChecks.some((check) => check.get(id) !== undefined);

  return {
    list,
    byId: (id) => {
      const row = selectById.get(id) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
    byMeterNo: (meterNo) => {
      const row = selectByNo.get(meterNo) as Raw | undefined;
      return row ? toRecord(row) : null;
    },
    existingNumbers(numbers) {
      const found: string[] = [];
      for (let i = 0; i < numbers.length; i += 500) {
        const chunk = numbers.slice(i, i + 500);
        let statement = existingChunks.get(chunk.length);
        if (!statement) {
          statement = sqlite.prepare(`SELECT meter_no AS meterNo FROM meters WHERE meter_no IN (${chunk.map(() => '?').join(', ')})`).pluck();
          existingChunks.set(chunk.length, statement);
        }
        found.push(...(statement.all(...chunk) as string[]));
      }
      return found.sort();
    },
    insert(rows) {
      let seq = (nextSeq.get() as { next: number }).next;
      for (const row of rows) {
        insert.run({
          id: row.id,
          stationId: row.stationId,
          createdAt: row.createdAt,
          meterNo: row.meterNo,
          meterType: row.meterType,
          profileId: row.profileId,
          ...keyColumns(row.keys),
          ...kitColumns(row.kit),
          searchSeq: seq,
        });
        seq += 1;
      }
    },
    update(id, expectedVersion, change, now) {
      const result = update.run({
        id,
        expectedVersion,
        now,
        active: change.active ? 1 : 0,
        meterType: change.meterType,
        profileId: change.profileId,
        ...keyColumns(change.keys),
        ...pendingColumns(change.pendingKeys),
        ...kitColumns(change.kit),
      });
      return result.changes === 1;
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
    hasIssuedTokens,
    usage(id) {
      const reasons = hasIssuedTokens(id) ? ['it has had tokens'] : [];
      for (const check of referenceChecks) if (check.statement.get(id) !== undefined) reasons.push(check.reason);
      return reasons;
    },
    registerTokenCheck(sql) {
      tokenChecks.push(sqlite.prepare(sql));
    },
    registerReferenceCheck(reason, sql) {
      referenceChecks.push({ reason, statement: sqlite.prepare(sql) });
    },
    lastTids: (id) => selectTids.all(id) as Array<{ baseYear: number; tid: number }>,
    pageAfter: (afterMeterNo, limit) => (selectAfter.all(afterMeterNo ?? '', limit) as Raw[]).map(withProfile),
    setLastTid(id, baseYear, tid, now) {
      upsertTid.run(id, baseYear, tid, now);
    },
  };
}
