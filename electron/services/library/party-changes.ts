import { AppFailure } from '../../../shared/errors/result';
import type { RemoveResult } from '../../../shared/ipc/library-schemas';
import type { MasterChangeRecorder, MasterTable } from './master-change';

/**
 * The steps every L2 library shares: a version check that refuses an edit made on an older version, the list of
 * differences an audit row carries, and "remove" that deletes a row nothing points at and deactivates one that
 * something does (and says which). Called inside the caller's write transaction.
 */
export function requireVersion(current: { version: number }, expected: number, message: string): void {
  if (current.version !== expected) throw new AppFailure('CONFLICT', message);
}

export function differencesOf<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T & string>): Record<string, { from: unknown; to: unknown }> {
  const differences: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    if (before[field] !== after[field]) differences[field] = { from: before[field], to: after[field] };
  }
  return differences;
}

export interface RemoveStep {
  table: MasterTable;
  /** e.g. 'customers': the audit actions are `<prefix>.remove` and `<prefix>.deactivate`. */
  actionPrefix: string;
  /** The row as a sentence's subject: 'The customer 0001 (Lili)'. */
  subject: string;
  target: string;
  details: Record<string, unknown>;
  current: { id: string; version: number; active: boolean };
  reasons: readonly string[];
  actor: string;
  now: string;
  changes: MasterChangeRecorder;
  /** Sets active = false on the version seen; false when the row moved on meanwhile. */
  deactivate: () => boolean;
  delete: () => void;
  syncRow: () => Record<string, unknown> | null;
  conflictMessage: string;
}

export function removeOrDeactivate(step: RemoveStep): RemoveResult {
  const { current } = step;
  if (step.reasons.length > 0) {
    const why = step.reasons.join(' and ');
    if (!current.active) return { outcome: 'deactivated', message: `${step.subject} is already inactive; it stays in the library because ${why}.` };
    if (!step.deactivate()) throw new AppFailure('CONFLICT', step.conflictMessage);
    step.changes.record({
      actor: step.actor,
      action: `${step.actionPrefix}.deactivate`,
      target: step.target,
      details: { ...step.details, version: current.version + 1, reasons: step.reasons },
      now: step.now,
      rows: [{ table: step.table, id: current.id, version: current.version + 1, row: step.syncRow() }],
    });
    return { outcome: 'deactivated', message: `${step.subject} cannot be removed because ${why}; it was deactivated instead.` };
  }
  step.delete();
  step.changes.record({
    actor: step.actor,
    action: `${step.actionPrefix}.remove`,
    target: step.target,
    details: { ...step.details, version: current.version + 1 },
    now: step.now,
    rows: [{ table: step.table, id: current.id, version: current.version + 1, row: null }],
  });
  return { outcome: 'deleted', message: `${step.subject} was removed from the library.` };
}
