import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUsersRepo } from '../../../electron/db/repos/users-repo';
import { writeTransaction } from '../../../electron/db/open-database';
import { verifyAuditChain } from '../../../electron/services/audit-log';
import { DEMO_CASHIER, DEMO_METERS } from '../../../electron/services/demo/demo-seeder';
import { kitSecretName } from '../../../electron/services/library/meter-service';
import { DEMO_KIT } from '../../../electron/services/library/library-demo';
import { hashPassword } from '../../../electron/services/password-hash';
import type { MeterDetail, MeterRow, PriceRow } from '../../../shared/ipc/library-schemas';
import type { ListResponse } from '../../../shared/ipc/list';
import { isLuhnValid } from '../../../shared/library/meter-number';
import { quoteByMoney, quoteByUnit } from '../../../shared/money';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';

const KEYS = { sgc: '600100', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } as const;
const ELECTRIC = 'm58-integrated-single-phase-electricity';

let h: CoreHarness;
let admin: ReturnType<CoreHarness['caller']>;
beforeEach(async () => {
  h = await startCoreHarness();
  await h.caller().call('setup.init', SETUP_INPUT);
  admin = h.caller();
  await admin.call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword });
});
afterEach(() => {
  h.close();
  removeDir(h.dataDir);
});

const sqlite = () => h.core.database.sqlite;
const counts = () => ({
  audit: (sqlite().prepare('SELECT count(*) FROM audit_log').pluck().get() as number),
  outbox: (sqlite().prepare('SELECT count(*) FROM outbox').pluck().get() as number),
});

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A role with the view permissions only (S1 will manage roles; the test writes one the way setup does). */
async function viewer() {
  const users = createUsersRepo(h.core.database.db);
  const now = new Date().toISOString();
  const hash = await hashPassword('Viewer#2026x', 'test');
  writeTransaction(sqlite(), () => {
    const roleId = `role-viewer-${Date.now()}`;
    users.insertRole({ id: roleId, stationId: 's', createdAt: now, updatedAt: now, code: 'Viewer', name: 'Viewer', builtIn: false }, ['meters.view', 'prices.view']);
    users.insertUser({ id: `user-viewer-${Date.now()}`, stationId: 's', createdAt: now, updatedAt: now, loginId: 'viewer', name: 'Viewer', roleId, passwordHash: hash, vendPasswordHash: hash });
  });
  const caller = h.caller();
  await value(caller.call('session.login', { username: 'viewer', password: 'Viewer#2026x' }));
  return caller;
}

describe('the demo library (the seed manual, made valid)', () => {
  it('has the seed meters, each with a valid Luhn check digit, and the seed prices in the vendor-compatible mode', async () => {
    const meters = await value(admin.call<ListResponse<MeterRow>>('meters.list', { pageSize: 20 }));
    expect(meters.total).toBe(DEMO_METERS.length);
    expect(meters.rows.map((m) => m.meterNo).sort()).toEqual(DEMO_METERS.map((m) => m.meterNo).sort());
    for (const meter of meters.rows) expect(isLuhnValid(meter.meterNo), meter.meterNo).toBe(true);
    const kit = meters.rows.find((m) => m.meterNo === '58009000181');
    expect(kit).toMatchObject({ meterType: 'solar-kit', scheme: 'OpenPAYGO', keys: null, kit: { startingCode: DEMO_KIT.startingCode, count: 1, secretSet: true } });
    expect(h.core.keyStore.get(kitSecretName(kit?.id ?? ''))?.toString('hex')).toBe(DEMO_KIT.secret);
    expect(meters.rows.find((m) => m.meterNo === '58000000354')).toMatchObject({ meterType: 'gas', keys: { sgc: '123456', krn: 1, baseYear: 2014 } });

    const prices = await value(admin.call<ListResponse<PriceRow>>('prices.list', {}));
    const usd = prices.rows.find((p) => p.name === '1 USD, 13 %');
    const cny = prices.rows.find((p) => p.name === '1 CNY, 0.1 %');
    expect(usd).toMatchObject({ pricePerUnit: 10_000, currency: 'USD', vatBp: 1300, taxMode: 'vendor-compatible', meterType: 'electricity' });
    expect(cny).toMatchObject({ pricePerUnit: 10_000, currency: 'CNY', vatBp: 10, taxMode: 'vendor-compatible' });
    // the seed's figures from the stored price
    if (!usd) throw new Error('no USD price');
    const target = { scheme: 'STS' as const, unit: 'kWh' };
    const q10 = quoteByMoney(usd, 1000, target);
    const q1 = quoteByUnit(usd, 10, target);
    expect([q10.ok && q10.quote.units, q1.ok && q1.quote.paid]).toEqual([87n, 113n]);
    expect(verifyAuditChain(sqlite())).toMatchObject({ ok: true });
  });
});

