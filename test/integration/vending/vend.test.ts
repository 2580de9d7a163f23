import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startVirtualPrinter } from '../../../electron/printing/virtual/virtual-printer';
import { writeTransaction } from '../../../electron/db/open-database';
import { createUsersRepo } from '../../../electron/db/repos/users-repo';
import { DEMO_KIT } from '../../../electron/services/library/library-demo';
import { hashPassword } from '../../../electron/services/password-hash';
import { decodeOpenPaygoToken, tidFromDate, type VirtualMeter } from '../../../electron/sts';
import type { MeterDetail, PriceRow } from '../../../shared/ipc/library-schemas';
import type { RecordsSearchResult, ReprintResult, Sale, VendConfirmResult, VendQuote } from '../../../shared/ipc/vending-schemas';
import type { KeyParams } from '../../../shared/library/key-params';
import {
  requestId, startVendingHarness, value, VEND_PASSWORD, virtualMeterFor, type TestCaller, type VendingHarness,
} from '../../support/vending-harness';

/**
 * The vend through the handler table on a real core (the demo data: test vending keys, the seed's meters, customers
 * and accounts), with a fixed clock. Every token is fed to a virtual meter holding the meter's decoder key (derived
 * from the published STS test vending key) or, for the solar kit, decoded with the kit's OpenPAYGO secret.
 */
