import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { AuditLog } from '../audit-log';

/**
 * Every change to master data writes, inside the caller's write transaction, one audit row and one outbox row per
 * changed row: `master.upsert` with the row as stored, or `master.delete` with its id, each carrying the row's new
 * version (idempotency key `<table>:<id>:<version>`), so the central side applies each version once.
 */
export type MasterTable = 'meters' | 'prices' | 'districts' | 'stations' | 'customers' | 'accounts';

export interface ChangedRow {
  table: MasterTable;
  id: string;
  /** The row's version after the change (for a deletion: the version the deletion makes, one above the last). */
  version: number;
  /** The row as stored; null for a deletion. */
  row: Record<string, unknown> | null;
}

export interface MasterChange {
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  now: string;
  /** Iterated once, inside the transaction: a bulk change passes a generator so its rows are never all held at once. */
  rows: Iterable<ChangedRow>;
}

export interface MasterChangeRecorder {
  record(change: MasterChange): void;
}

export function createMasterChangeRecorder(deps: { audit: AuditLog; outbox: OutboxRepo; ids: IdGenerator }): MasterChangeRecorder {
  return {
    record(change) {
      deps.audit.append({ actor: change.actor, action: change.action, target: change.target, details: change.details });
      const txId = deps.ids.newId();
      for (const changed of change.rows) {
        deps.outbox.append(
          {
            txId,
            kind: changed.row === null ? 'master.delete' : 'master.upsert',
            payload: { table: changed.table, row: changed.row ?? { id: changed.id, version: changed.version } },
            idempotencyKey: `${changed.table}:${changed.id}:${changed.version}`,
          },
          change.now,
        );
      }
    },
  };
}
