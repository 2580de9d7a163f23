import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { OutboxRepo } from '../../db/repos/outbox-repo';
import type { AuditLog } from '../audit-log';

/**
 * Every change to users and roles writes, inside the caller's write transaction, one audit row and one outbox row
 * (`master.upsert` with the row as it may travel, or `master.delete`), keyed `<table>:<id>:<version>`. A user's row
 * travels without its password hashes: passwords stay on the terminal where they were chosen.
 */
export type AccessTable = 'users' | 'roles';

export interface AccessChange {
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  now: string;
  row: { table: AccessTable; id: string; version: number; value: Record<string, unknown> | null } | null;
}

export interface AccessChangeRecorder {
  record(change: AccessChange): void;
}

export function createAccessChangeRecorder(deps: { audit: AuditLog; outbox: OutboxRepo; ids: IdGenerator }): AccessChangeRecorder {
  return {
    record(change) {
      deps.audit.append({ actor: change.actor, action: change.action, target: change.target, details: change.details });
      const row = change.row;
      if (!row) return;
      deps.outbox.append(
        {
          txId: deps.ids.newId(),
          kind: row.value === null ? 'master.delete' : 'master.upsert',
          payload: { table: row.table, row: row.value ?? { id: row.id, version: row.version } },
          idempotencyKey: `${row.table}:${row.id}:${row.version}`,
        },
        change.now,
      );
    },
  };
}