const ELECTRIC = '58000000065';
const ELECTRIC_2 = '58000000099';
const WATER = '58000807915';
const KIT = '58009000181';
const DEMO_KEYS: KeyParams = { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' };

let h: VendingHarness;
beforeEach(async () => {
  h = await startVendingHarness({ at: '2026-05-01T08:00:00.000Z' });
});
afterEach(() => h.close());

const sqlite = () => h.core.database.sqlite;
/** Everything a vend writes, counted, to show a refusal wrote nothing. */
const footprint = () => ({
  sales: h.count('SELECT count(*) FROM sales'),
  tokens: h.count('SELECT count(*) FROM sale_tokens'),
  outbox: h.count('SELECT count(*) FROM outbox'),
  audit: h.count("SELECT count(*) FROM audit_log WHERE action <> 'vend.password'"),
  tids: h.count('SELECT coalesce(sum(last_tid), 0) FROM meter_tids'),
  sequences: h.count('SELECT coalesce(sum(value), 0) FROM sequences'),
  meters: h.count('SELECT sum(version) FROM meters'),
  clock: h.count("SELECT count(*) FROM app_state WHERE key = 'clock.lastRecorded'"),
});

function enterAll(meter: VirtualMeter, sale: Sale) {
  return sale.tokens.map((token) => meter.enter(token.digits));
}

async function confirm(input: Record<string, unknown>, caller: TestCaller = h.admin) {
  return caller.call<VendConfirmResult>('vend.confirm', { paymentType: 'Cash', vendPassword: VEND_PASSWORD, idempotencyKey: requestId(), ...input });
}

describe('vend by money and by unit; the tokens credit exactly the units on the sale', () => {
  it('electricity: the seed figures (10 USD -> 8.7 kWh, 20 -> 17.4, 1 kWh -> 1.13 USD) on the demo account, accepted by the meter with the recorded TIDs', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const meter = virtualMeterFor(ELECTRIC, DEMO_KEYS);
    const expected = [
      { by: 'money', amount: '10', paid: 1000, units: 87, vat: 130 },
      { by: 'money', amount: '20', paid: 2000, units: 174, vat: 260 },
      { by: 'unit', amount: '1', paid: 113, units: 10, vat: 13 },
    ] as const;
    let balance = 0;
    const tids: number[] = [];
    for (const row of expected) {
      const { sale, replayed } = await h.vend({ accountId, by: row.by, amount: row.amount });
      expect(replayed).toBe(false);
      expect(sale).toMatchObject({ paidMinor: row.paid, unitsTenths: row.units, vatMinor: row.vat, unit: 'kWh', currency: 'USD', customerNo: '0001', meterNo: ELECTRIC, by: row.by, baseYear: 2014 });
      expect(sale.tokens).toHaveLength(1);
      const [entered] = enterAll(meter, sale);
      balance += row.units;
      expect(entered).toMatchObject({ accepted: true, effect: { kind: 'credit', register: 'electricity', amountTenths: row.units, balanceTenths: balance, tid: sale.tid } });
      tids.push(sale.tid ?? -1);
    }
    const minute = tidFromDate(new Date('2026-05-01T08:00:00Z'), 2014);
    expect(minute.ok && tids).toEqual(minute.ok ? [minute.value, minute.value + 1, minute.value + 2] : []);
    expect(h.count('SELECT last_tid FROM meter_tids m JOIN meters x ON x.id = m.meter_id WHERE x.meter_no = ? AND m.base_year = 2014', ELECTRIC)).toBe(tids[2]);
  });

  it('water: by money and by unit, credited to the water register', async () => {
    const accountId = h.accountOf(WATER);
    const meter = virtualMeterFor(WATER, DEMO_KEYS);
    const first = (await h.vend({ accountId, amount: '10' })).sale;
    const second = (await h.vend({ accountId, by: 'unit', amount: '2.5' })).sale;
    expect(first).toMatchObject({ unitsTenths: 87, unit: 'm³', meterType: 'water' });
    expect(second).toMatchObject({ unitsTenths: 25, paidMinor: 283, unit: 'm³' });
    expect(enterAll(meter, first)).toMatchObject([{ accepted: true, effect: { register: 'water', amountTenths: 87, tid: first.tid } }]);
    expect(enterAll(meter, second)).toMatchObject([{ accepted: true, effect: { register: 'water', amountTenths: 25, tid: second.tid } }]);
    expect(meter.state().registers.water).toBe(112);
  });

  it('solar kit: whole days (the rest is rounding), an OpenPAYGO add-time code, the kit count moves with the sale', async () => {
    const accountId = h.accountOf(KIT);
    const byMoney = (await h.vend({ accountId, amount: '10' })).sale;
    expect(byMoney).toMatchObject({ unitsTenths: 80, unit: 'days', roundingMinor: 70, scheme: 'OpenPAYGO', tid: null, kitCount: 2 });
    const byUnit = (await h.vend({ accountId, by: 'unit', amount: '3.9' })).sale;
    expect(byUnit).toMatchObject({ unitsTenths: 30, unit: 'days', paidMinor: 339, kitCount: 4 });
    const key = Buffer.from(DEMO_KIT.secret, 'hex');
    const startingCode = Number.parseInt(DEMO_KIT.startingCode, 10);
    const first = decodeOpenPaygoToken({ key, startingCode, lastCount: DEMO_KIT.count, code: byMoney.tokens[0]?.digits ?? '' });
    expect(first).toEqual({ ok: true, type: 'ADD_TIME', value: 8, count: 2 });
    const second = decodeOpenPaygoToken({ key, startingCode, lastCount: 2, code: byUnit.tokens[0]?.digits ?? '' });
    expect(second).toEqual({ ok: true, type: 'ADD_TIME', value: 3, count: 4 });
    const stored = await value(h.admin.call<MeterDetail>('meters.get', { id: byUnit.meterId }));
    expect(stored.kit?.count).toBe(4);
    expect(h.count("SELECT count(*) FROM outbox WHERE kind = 'master.upsert' AND idempotency_key LIKE ?", `meters:${byUnit.meterId}:%`)).toBe(2 + 1);
  });

  it('five vends to one meter in one minute get five distinct TIDs, all accepted by the meter', async () => {
    const accountId = h.accountOf(ELECTRIC_2);
    const meter = virtualMeterFor(ELECTRIC_2, DEMO_KEYS);
    const sales: Sale[] = [];
    for (let i = 0; i < 5; i++) {
      h.clock.advance(5_000);
      sales.push((await h.vend({ accountId, amount: '1' })).sale);
    }
    const tids = sales.map((s) => s.tid ?? 0);
    expect(new Set(tids).size).toBe(5);
    expect(tids).toEqual([...tids].sort((a, b) => a - b));
    for (const sale of sales) expect(enterAll(meter, sale)).toMatchObject([{ accepted: true, effect: { kind: 'credit', tid: sale.tid } }]);
    expect(meter.state().tids).toEqual(tids);
  });
});