describe('permissions on every library channel', () => {
  it('refuses all of them without a session', async () => {
    const nobody = h.caller();
    for (const channel of ['meters.list', 'meters.get', 'meters.create', 'meters.createRange', 'meters.update', 'meters.remove', 'prices.list', 'prices.get', 'prices.create', 'prices.update', 'prices.remove', 'profiles.list', 'categories.list']) {
      expect(await nobody.call(channel, {}), channel).toMatchObject({ ok: false, error: { code: expect.stringMatching(/NOT_SIGNED_IN|VALIDATION/) } });
    }
    expect(await nobody.call('meters.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('refuses a cashier (no library permissions) and audits the refusal; categories are open to any signed-in operator', async () => {
    const cashier = h.caller();
    await value(cashier.call('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password }));
    for (const [channel, input] of [
      ['meters.list', {}], ['meters.get', { id: 'x' }], ['profiles.list', {}], ['prices.list', {}], ['prices.get', { id: 'x' }],
      ['meters.create', { meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS }],
      ['prices.create', { name: 'x', meterType: 'electricity', categoryId: 'residential', pricePerUnit: '1', currency: 'USD' }],
    ] as const) {
      expect(await cashier.call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    expect(sqlite().prepare("SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND actor = 'cashier'").pluck().get()).toBe(7);
    expect(await cashier.call('categories.list', {})).toMatchObject({ ok: true });
  });

  it('lets a viewer read but not change (view without edit)', async () => {
    const v = await viewer();
    const list = await value(v.call<ListResponse<MeterRow>>('meters.list', {}));
    const meter = list.rows[0];
    if (!meter) throw new Error('no demo meter');
    expect(await v.call('meters.get', { id: meter.id })).toMatchObject({ ok: true });
    expect(await v.call('profiles.list', {})).toMatchObject({ ok: true });
    expect(await v.call('prices.list', {})).toMatchObject({ ok: true });
    const before = counts();
    for (const [channel, input] of [
      ['meters.create', { meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS }],
      ['meters.createRange', { first: '5800000001', last: '5800000010', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS }],
      ['meters.update', { id: meter.id, version: meter.version, meterType: meter.meterType, profileId: meter.profileId, keys: meter.keys, kit: null }],
      ['meters.remove', { id: meter.id, version: meter.version }],
      ['prices.create', { name: 'x', meterType: 'electricity', categoryId: 'residential', pricePerUnit: '1', currency: 'USD' }],
      ['prices.update', { id: 'x', version: 1, name: 'x', meterType: 'electricity', categoryId: 'residential', pricePerUnit: '1', currency: 'USD' }],
      ['prices.remove', { id: 'x', version: 1 }],
    ] as const) {
      expect(await v.call(channel, input), channel).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
    const after = counts();
    expect(after.outbox).toBe(before.outbox);
    expect(after.audit - before.audit).toBe(7); // the seven refusals, nothing else
  });
});

describe('every change writes an audit row and an outbox row with the new version', () => {
  it('meters: create, batch, update (pending after a token), remove vs deactivate', async () => {
    let before = counts();
    const created = await value(admin.call<MeterDetail>('meters.create', { meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS }));
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });

    before = counts();
    const range = await value(admin.call<{ created: number }>('meters.createRange', { first: '5800000002', last: '5800000005', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS }));
    expect(range.created).toBe(4);
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 4 });

    // the meter had a token (the vend's write; V1): its key edit becomes pending
    writeTransaction(sqlite(), () => sqlite().prepare('INSERT INTO meter_tids (meter_id, base_year, last_tid, updated_at) VALUES (?, 2014, 7000000, ?)').run(created.id, new Date().toISOString()));
    before = counts();
    const edited = await value(admin.call<MeterDetail>('meters.update', { id: created.id, version: 1, meterType: 'electricity', profileId: ELECTRIC, keys: { ...KEYS, krn: 2 }, kit: null }));
    expect([edited.keys?.krn, edited.pendingKeys?.krn, edited.version]).toEqual([1, 2, 2]);
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    const lastOutbox = sqlite().prepare('SELECT kind, idempotency_key AS key, payload_json AS payload FROM outbox ORDER BY id DESC LIMIT 1').get() as { kind: string; key: string; payload: string };
    expect([lastOutbox.kind, lastOutbox.key]).toEqual(['master.upsert', `meters:${created.id}:2`]);
    expect(JSON.parse(lastOutbox.payload)).toMatchObject({ table: 'meters', row: { id: created.id, version: 2, krn: 1, pending_krn: 2 } });

    const deactivated = await value(admin.call<{ outcome: string }>('meters.remove', { id: created.id, version: 2 }));
    expect(deactivated.outcome).toBe('deactivated');
    const other = (await value(admin.call<ListResponse<MeterRow>>('meters.list', { search: '58000000024' }))).rows[0];
    expect(await admin.call('meters.remove', { id: other?.id, version: other?.version })).toMatchObject({ ok: true, value: { outcome: 'deleted' } });
    const kinds = sqlite().prepare('SELECT kind FROM outbox ORDER BY id DESC LIMIT 2').pluck().all();
    expect(kinds).toEqual(['master.delete', 'master.upsert']);
    expect(verifyAuditChain(sqlite())).toMatchObject({ ok: true });
  });

  it('prices: create, update (version moves), remove', async () => {
    let before = counts();
    const price = await value(admin.call<PriceRow>('prices.create', { name: 'Commercial 0.25', meterType: 'electricity', categoryId: 'commercial', pricePerUnit: '0.25', currency: 'USD', vatRate: '16', taxMode: 'tax-inclusive' }));
    expect([price.pricePerUnit, price.vatBp, price.version]).toEqual([2500, 1600, 1]);
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    before = counts();
    const updated = await value(admin.call<PriceRow>('prices.update', { id: price.id, version: 1, name: 'Commercial 0.25', meterType: 'electricity', categoryId: 'commercial', pricePerUnit: '0.3', currency: 'USD', vatRate: '16', taxMode: 'tax-inclusive' }));
    expect(updated.version).toBe(2);
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(await admin.call('prices.remove', { id: price.id, version: 2 })).toMatchObject({ ok: true, value: { outcome: 'deleted' } });
    expect(sqlite().prepare('SELECT idempotency_key FROM outbox ORDER BY id DESC LIMIT 1').pluck().get()).toBe(`prices:${price.id}:3`);
  });

  it('refuses what breaks the rules with a sentence naming the field, and writes nothing', async () => {
    const before = counts();
    expect(await admin.call('meters.create', { meterNo: '58000000017', meterType: 'electricity', profileId: ELECTRIC, keys: KEYS })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('fails its check digit') } });
    expect(await admin.call('meters.create', { meterNo: '58000000016', meterType: 'electricity', profileId: ELECTRIC, keys: { ...KEYS, sgc: '12' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await admin.call('prices.create', { name: 'x', meterType: 'electricity', categoryId: 'residential', pricePerUnit: '1.00001', currency: 'USD' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Price per unit: A price has at most 4 decimals.' } });
    expect(await admin.call('meters.list', { pageSize: 30 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(counts()).toEqual(before);
  });

  it('never returns a kit secret, and keeps it on an edit without one', async () => {
    const secret = '00112233445566778899aabbccddeeff';
    const kit = await value(admin.call<MeterDetail>('meters.create', { meterNo: '58000000990', meterType: 'solar-kit', profileId: 'm58-home-solar-kit', keys: null, kit: { secret, startingCode: '123456789', count: 0 } }));
    expect(JSON.stringify(kit)).not.toContain(secret);
    const edited = await value(admin.call<MeterDetail>('meters.update', { id: kit.id, version: 1, meterType: 'solar-kit', profileId: 'm58-home-solar-kit', keys: null, kit: { secret: null, startingCode: '123456789', count: 5 } }));
    expect(edited.kit).toEqual({ startingCode: '123456789', count: 5, secretSet: true });
    expect(h.core.keyStore.get(kitSecretName(kit.id))?.toString('hex')).toBe(secret);
  });
});
