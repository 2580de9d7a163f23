import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../shared/errors/result';
import { masterUpdater } from '../../../../../electron/services/library/apply-master-update';
import type { MasterChange } from '../../../../../electron/services/library/master-change';

interface Values {
  code: string;
  name: string;
}

/** A district-like row on version 4, a repo that answers as told, and a recorder and clock that count their calls. */
function setUp(writes = true) {
  const updates: Array<{ id: string; expectedVersion: number; values: Values & { active: boolean }; now: string }> = [];
  const recorded: MasterChange[] = [];
  let clockReads = 0;
  const applyUpdate = masterUpdater<Values>({
    table: 'districts',
    repo: {
      update(id, expectedVersion, change, now) {
        updates.push({ id, expectedVersion, values: change, now });
        return writes;
      },
      syncRow: (id) => ({ id, version: 5 }),
    },
    fields: ['code', 'name'],
    key: 'code',
    clock: {
      now: () => {
        clockReads += 1;
        return new Date('2026-05-01T08:00:00.000Z');
      },
    },
    changes: { record: (change) => void recorded.push({ ...change, rows: [...change.rows] }) },
  });
  const edit = (values: Values, active: boolean) =>
    applyUpdate({
      current: { id: 'd-1', version: 4, active: true, code: 'D01', name: 'North' },
      input: { version: 4, active },
      values,
      conflictMessage: 'The district D01 (North) was changed by someone else since you opened it; close the dialog and open it again.',
      actor: 'raymond',
    });
  return { edit, updates, recorded, clockReads: () => clockReads };
}

describe('masterUpdater', () => {
  it('writes nothing for an edit that changes nothing: no update, no audit or outbox row, not even a clock read', () => {
    const t = setUp();
    t.edit({ code: 'D01', name: 'North' }, true);
    expect([t.updates, t.recorded, t.clockReads()]).toEqual([[], [], 0]);
  });

  it('writes the values on the version seen and records `<table>.update` on `<table>:<key>` with the differences and the new version', () => {
    const t = setUp();
    t.edit({ code: 'D07', name: 'Northern' }, false);
    expect(t.updates).toEqual([{ id: 'd-1', expectedVersion: 4, values: { code: 'D07', name: 'Northern', active: false }, now: '2026-05-01T08:00:00.000Z' }]);
    expect(t.recorded).toEqual([
      {
        actor: 'raymond',
        action: 'districts.update',
        target: 'districts:D07',
        details: { code: 'D07', version: 5, changes: { code: { from: 'D01', to: 'D07' }, name: { from: 'North', to: 'Northern' }, active: { from: true, to: false } } },
        now: '2026-05-01T08:00:00.000Z',
        rows: [{ table: 'districts', id: 'd-1', version: 5, row: { id: 'd-1', version: 5 } }],
      },
    ]);
    // The audit row's details keep their order (key, version, changes): they are stored as JSON text.
    expect(JSON.stringify(t.recorded[0]?.details)).toMatch(/^\{"code":"D07","version":5,"changes":\{"code":/);
  });

  it('refuses with CONFLICT and the caller\'s sentence when the row moved on between the read and the write', () => {
    const t = setUp(false);
    let failure: unknown = null;
    try {
      t.edit({ code: 'D02', name: 'North' }, true);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect([(failure as AppFailure).code, (failure as AppFailure).message]).toEqual([
      'CONFLICT',
      'The district D01 (North) was changed by someone else since you opened it; close the dialog and open it again.',
    ]);
    expect(t.recorded).toEqual([]);
  });
});
