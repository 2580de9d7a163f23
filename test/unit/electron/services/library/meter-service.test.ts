import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../shared/errors/result';
import type { KeyParams } from '../../../../../shared/library/key-params';
import { kitSecretName } from '../../../../../electron/services/library/meter-service';
import { openLibraryHarness, type LibraryHarness } from '../../../../support/library-harness';

const KEYS: KeyParams = { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' };
const ELECTRIC = 'm58-integrated-single-phase-electricity';

let h: LibraryHarness;
beforeEach(() => {
  h = openLibraryHarness();
});
afterEach(() => h.sqlite.close());

function failure(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected an AppFailure');
}

const outboxRows = () =>
  h.sqlite.prepare('SELECT kind, payload_json AS payload, idempotency_key AS key FROM outbox ORDER BY id').all() as Array<{ kind: string; payload: string; key: string }>;
const auditActions = () => (h.sqlite.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[]);

describe('adding a meter', () => {
  it('checks the number against its profile and writes the row, an audit row and an outbox row together', () => {
    const meter = h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'raymond');
    expect(meter).toMatchObject({ meterNo: '58000000016', meterType: 'electricity', keys: KEYS, pendingKeys: null, kit: null, version: 1, active: true, hasTokens: false, lastTids: [] });
    expect(auditActions()).toEqual(['meters.create']);
    const [row] = outboxRows();
    expect(row?.kind).toBe('master.upsert');
    expect(row?.key).toBe(`meters:${meter.id}:1`);
    const payload = JSON.parse(row?.payload ?? '{}') as { table: string; row: Record<string, unknown> };
    expect(payload.table).toBe('meters');
    expect(payload.row).toMatchObject({ id: meter.id, meter_no: '58000000016', version: 1, station_id: 'station-test', sgc: '123456' });
    expect(payload.row).not.toHaveProperty('search_seq');
  });

  it('refuses a wrong check digit, another manufacturer, a type the model is not, missing keys, and a duplicate', () => {
    expect(failure(() => h.meters.create({ meterNo: '58000000017', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r')).message).toMatch(/fails its check digit/);
    expect(failure(() => h.meters.create({ meterNo: '47500150231', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r')).message).toMatch(/manufacturer code 58/);
    expect(failure(() => h.meters.create({ meterNo: '58000000016', meterType: 'gas', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r')).message).toMatch(/^Type: .* is a Electricity Meter/);
    expect(failure(() => h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: null, kit: null }, 'r')).message).toMatch(/^Key parameters:/);
    expect(failure(() => h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: 'no-such', keys: KEYS, kit: null }, 'r')).message).toMatch(/^Meter model:/);
    h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r');
    const dup = failure(() => h.meters.create({ meterNo: '5800 0000 016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r'));
    expect([dup.code, dup.message]).toEqual(['CONFLICT', 'Meter 58000000016 is already in the library; search for it and edit it instead.']);
    expect(h.count('meters')).toBe(1);
    expect(h.count('audit_log')).toBe(1);
  });

  it('stores a solar kit secret in the key store only, in the same transaction, and never returns it', () => {
    const secret = 'bc41ec9530f6dac86b1a29ab82edc5fb';
    const kit = h.meters.create(
      { meterNo: '58009000181', meterType: 'solar-kit', profileId: 'm58-home-solar-kit', keys: null, kit: { secret, startingCode: '516959010', count: 1 } },
      'r',
    );
    expect(kit.kit).toEqual({ startingCode: '516959010', count: 1, secretSet: true });
    expect(JSON.stringify(kit)).not.toContain(secret);
    expect(h.keyStore.get(kitSecretName(kit.id))?.toString('hex')).toBe(secret);
    const everything = JSON.stringify([h.sqlite.prepare('SELECT * FROM meters').all(), outboxRows(), h.sqlite.prepare('SELECT * FROM audit_log').all()]);
    expect(everything).not.toContain(secret);
    // a locked key store refuses, and nothing of the meter stays behind
    h.keyStore.lock();
    const locked = failure(() =>
      h.meters.create({ meterNo: '58009000199', meterType: 'solar-kit', profileId: 'm58-home-solar-kit', keys: null, kit: { secret, startingCode: null, count: 0 } }, 'r'),
    );
    expect(locked.code).toBe('KEY_STORE_LOCKED');
    expect(h.count('meters', 'meter_no = ?', '58009000199')).toBe(0);
    expect(h.count('outbox')).toBe(1);
  });
});

describe('batch input', () => {
  it('5800000001-5800000010 adds the 10 meters with their check digits in one transaction', () => {
    const dry = h.meters.createRange({ first: '5800000001', last: '5800000010', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, dryRun: true, skipExisting: false }, 'r');
    expect(dry).toEqual({ count: 10, firstMeterNo: '58000000016', lastMeterNo: '58000000107', existing: [], created: 0, skipped: 0, saved: false });
    expect(h.count('meters')).toBe(0);
    const saved = h.meters.createRange({ first: '5800000001', last: '5800000010', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, dryRun: false, skipExisting: false }, 'r');
    expect(saved).toMatchObject({ count: 10, created: 10, skipped: 0, saved: true });
    expect(h.sqlite.prepare('SELECT meter_no FROM meters ORDER BY meter_no').pluck().all()).toEqual([
      '58000000016', '58000000024', '58000000032', '58000000040', '58000000057', '58000000065', '58000000073', '58000000081', '58000000099', '58000000107',
    ]);
    expect(auditActions()).toEqual(['meters.createRange']);
    expect(h.count('outbox', "kind = 'master.upsert'")).toBe(10);
  });

  it('lists the numbers that already exist, and skips them only when the operator confirms', () => {
    h.meters.create({ meterNo: '58000000032', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r');
    const input = { first: '5800000001', last: '5800000005', meterType: 'electricity' as const, profileId: ELECTRIC, keys: KEYS, dryRun: true, skipExisting: false };
    expect(h.meters.createRange(input, 'r').existing).toEqual(['58000000032']);
    const refused = failure(() => h.meters.createRange({ ...input, dryRun: false }, 'r'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^1 of these meter numbers are already in the library \(58000000032\)\. Confirm to skip them/);
    expect(h.count('meters')).toBe(1);
    expect(h.meters.createRange({ ...input, dryRun: false, skipExisting: true }, 'r')).toMatchObject({ created: 4, skipped: 1, existing: ['58000000032'] });
    expect(h.count('meters')).toBe(5);
  });

  it('refuses more than 10,000 meters, and a range the profile does not allow', () => {
    expect(failure(() => h.meters.createRange({ first: '5800000000', last: '5800010000', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, dryRun: true, skipExisting: false }, 'r')).message)
      .toMatch(/at most 10000/);
    expect(failure(() => h.meters.createRange({ first: '4700000001', last: '4700000002', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, dryRun: false, skipExisting: false }, 'r')).code)
      .toBe('VALIDATION');
  });

  it('makes 10,000 meters at once', () => {
    const result = h.meters.createRange({ first: '5810000000', last: '5810009999', meterType: 'water', profileId: 'm58-integrated-water', keys: KEYS, dryRun: false, skipExisting: false }, 'r');
    expect(result).toMatchObject({ count: 10_000, created: 10_000 });
    expect(h.count('meters')).toBe(10_000);
    expect(h.meters.list({ search: '58100099', page: 1, pageSize: 20, sort: null }).total).toBe(100);
  });
});

describe('editing key parameters: current until the first token, then pending', () => {
  it('writes current for a meter that never had a token, pending once it has', () => {
    const meter = h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r');
    const krn2 = { ...KEYS, krn: 2 };
    const edited = h.meters.update({ id: meter.id, version: 1, meterType: 'electricity', profileId: ELECTRIC, keys: krn2, kit: null, active: true }, 'r');
    expect([edited.keys?.krn, edited.pendingKeys, edited.version]).toEqual([2, null, 2]);

    h.meterRepo.setLastTid(meter.id, 2014, 6_000_000, h.clock.now().toISOString());
    const krn3 = { ...KEYS, krn: 3 };
    const pending = h.meters.update({ id: meter.id, version: 2, meterType: 'electricity', profileId: ELECTRIC, keys: krn3, kit: null, active: true }, 'r');
    expect([pending.keys?.krn, pending.pendingKeys?.krn, pending.hasTokens, pending.lastTids]).toEqual([2, 3, true, [{ baseYear: 2014, tid: 6_000_000 }]]);
    // going back to what the meter holds cancels the pending change
    const cancelled = h.meters.update({ id: meter.id, version: 3, meterType: 'electricity', profileId: ELECTRIC, keys: krn2, kit: null, active: true }, 'r');
    expect([cancelled.keys?.krn, cancelled.pendingKeys, cancelled.version]).toEqual([2, null, 4]);
    expect(h.count('outbox')).toBe(4);
  });

  it('writes nothing when nothing changed, and refuses an edit made on an old version', () => {
    const meter = h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r');
    const same = h.meters.update({ id: meter.id, version: 1, meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null, active: true }, 'r');
    expect(same.version).toBe(1);
    expect([h.count('audit_log'), h.count('outbox')]).toEqual([1, 1]);
    h.meters.update({ id: meter.id, version: 1, meterType: 'electricity', profileId: 'm58-split-single-phase-electricity', keys: KEYS, kit: null, active: true }, 'r');
    const stale = failure(() => h.meters.update({ id: meter.id, version: 1, meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null, active: true }, 'r'));
    expect(stale.code).toBe('CONFLICT');
  });
});

describe('removing a meter', () => {
  it('deletes a meter that never had a token, with a master.delete outbox row', () => {
    const meter = h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r');
    expect(h.meters.remove({ id: meter.id, version: 1 }, 'r')).toEqual({ outcome: 'deleted', message: 'Meter 58000000016 was removed from the library.' });
    expect(h.count('meters')).toBe(0);
    const last = outboxRows().at(-1);
    expect([last?.kind, last?.key, JSON.parse(last?.payload ?? '{}')]).toEqual(['master.delete', `meters:${meter.id}:2`, { table: 'meters', row: { id: meter.id, version: 2 } }]);
    expect(auditActions()).toEqual(['meters.create', 'meters.remove']);
  });

  it('deactivates a meter that has had tokens instead', () => {
    const meter = h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r');
    h.meterRepo.setLastTid(meter.id, 2014, 100, h.clock.now().toISOString());
    const result = h.meters.remove({ id: meter.id, version: 1 }, 'r');
    expect(result).toEqual({ outcome: 'deactivated', message: 'Meter 58000000016 cannot be removed because it has had tokens; it was deactivated instead.' });
    expect(h.meters.get(meter.id)).toMatchObject({ active: false, version: 2 });
    expect(auditActions()).toEqual(['meters.create', 'meters.deactivate']);
    expect(outboxRows().at(-1)?.kind).toBe('master.upsert');
  });

  it('asks the checks later issues register (V1 sales, L2 accounts)', () => {
    h.sqlite.exec('CREATE TABLE planted_sales (meter_id TEXT)');
    h.meterRepo.registerTokenCheck('SELECT 1 FROM planted_sales WHERE meter_id = ? LIMIT 1');
    const meter = h.meters.create({ meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, kit: null }, 'r');
    h.sqlite.prepare('INSERT INTO planted_sales VALUES (?)').run(meter.id);
    expect(h.meters.get(meter.id).hasTokens).toBe(true);
    expect(h.meters.remove({ id: meter.id, version: 1 }, 'r').outcome).toBe('deactivated');
  });
});

describe('the meter list', () => {
  beforeEach(() => {
    h.meters.createRange({ first: '5800000001', last: '5800000039', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS, dryRun: false, skipExisting: false }, 'r');
    h.meters.create({ meterNo: '58010003182', meterType: 'gas', profileId: 'm58-integrated-gas', keys: KEYS, kit: null }, 'r');
  });

  it('pages 20 at a time with the total, and serves a page past the end as the last page', () => {
    const first = h.meters.list({ search: '', page: 1, pageSize: 20, sort: null });
    expect([first.total, first.page, first.pageCount, first.rows.length, first.rows[0]?.meterNo]).toEqual([40, 1, 2, 20, '58000000016']);
    const beyond = h.meters.list({ search: '', page: 9, pageSize: 20, sort: null });
    expect([beyond.page, beyond.rows.length]).toEqual([2, 20]);
  });

  it('searches every meter in main: by part of the number, by type, by model; and sorts', () => {
    expect(h.meters.list({ search: '0003182', page: 1, pageSize: 20, sort: null }).rows.map((r) => r.meterNo)).toEqual(['58010003182']);
    expect(h.meters.list({ search: '5801', page: 1, pageSize: 20, sort: null }).rows.map((r) => r.meterNo)).toEqual(['58010003182']);
    // two characters: too short for the trigram index, answered by a scan with the same meaning
    expect(h.meters.list({ search: '35', page: 1, pageSize: 20, sort: null }).rows.map((r) => r.meterNo)).toEqual(['58000000354']);
    expect(h.meters.list({ search: 'gas meter', page: 1, pageSize: 20, sort: null }).total).toBe(1);
    expect(h.meters.list({ search: 'split', page: 1, pageSize: 20, sort: null }).total).toBe(0);
    expect(h.meters.list({ search: 'integrated keypad gas', page: 1, pageSize: 20, sort: null }).total).toBe(1);
    expect(h.meters.list({ search: '%', page: 1, pageSize: 20, sort: null }).total).toBe(0);
    const byType = h.meters.list({ search: '', page: 1, pageSize: 50, sort: { column: 'meterType', direction: 'desc' } });
    expect(byType.rows[0]?.meterType).toBe('gas');
    const desc = h.meters.list({ search: '', page: 1, pageSize: 20, sort: { column: 'meterNo', direction: 'desc' } });
    expect(desc.rows[0]?.meterNo).toBe('58010003182');
  });

  it('keeps the search index in step when meters are removed', () => {
    const hit = h.meters.list({ search: '003182', page: 1, pageSize: 20, sort: null }).rows[0];
    if (!hit) throw new Error('expected the gas meter');
    h.meters.remove({ id: hit.id, version: hit.version }, 'r');
    expect(h.meters.list({ search: '003182', page: 1, pageSize: 20, sort: null }).total).toBe(0);
    expect(h.count('meters_search')).toBe(39);
  });
});