describe('the sale record', () => {
  it('carries every column of a complete record, numbered from the station code, with its audit and outbox rows', async () => {
    const { sale } = await h.vend({ accountId: h.accountOf(ELECTRIC), amount: '10' });
    expect(sale).toMatchObject({
      receiptNo: 'ST01-000001', transactionNo: 'ST01-T00000001', stationCode: 'ST01', stationName: 'Main Street', districtName: 'Central',
      customerNo: '0001', customerName: 'Lili', meterType: 'electricity', scheme: 'STS', priceName: '1 USD, 13 %', pricePerUnit: 10_000,
      taxMode: 'vendor-compatible', vatBp: 1300, exciseBp: 0, exciseMinor: 0, chargeMinor: 870, roundingMinor: 0, paymentType: 'Cash',
      operatorLoginId: '0000', operatorName: 'Raymond', tidTimeZone: 'UTC', tidDate: '2026-05-01T08:00', soldAt: '2026-05-01T08:00:00.000Z',
      keyParams: 'SGC 123456, TI 01, KRN 1, KT 2, EA07, DKGA02, base 2014', keyChange: null, kitCount: null,
    });
    expect(sale.shift).toMatch(/^0000@\d{4}-\d\d-\d\dT/);
    expect(sale.accountNo).not.toBe('');
    const stored = await value(h.admin.call<Sale>('records.get', { id: sale.id }));
    expect(stored).toEqual(sale);
    expect(h.count("SELECT count(*) FROM outbox WHERE kind = 'sale.created' AND idempotency_key = ?", sale.id)).toBe(1);
    const payload = JSON.parse(sqlite().prepare('SELECT payload_json FROM outbox WHERE idempotency_key = ?').pluck().get(sale.id) as string) as { table: string; row: Sale };
    expect(payload).toEqual({ table: 'sales', row: sale });
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'vend' AND target = ?", sale.id)).toBe(1);
    const second = (await h.vend({ accountId: h.accountOf(WATER), amount: '5' })).sale;
    expect([second.receiptNo, second.transactionNo]).toEqual(['ST01-000002', 'ST01-T00000002']);
  });

  it('keeps what a sale points at: the meter has had tokens, the account is deactivated rather than removed', async () => {
    const { sale } = await h.vend({ accountId: h.accountOf(KIT), amount: '5' });
    const meter = await value(h.admin.call<MeterDetail>('meters.get', { id: sale.meterId }));
    expect(meter.hasTokens).toBe(true);
    const account = await value(h.admin.call<{ id: string; version: number }>('accounts.get', { id: sale.accountId }));
    const removed = await value(h.admin.call<{ outcome: string; message: string }>('accounts.remove', { id: account.id, version: account.version }));
    expect(removed).toMatchObject({ outcome: 'deactivated', message: expect.stringContaining('sales were made on it') });
    expect(await value(h.admin.call<Sale>('records.get', { id: sale.id }))).toEqual(sale);
  });

  it('counts on the Home tab', async () => {
    await h.vend({ accountId: h.accountOf(ELECTRIC), amount: '10' });
    await h.vend({ accountId: h.accountOf(WATER), amount: '2.50' });
    const home = await value(h.admin.call<{ salesCount: number; totals: Array<{ currency: string; amountMinor: number }> }>('home.summary'));
    expect(home.salesCount).toBe(2);
    expect(home.totals).toContainEqual({ currency: 'USD', amountMinor: 1250, salesCount: 2 });
  });
});

