import { AppFailure } from '../../../shared/errors/result';
import type { Clock } from '../../../shared/ports/clock';
import type { MasterChangeRecorder, MasterTable } from './master-change';
import { differencesOf } from './party-changes';

/** What the tail of an edit needs from a library's repo (each of the five repos has exactly these two). */
export interface VersionedRepo<V> {
  /** Writes the values on the version seen; false when the row moved on meanwhile. */
  update(id: string, expectedVersion: number, values: V & { active: boolean }, now: string): boolean;
  syncRow(id: string): Record<string, unknown> | null;
}

/** What stays the same for every edit of one library: bound once when the service is made. */
export interface MasterUpdateSetup<V extends object> {
  table: MasterTable;
  repo: VersionedRepo<V>;
  /** The fields compared for the audit row's `changes` (active is always compared). */
  fields: ReadonlyArray<keyof V & string>;
  /** The field the operator knows the row by (code, customerNo, ...): the audit target is `<table>:<value>`. */
  key: keyof V & string;
  clock: Clock;
  changes: MasterChangeRecorder;
}

/** One edit, after the caller's version check and its own rules, inside its write transaction. */
export interface MasterEdit<V extends object> {
  /** The row as read in this transaction. */
  current: V & { id: string; version: number; active: boolean };
  /** The version the edit was made on and the active box. */
  input: { version: number; active: boolean };
  /** The checked values of the form. */
  values: V;
  /** The CONFLICT sentence when the row moved on between the read and the write. */
  conflictMessage: string;
  actor: string;
}

/**
 * The tail every library edit shares. An edit that changes nothing writes nothing (the version stays, so a sale quoted
 * on it stays current, and no audit or outbox row is made); otherwise the row is written on the version the operator
 * saw, and the audit row (`<table>.update`) lists what changed, from what to what.
 */
export function masterUpdater<V extends object>(setup: MasterUpdateSetup<V>): (edit: MasterEdit<V>) => void {
  return ({ current, input, values, conflictMessage, actor }) => {
    const differences: Record<string, unknown> = differencesOf<V>(current, values, setup.fields);
    if (current.active !== input.active) differences.active = { from: current.active, to: input.active };
    if (Object.keys(differences).length === 0) return;
    const now = setup.clock.now().toISOString();
    if (!setup.repo.update(current.id, input.version, { ...values, active: input.active }, now)) throw new AppFailure('CONFLICT', conflictMessage);
    const version = current.version + 1;
    const key = values[setup.key];
    setup.changes.record({
      actor,
      action: `${setup.table}.update`,
      target: `${setup.table}:${String(key)}`,
      details: { [setup.key]: key, version, changes: differences },
      now,
      rows: [{ table: setup.table, id: current.id, version, row: setup.repo.syncRow(current.id) }],
    });
  };
}
