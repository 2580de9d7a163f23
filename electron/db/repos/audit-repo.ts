import type Database from 'better-sqlite3';
import type { AuditRowView, AuditSortColumn } from '../../../shared/ipc/access-schemas';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import { containsPattern, createPagedQuery, type KeywordCondition, type SqlPart } from './paged-query';

/**
 * Reading the audit log for its screen and its export (S1). Writing stays with `audit.append()` (the hash chain);
 * nothing here changes a row. The keyword matches actor, action, target, result or the details text.
 */
export interface AuditRepo {
  list(request: ListRequest<AuditSortColumn>): ListResponse<AuditRowView>;
  /** Every row matching the keyword, oldest first, one at a time (an export never holds the whole log in memory). */
  iterate(search: string): IterableIterator<AuditRowView>;
}

const COLUMNS = `a.seq, a.at, a.station_id AS stationId, a.actor, a.action, a.target, a.result, a.details_json AS details`;

function keywordCondition(text: string): SqlPart {
  const pattern = containsPattern(text);
  const columns = ['a.actor', 'a.action', 'a.target', 'a.result', 'a.details_json'];
  return { sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, params: columns.map(() => pattern) };
}

export function createAuditRepo(sqlite: Database.Database): AuditRepo {
  const list = createPagedQuery<AuditRowView, AuditSortColumn>(sqlite, {
    table: 'audit_log a',
    select: COLUMNS,
    sortColumns: { seq: 'a.seq', actor: 'a.actor', action: 'a.action', target: 'a.target', result: 'a.result' },
    defaultSort: { column: 'seq', direction: 'desc' },
    tieBreaker: 'a.seq',
    keyword: (text): KeywordCondition => ({ selective: keywordCondition(text) }),
    mapRow: (raw) => raw as unknown as AuditRowView,
  });
  const all = sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log a ORDER BY a.seq`);
  return {
    list,
    iterate(search) {
      const keyword = search.trim();
      if (keyword === '') return all.iterate() as IterableIterator<AuditRowView>;
      const condition = keywordCondition(keyword);
      return sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log a WHERE ${condition.sql} ORDER BY a.seq`).iterate(...condition.params) as IterableIterator<AuditRowView>;
    },
  };
}