describe('exactly once', () => {
  it('the same request id twice in parallel makes one sale; both get it', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const quote = await value(h.admin.call<VendQuote>('vend.quote', { accountId, by: 'money', amount: '10' }));
    const idempotencyKey = requestId();
    const input = { accountId, by: 'money', amount: '10', priceVersion: quote.priceVersion, idempotencyKey };
    const other = h.caller();
    await value(other.call('session.login', { username: '0000', password: 'Admin#2026x' }));
    const [a, b] = await Promise.all([confirm(input), confirm(input, other)]);
    if (!a.ok || !b.ok) throw new Error('a confirm was refused');
    expect(a.value.sale).toEqual(b.value.sale);
    expect([a.value.replayed, b.value.replayed].sort()).toEqual([false, true]);
    expect(h.count('SELECT count(*) FROM sales')).toBe(1);
    expect(h.count("SELECT count(*) FROM outbox WHERE kind = 'sale.created'")).toBe(1);
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'vend'")).toBe(1);
    const again = await confirm(input);
    expect(again).toMatchObject({ ok: true, value: { replayed: true, sale: { id: a.value.sale.id } } });
    const other10 = await confirm({ ...input, amount: '20' });
    expect(other10).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The database itself refuses a second sale with the request id, whoever writes it.
    const second = new Database(h.core.database.file);
    try {
      expect(() => second.prepare(
        `INSERT INTO sales SELECT 'another-id', station_id, created_at, idempotency_key, 'X-1', 999, 'X-T1', station_code, station_name,
           district_id, district_code, district_name, account_id, account_no, customer_id, customer_no, customer_name, meter_id, meter_no,
           meter_type, scheme, price_id, price_name, price_version, price_per_unit, currency, tax_mode, vat_bp, vat_minor, excise_bp,
           excise_minor, by, paid_minor, charge_minor, rounding_minor, units_tenths, unit, payment_type, operator_id, operator_login_id,
           operator_name, shift, tid, base_year, tid_date, tid_time_zone, key_params, key_change_json, kit_count, tokens_json FROM sales`,
      ).run()).toThrow(/UNIQUE constraint failed: sales\.idempotency_key/);
    } finally {
      second.close();
    }
  });

  it('refuses a price that changed since the quote, writing nothing', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const quote = await value(h.admin.call<VendQuote>('vend.quote', { accountId, by: 'money', amount: '10' }));
    const price = await value(h.admin.call<PriceRow>('prices.get', { id: quote.priceId }));
    await value(h.admin.call('prices.update', {
      id: price.id, version: price.version, name: price.name, meterType: price.meterType, categoryId: price.categoryId, pricePerUnit: '1.5',
      currency: price.currency, vatRate: '13', exciseRate: '0', taxMode: price.taxMode, minPurchase: '0', maxPurchase: '', active: true,
    }));
    const before = footprint();
    const refused = await confirm({ accountId, by: 'money', amount: '10', priceVersion: quote.priceVersion });
    expect(refused).toEqual({ ok: false, error: { code: 'PRICE_CHANGED', message: expect.stringMatching(/^The price changed since the quote.*Quote again\.$/) } });
    expect(footprint()).toEqual(before);
  });

  it('stops vending when the clock is set back a day, writing nothing', async () => {
    const accountId = h.accountOf(ELECTRIC);
    await h.vend({ accountId, amount: '10' });
    h.clock.set('2026-04-30T08:00:00.000Z');
    const before = footprint();
    const quote = await h.admin.call('vend.quote', { accountId, by: 'money', amount: '10' });
    expect(quote).toMatchObject({ ok: false, error: { code: 'CLOCK_BEHIND', message: expect.stringMatching(/^The computer's clock is behind the last recorded time .*Fix the date and time, then try again\.$/) } });
    const refused = await confirm({ accountId, by: 'money', amount: '10', priceVersion: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CLOCK_BEHIND' } });
    expect(footprint()).toEqual(before);
    h.clock.set('2026-05-01T08:03:00.000Z');
    expect((await h.vend({ accountId, amount: '10' })).sale.tid).toBeGreaterThan(0);
  });

  it('refuses a wrong vend password (counted, separately from logins), writing no sale', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const before = footprint();
    const refused = await confirm({ accountId, by: 'money', amount: '10', priceVersion: 1, vendPassword: 'wrong-password' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VEND_PASSWORD_WRONG' } });
    expect(h.count("SELECT count FROM auth_failures WHERE login_id = '0000' AND kind = 'vend'")).toBe(1);
    expect(h.count("SELECT count(*) FROM auth_failures WHERE login_id = '0000' AND kind = 'login'")).toBe(0);
    const after = footprint();
    expect({ ...after, audit: before.audit }).toEqual(before);
  });

  it('refuses with the key store\'s sentence when it is locked', async () => {
    const accountId = h.accountOf(ELECTRIC);
    h.core.keyStore.lock();
    const before = footprint();
    const locked = await confirm({ accountId, by: 'money', amount: '10', priceVersion: 1 });
    expect(locked).toEqual({ ok: false, error: { code: 'KEY_STORE_LOCKED', message: h.core.keyStore.status().message } });
    expect(footprint()).toEqual(before);
  });

  it('refuses a meter whose supply group has no vending key, writing nothing', async () => {
    const accountId = h.accountOf(ELECTRIC_2);
    const meter = await value(h.admin.call<MeterDetail>('meters.get', { id: sqlite().prepare('SELECT id FROM meters WHERE meter_no = ?').pluck().get(ELECTRIC_2) }));
    await value(h.admin.call('meters.update', { id: meter.id, version: meter.version, meterType: meter.meterType, profileId: meter.profileId, keys: { ...DEMO_KEYS, sgc: '654321' }, kit: null, active: true }));
    const before = footprint();
    const quote = await h.admin.call('vend.quote', { accountId, by: 'money', amount: '10' });
    expect(quote).toEqual({ ok: false, error: { code: 'KEY_UNAVAILABLE', message: expect.stringMatching(/^No vending key for supply group 654321, key revision 1, key type 2 \(DKGA02, base date 2014\)/) } });
    const refused = await confirm({ accountId, by: 'money', amount: '10', priceVersion: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'KEY_UNAVAILABLE' } });
    expect(footprint()).toEqual(before);
  });
});

describe('key change first', () => {
  async function loadKey(krn: number, baseYear: 1993 | 2014) {
    await value(h.admin.call('keys.load', { sgc: '123456', krn, keyType: 2, dkga: 'DKGA02', baseYear, keyHex: 'ABABABABABABABAB' }));
  }

  async function setKeys(meterId: string, keys: KeyParams) {
    const meter = await value(h.admin.call<MeterDetail>('meters.get', { id: meterId }));
    return value(h.admin.call<MeterDetail>('meters.update', {
      id: meter.id, version: meter.version, meterType: meter.meterType, profileId: meter.profileId, keys, kit: null, active: true,
    }));
  }

  it('a meter with pending parameters gets the key-change set before the credit; the meter accepts the set then the credit and rejects the credit entered first', async () => {
    const accountId = h.accountOf(ELECTRIC);
    const first = (await h.vend({ accountId, amount: '10' })).sale;
    const next: KeyParams = { ...DEMO_KEYS, krn: 2 };
    await loadKey(2, 2014);
    const edited = await setKeys(first.meterId, next);
    expect(edited.pendingKeys).toEqual(next);
    const quote = await value(h.admin.call<VendQuote>('vend.quote', { accountId, by: 'money', amount: '20' }));
    expect(quote.keyChange).toMatchObject({ rollover: false, tokens: 2 });
    const { sale } = await h.vend({ accountId, amount: '20' });
    expect(sale.tokens.map((t) => t.role)).toEqual(['key-change', 'key-change', 'credit']);
    expect(sale.keyChange).toMatchObject({ from: expect.stringContaining('KRN 1'), to: expect.stringContaining('KRN 2'), rollover: false, tokens: 2 });
    expect(sale.keyParams).toContain('KRN 2');

    const meter = virtualMeterFor(ELECTRIC, DEMO_KEYS);
    expect(enterAll(meter, first)[0]).toMatchObject({ accepted: true });
    const credit = sale.tokens[2]?.digits ?? '';
    expect(meter.enter(credit)).toMatchObject({ accepted: false, reason: 'CRC' });
    expect(meter.enter(sale.tokens[0]?.digits ?? '')).toMatchObject({ accepted: true, effect: { kind: 'key-change-pending' } });
    expect(meter.enter(sale.tokens[1]?.digits ?? '')).toMatchObject({ accepted: true, effect: { kind: 'key-change', krn: 2, rollover: false } });
    expect(meter.enter(credit)).toMatchObject({ accepted: true, effect: { kind: 'credit', amountTenths: 174, tid: sale.tid } });

    const stored = await value(h.admin.call<MeterDetail>('meters.get', { id: sale.meterId }));
    expect(stored).toMatchObject({ keys: next, pendingKeys: null });
    // The next vend is an ordinary credit with the new key.
    const after = (await h.vend({ accountId, amount: '1' })).sale;
    expect(after.tokens.map((t) => t.role)).toEqual(['credit']);
    expect(enterAll(meter, after)).toMatchObject([{ accepted: true }]);
  });

  it('a roll-over from base date 1993 to 2014 sets the RO flag and starts the new base date\'s TID sequence', async () => {
    const accountId = h.accountOf(ELECTRIC_2);
    const old: KeyParams = { ...DEMO_KEYS, baseYear: 1993 };
    await loadKey(1, 1993);
    await loadKey(2, 2014);
    const meterId = sqlite().prepare('SELECT id FROM meters WHERE meter_no = ?').pluck().get(ELECTRIC_2) as string;
    expect((await setKeys(meterId, old)).keys).toEqual(old);
    h.clock.set('2024-06-01T10:00:00.000Z');
    const before = (await h.vend({ accountId, amount: '10' })).sale;
    expect(before.baseYear).toBe(1993);
    const next: KeyParams = { ...DEMO_KEYS, krn: 2, baseYear: 2014 };
    await setKeys(meterId, next);
    h.clock.set('2026-05-01T09:00:00.000Z');
    const { sale } = await h.vend({ accountId, amount: '10' });
    expect(sale.keyChange).toMatchObject({ rollover: true, tokens: 2 });
    expect(sale.baseYear).toBe(2014);
    const minute = tidFromDate(new Date('2026-05-01T09:00:00Z'), 2014);
    expect(minute.ok && sale.tid).toBe(minute.ok ? minute.value : -1);
    expect(sale.tid).toBeLessThan(before.tid ?? 0);
    const tids = sqlite().prepare('SELECT base_year AS baseYear, last_tid AS tid FROM meter_tids WHERE meter_id = ? ORDER BY base_year').all(meterId);
    expect(tids).toEqual([{ baseYear: 1993, tid: before.tid }, { baseYear: 2014, tid: sale.tid }]);

    const meter = virtualMeterFor(ELECTRIC_2, old);
    expect(enterAll(meter, before)).toMatchObject([{ accepted: true }]);
    expect(enterAll(meter, sale)).toMatchObject([
      { accepted: true, effect: { kind: 'key-change-pending' } },
      { accepted: true, effect: { kind: 'key-change', rollover: true, krn: 2 } },
      { accepted: true, effect: { kind: 'credit', amountTenths: 87, tid: sale.tid } },
    ]);
  });
});

describe('records', () => {
  it('finds a sale by customer, meter, token and date; a reprint returns the stored tokens marked COPY, audited; the issuer is never called', async () => {
    const electric = (await h.vend({ accountId: h.accountOf(ELECTRIC), amount: '10' })).sale;
    h.clock.advance(3_600_000);
    const water = (await h.vend({ accountId: h.accountOf(WATER), amount: '10' })).sale;
    const issuer = h.core.services.tokenIssuer;
    const spies = [vi.spyOn(issuer, 'credit'), vi.spyOn(issuer, 'keyChange'), vi.spyOn(issuer, 'management'), vi.spyOn(issuer, 'testToken')];

    const search = (input: Record<string, unknown>) => value(h.admin.call<RecordsSearchResult>('records.search', input));
    expect((await search({})).rows.map((r) => r.id)).toEqual([water.id, electric.id]);
    expect((await search({ customerNo: '0001' })).rows.map((r) => r.id)).toEqual([electric.id]);
    expect((await search({ meterNo: WATER })).rows.map((r) => r.id)).toEqual([water.id]);
    const token = water.tokens[0]?.digits ?? '';
    const spaced = token.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect((await search({ token: spaced })).rows).toEqual([water]);
    expect((await search({ from: '2026-05-01T08:30:00Z' })).rows.map((r) => r.id)).toEqual([water.id]);
    expect((await search({ to: '2026-05-01T08:30:00Z' })).rows.map((r) => r.id)).toEqual([electric.id]);
    expect(await search({ pageSize: 20, page: 5 })).toMatchObject({ total: 2, page: 1, pageCount: 1 });

    const auditBefore = h.count("SELECT count(*) FROM audit_log WHERE action = 'records.reprint'");
    for (let i = 0; i < 5; i++) {
      const copy = await value(h.admin.call<ReprintResult>('records.reprint', { id: electric.id }));
      expect(copy).toEqual({ sale: electric, copy: true, printQueued: false });
    }
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'records.reprint' AND target = ?", electric.id) - auditBefore).toBe(5);
    expect(await value(h.admin.call<Sale>('records.get', { id: electric.id }))).toEqual(electric);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(h.count('SELECT count(*) FROM sales')).toBe(2);
  });

  it('the cashier (OnlyVending) vends, views and reprints; a role without reprint is refused and audited', async () => {
    const cashier = h.caller();
    await value(cashier.call('session.login', { username: 'cashier', password: 'Cashier#2026' }));
    const quote = await value(cashier.call<VendQuote>('vend.quote', { accountId: h.accountOf(ELECTRIC), by: 'money', amount: '10' }));
    const sold = await cashier.call<VendConfirmResult>('vend.confirm', {
      accountId: quote.accountId, by: 'money', amount: '10', priceVersion: quote.priceVersion, paymentType: 'Cash', vendPassword: 'Vend#2026!', idempotencyKey: requestId(),
    });
    if (!sold.ok) throw new Error(sold.error.message);
    expect(sold.value.sale.operatorLoginId).toBe('cashier');
    expect(await cashier.call('records.reprint', { id: sold.value.sale.id })).toMatchObject({ ok: true, value: { copy: true } });

    const viewer = await userWith(['records.view']);
    expect(await viewer.call('records.get', { id: sold.value.sale.id })).toMatchObject({ ok: true });
    expect(await viewer.call('records.reprint', { id: sold.value.sale.id })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await viewer.call('vend.quote', { accountId: quote.accountId, by: 'money', amount: '10' })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND actor = 'viewer' AND target = 'records.reprint'")).toBe(1);
  });
});

describe('printing (P1) after the commit', () => {
  it('prints the receipt of a vend by itself, and a reprint marked COPY with the same token; a dead printer never touches the sale', async () => {
    const printer = await startVirtualPrinter({ port: 0 });
    try {
      const settings = h.core.services.print.settings();
      h.core.services.print.saveSettings({ ...settings, connection: { kind: 'network', host: '127.0.0.1', port: printer.port }, autoPrint: true, copies: 1 }, 'test');
      const result = await h.vend({ accountId: h.accountOf(ELECTRIC), amount: '10' });
      expect(result.printQueued).toBe(true);
      const [job] = await printer.waitForJobs(1);
      const digits = (result.sale.tokens[0]?.digits ?? '').replace(/(\d{4})(?=\d)/g, '$1 ');
      expect(job?.text.join('\n')).toContain(digits);
      expect(job?.text.join('\n')).not.toContain('COPY');
      const copy = await value(h.admin.call<ReprintResult>('records.reprint', { id: result.sale.id }));
      expect(copy).toMatchObject({ copy: true, printQueued: true, sale: result.sale });
      const jobs = await printer.waitForJobs(2);
      expect(jobs[1]?.text.join('\n')).toContain('COPY');
      expect(jobs[1]?.text.join('\n')).toContain(digits);
      expect(h.count("SELECT count(*) FROM print_jobs WHERE source_id = ?", result.sale.id)).toBe(2);

      await printer.stop();
      const offline = await h.vend({ accountId: h.accountOf(WATER), amount: '10' });
      expect(offline.printQueued).toBe(true);
      await vi.waitFor(() => expect(h.count("SELECT count(*) FROM print_jobs WHERE source_id = ? AND state = 'failed'", offline.sale.id)).toBe(1));
      expect(await value(h.admin.call<Sale>('records.get', { id: offline.sale.id }))).toEqual(offline.sale);
    } finally {
      await printer.stop();
    }
  });
});

/** A user whose role holds only these permissions, signed in (written the way setup writes users). */
async function userWith(permissions: string[]): Promise<TestCaller> {
  const users = createUsersRepo(h.core.database.db);
  const now = new Date().toISOString();
  const hash = await hashPassword('Viewer#2026x', 'test');
  writeTransaction(sqlite(), () => {
    users.insertRole({ id: 'role-viewer', stationId: 's', createdAt: now, updatedAt: now, code: 'Viewer', name: 'Viewer', builtIn: false }, permissions);
    users.insertUser({ id: 'user-viewer', stationId: 's', createdAt: now, updatedAt: now, loginId: 'viewer', name: 'Viewer', roleId: 'role-viewer', passwordHash: hash, vendPasswordHash: hash });
  });
  const caller = h.caller();
  await value(caller.call('session.login', { username: 'viewer', password: 'Viewer#2026x' }));
  return caller;
}
