import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Clock } from '../../shared/ports/clock';
import type { IdGenerator } from '../../shared/ports/id-generator';
import { canonicalJson } from './canonical-json';

/**
 * The append-only, hash-chained audit log (reliability.md R16). `append` must run inside the caller's write
 * transaction, so the audit row commits or rolls back with the change it records. Each row's hash covers every
 * column in a canonical encoding plus the previous row's hash; the head (last seq and hash, and the count) is
 * anchored in app_state in the same transaction, so a truncated tail is detectable too.
 */
export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_HEAD_KEY = 'audit.head';

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string;
  result?: 'ok' | 'denied' | 'failed';
  details?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  stationId: string;
  actor: string;
  action: string;
  target: string;
  result: string;
  detailsJson: string;
  prevHash: string;
  hash: string;
}

export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const material = canonicalJson([
    row.seq,
    row.id,
    row.at,
    row.stationId,
    row.actor,
    row.action,
    row.target,
    row.result,
    row.detailsJson,
    row.prevHash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

export interface AuditLog {
  append(entry: AuditEntry): AuditRow;
}

export interface AuditHead {
  seq: number;
  hash: string;
  count: number;
}

export function createAuditLog(
  sqlite: Database.Database,
  deps: { clock: Clock; ids: IdGenerator; stationId: () => string },
): AuditLog {
  const lastRow = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = sqlite.prepare(
    `INSERT INTO audit_log (seq, id, at, station_id, actor, action, target, result, details_json, prev_hash, hash)
     VALUES (@seq, @id, @at, @stationId, @actor, @action, @target, @result, @detailsJson, @prevHash, @hash)`,
  );
  const countRows = sqlite.prepare('SELECT count(*) AS n FROM audit_log');
  const anchor = sqlite.prepare(
    `INSERT INTO app_state (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  return {
    append(entry) {
      if (!sqlite.inTransaction) {
        throw new Error('audit.append() must run inside the write transaction of the change it records');
      }
      const last = lastRow.get() as { seq: number; hash: string } | undefined;
      const base: Omit<AuditRow, 'hash'> = {
        seq: (last?.seq ?? 0) + 1,
        id: deps.ids.newId(),
        at: deps.clock.now().toISOString(),
        stationId: deps.stationId(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? '',
        result: entry.result ?? 'ok',
        detailsJson: canonicalJson(entry.details ?? {}),
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const row: AuditRow = { ...base, hash: auditRowHash(base) };
      insert.run(row);
      const { n } = countRows.get() as { n: number };
      const head: AuditHead = { seq: row.seq, hash: row.hash, count: n };
      anchor.run(AUDIT_HEAD_KEY, JSON.stringify(head), base.at);
      return row;
    },
  };
}

export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtSeq: number; reason: string };

/**
 * Walks the chain from the first row. Names the first row at fault: an edited row (its hash no longer matches),
 * a deleted row (a gap in seq or a prev_hash that points elsewhere), an inserted row (same), a truncated tail (the
 * anchored head is missing or differs).
 */
export function verifyAuditChain(sqlite: Database.Database): AuditVerdict {
  const rows = sqlite
    .prepare(
      `SELECT seq, id, at, station_id AS stationId, actor, action, target, result, details_json AS detailsJson,
              prev_hash AS prevHash, hash FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<AuditRow>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let last: AuditRow | null = null;
  for (const row of rows) {
    count += 1;
    if (row.seq !== expectedSeq) {
      return { ok: false, rows: count, brokenAtSeq: row.seq, reason: `row ${expectedSeq} is missing (deleted) before row ${row.seq}` };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, rows: count, brokenAtSeq: row.seq, reason: `row ${row.seq} does not follow the row before it (a row was inserted or removed)` };
    }
    const { hash, ...rest } = row;
    if (auditRowHash(rest) !== hash) {
      return { ok: false, rows: count, brokenAtSeq: row.seq, reason: `row ${row.seq} was changed after it was written` };
    }
    prevHash = hash;
    expectedSeq += 1;
    last = row;
  }
  const anchorRow = sqlite.prepare('SELECT value_json AS v FROM app_state WHERE key = ?').get(AUDIT_HEAD_KEY) as
    | { v: string }
    | undefined;
  if (anchorRow) {
    const head = JSON.parse(anchorRow.v) as AuditHead;
    if (last === null || head.seq !== last.seq || head.hash !== last.hash || head.count !== count) {
      const at = (last?.seq ?? 0) + 1;
      return { ok: false, rows: count, brokenAtSeq: at, reason: `the log ends at row ${last?.seq ?? 0} but row ${head.seq} was written (the tail was truncated)` };
    }
  } else if (count > 0) {
    return { ok: false, rows: count, brokenAtSeq: 1, reason: 'the anchored head of the log is missing' };
  }
  return { ok: true, rows: count };
}
