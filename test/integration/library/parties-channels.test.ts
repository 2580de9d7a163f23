import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../electron/db/open-database';
import { createUsersRepo } from '../../../electron/db/repos/users-repo';
import { verifyAuditChain } from '../../../electron/services/audit-log';
import { DEMO_CASHIER, DEMO_METERS } from '../../../electron/services/demo/demo-seeder';
import { hashPassword } from '../../../electron/services/password-hash';
import type { Permission } from '../../../shared/auth/permissions';
import type { MeterDetail, MeterRow, PriceRow, RemoveResult } from '../../../shared/ipc/library-schemas';
import type { ListResponse } from '../../../shared/ipc/list';
import type { AccountPriceChoice, AccountRow, CustomerRow, DistrictRow, StationRow, TopUpRow } from '../../../shared/ipc/parties-schemas';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';

/**
 * L2 through the handler table: the Customer, District, Sales Station and Account Libraries and the Top-up query, on a
 * real core set up with the seed's demo data. Permissions per channel, one active account per meter, the price's
 * meter type and category, remove versus deactivate, and the audit and outbox rows of every change.
 */
type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
type Caller = ReturnType<CoreHarness['caller']>;

async function value<T>(promise: Promise<Reply<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function startDemo(): Promise<{ h: CoreHarness; admin: Caller }> {
  const h = await startCoreHarness();
  await h.caller().call('setup.init', SETUP_INPUT);
  const admin = h.caller();
  await value(admin.call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword }));
  return { h, admin };
}

/** A user whose role holds exactly these permissions (S1 manages roles; the test writes one the way setup does). */
async function userWith(h: CoreHarness, loginId: string, permissions: readonly Permission[]): Promise<Caller> {
  const users = createUsersRepo(h.core.database.db);
  const now = new Date().toISOString();
  const hash = await hashPassword('Tester#2026x', 'test');
  writeTransaction(h.core.database.sqlite, () => {
    const roleId = `role-${loginId}`;
    users.insertRole({ id: roleId, stationId: 's', createdAt: now, updatedAt: now, code: `R-${loginId}`, name: `Role ${loginId}`, builtIn: false }, [...permissions]);
    users.insertUser({ id: `user-${loginId}`, stationId: 's', createdAt: now, updatedAt: now, loginId, name: loginId, roleId, passwordHash: hash, vendPasswordHash: hash });
  });
  const caller = h.caller();
  await value(caller.call('session.login', { username: loginId, password: 'Tester#2026x' }));
  return caller;
}

// ---- permissions: one test per channel, with and without the permission ---------------------------------------------

const L2_PERMISSIONS: readonly Permission[] = [
  'districts.view', 'districts.edit', 'stations.view', 'stations.edit', 'customers.view', 'customers.edit', 'accounts.view', 'accounts.edit', 'vend',
];

/** Each channel, the permission it needs, a request that passes its schema, and what a holder of the permission gets. */
const CHANNELS: ReadonlyArray<{ channel: string; access: Permission; input: unknown; allowed: 'ok' | 'NOT_FOUND' | 'VALIDATION' }> = [
  { channel: 'districts.list', access: 'districts.view', input: {}, allowed: 'ok' },
  { channel: 'districts.get', access: 'districts.view', input: { id: 'missing' }, allowed: 'NOT_FOUND' },
  { channel: 'districts.create', access: 'districts.edit', input: { code: '', name: '' }, allowed: 'VALIDATION' },
  { channel: 'districts.update', access: 'districts.edit', input: { id: 'missing', version: 1, code: 'D9', name: 'Nine' }, allowed: 'NOT_FOUND' },
  { channel: 'districts.remove', access: 'districts.edit', input: { id: 'missing', version: 1 }, allowed: 'NOT_FOUND' },
  { channel: 'stations.list', access: 'stations.view', input: {}, allowed: 'ok' },
  { channel: 'stations.get', access: 'stations.view', input: { id: 'missing' }, allowed: 'NOT_FOUND' },
  { channel: 'stations.create', access: 'stations.edit', input: { code: '', name: '', districtId: '' }, allowed: 'VALIDATION' },
  { channel: 'stations.update', access: 'stations.edit', input: { id: 'missing', version: 1, code: 'S9', name: 'Nine', districtId: 'd' }, allowed: 'NOT_FOUND' },
  { channel: 'stations.remove', access: 'stations.edit', input: { id: 'missing', version: 1 }, allowed: 'NOT_FOUND' },
  { channel: 'customers.list', access: 'customers.view', input: {}, allowed: 'ok' },
  { channel: 'customers.get', access: 'customers.view', input: { id: 'missing' }, allowed: 'NOT_FOUND' },
  { channel: 'customers.create', access: 'customers.edit', input: { customerNo: '', name: '', categoryId: '', districtId: '' }, allowed: 'VALIDATION' },
  { channel: 'customers.update', access: 'customers.edit', input: { id: 'missing', version: 1, customerNo: '0099', name: 'X', categoryId: 'residential', districtId: 'd' }, allowed: 'NOT_FOUND' },
  { channel: 'customers.remove', access: 'customers.edit', input: { id: 'missing', version: 1 }, allowed: 'NOT_FOUND' },
  { channel: 'accounts.list', access: 'accounts.view', input: {}, allowed: 'ok' },
  { channel: 'accounts.get', access: 'accounts.view', input: { id: 'missing' }, allowed: 'NOT_FOUND' },
  { channel: 'accounts.create', access: 'accounts.edit', input: { accountNo: '', customerId: '', meterId: '', salesStationId: '', priceId: '' }, allowed: 'VALIDATION' },
  { channel: 'accounts.update', access: 'accounts.edit', input: { id: 'missing', version: 1, accountNo: '0099', customerId: 'c', meterId: 'm', salesStationId: 's', priceId: 'p' }, allowed: 'NOT_FOUND' },
  { channel: 'accounts.remove', access: 'accounts.edit', input: { id: 'missing', version: 1 }, allowed: 'NOT_FOUND' },
  { channel: 'accounts.priceChoices', access: 'accounts.edit', input: { customerId: 'missing', meterId: 'missing' }, allowed: 'VALIDATION' },
  { channel: 'accounts.forTopUp', access: 'vend', input: {}, allowed: 'ok' },
];

describe('permissions on every L2 channel (the handler table decides, whatever the screens show)', () => {
  let h: CoreHarness;
  const only = new Map<Permission, Caller>();
  const allBut = new Map<Permission, Caller>();
  beforeAll(async () => {
    ({ h } = await startDemo());
    for (const permission of L2_PERMISSIONS) {
      const id = permission.replace('.', '-');
      only.set(permission, await userWith(h, `only-${id}`, [permission]));
      allBut.set(permission, await userWith(h, `allbut-${id}`, L2_PERMISSIONS.filter((p) => p !== permission)));
    }
  });
  afterAll(() => {
    h.close();
    removeDir(h.dataDir);
  });

  for (const { channel, access, input, allowed } of CHANNELS) {
    it(`${channel} needs ${access}`, async () => {
      expect(await h.caller().call(channel, input)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
      const denied = await allBut.get(access)?.call(channel, input);
      expect(denied).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
      const granted = await only.get(access)?.call(channel, input);
      expect(granted).toMatchObject(allowed === 'ok' ? { ok: true } : { ok: false, error: { code: allowed } });
    });
  }

  it('covers every channel the L2 table declares', async () => {
    const { libraryPartyChannels } = await import('../../../shared/ipc/channels/library-parties');
    expect(CHANNELS.map((c) => c.channel).sort()).toEqual(Object.keys(libraryPartyChannels).sort());
    for (const c of CHANNELS) {
      const access = libraryPartyChannels[c.channel as keyof typeof libraryPartyChannels].access;
      // a list admits any one of its permissions (accounts.forTopUp: vend, or an Advanced Center right; the matrix
      // test in test/integration/access covers the others)
      if (typeof access === 'string') expect(access, c.channel).toBe(c.access);
      else expect(access, c.channel).toContain(c.access);
    }
  });

  it("lets the demo cashier (OnlyVending) see the Top-up accounts but not the Account Library", async () => {
    const cashier = h.caller();
    await value(cashier.call('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password }));
    expect(await cashier.call('accounts.forTopUp', {})).toMatchObject({ ok: true, value: { total: DEMO_METERS.length } });
    expect(await cashier.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await cashier.call('customers.list', {})).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});

// ---- the libraries through a demo station --------------------------------------------------------------------------

let h: CoreHarness;
let admin: Caller;
beforeEach(async () => {
  ({ h, admin } = await startDemo());
});
afterEach(() => {
  h.close();
  removeDir(h.dataDir);
});

const sqlite = () => h.core.database.sqlite;
const counts = () => ({
  audit: sqlite().prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
  outbox: sqlite().prepare('SELECT count(*) FROM outbox').pluck().get() as number,
});
const lastOutbox = () => {
  const row = sqlite().prepare('SELECT kind, idempotency_key AS key, payload_json AS payload FROM outbox ORDER BY id DESC LIMIT 1').get() as { kind: string; key: string; payload: string };
  return { kind: row.kind, key: row.key, payload: JSON.parse(row.payload) as { table: string; row: Record<string, unknown> } };
};
const topUp = (input: Record<string, unknown> = {}) => value(admin.call<ListResponse<TopUpRow>>('accounts.forTopUp', input));
const seedColumns = (r: TopUpRow) => [r.customerNo, r.customerName, r.meterNo, r.meterType, r.pricePerUnit, r.currency, r.taxBp];

async function find<T>(channel: string, search: string, pick: (row: T) => boolean = () => true): Promise<T> {
  // L1's libraries list inactive rows anyway; L2's are asked for them
  const request = channel.startsWith('meters.') || channel.startsWith('prices.') ? { search } : { search, showInactive: true };
  const rows = (await value(admin.call<ListResponse<T>>(channel, request))).rows.filter(pick);
  const row = rows[0];
  if (!row) throw new Error(`${channel}: nothing for "${search}"`);
  return row;
}

describe('the Top-up query over the demo (the seed manual made valid)', () => {
  it("returns the seed's columns, by meter number as the seed's grid, with the ids a vend needs", async () => {
    const page = await topUp();
    expect(page).toMatchObject({ total: 10, page: 1, pageSize: 20, pageCount: 1 });
    expect(page.rows.map((r) => r.meterNo)).toEqual(DEMO_METERS.map((m) => m.meterNo).sort());
    // the manual's Top-up grid after Refresh, row by row
    const byMeter = new Map(page.rows.map((r) => [r.meterNo, r]));
    const seed = ['58000000065', '58000000099', '58000009181', '58000807915', '58009000181'].map((no) => byMeter.get(no));
    expect(seed.map((r) => (r ? seedColumns(r) : null))).toEqual([
      ['0001', 'Lili', '58000000065', 'electricity', 10_000, 'USD', 1300],
      ['0002', 'Bule', '58000000099', 'electricity', 10_000, 'USD', 1300],
      ['0005', 'Kuti', '58000009181', 'electricity', 10_000, 'CNY', 10],
      ['0005', 'Kuti', '58000807915', 'water', 10_000, 'USD', 1300],
      ['0004', 'Linda', '58009000181', 'solar-kit', 10_000, 'USD', 1300],
    ]);
    const first = page.rows[0];
    expect(first).toMatchObject({ accountNo: '0001', accountVersion: 1, priceVersion: 1, vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible', maxOverdraftTenths: null });
    const meter = await value(admin.call<MeterDetail>('meters.get', { id: first?.meterId }));
    const price = await value(admin.call<PriceRow>('prices.get', { id: first?.priceId }));
    expect([meter.meterNo, price.name]).toEqual(['58000000065', '1 USD, 13 %']);
  });

  it('searches every column: customer no., name, meter no., meter type, price, currency (as shown) and tax', async () => {
    const search = async (keyword: string) => (await topUp({ search: keyword })).rows.map((r) => `${r.customerNo} ${r.meterNo}`);
    expect(await search('Kuti')).toEqual(['0005 58000009181', '0005 58000807915']);
    expect(await search('linda')).toEqual(['0004 58001855558', '0004 58009000181', '0004 58091801686']);
    expect(await search('58000807915')).toEqual(['0005 58000807915']);
    expect(await search('5800 0807 915')).toEqual(['0005 58000807915']);
    expect(await search('Home Solar Kit')).toEqual(['0004 58009000181']);
    expect(await search('Gas Meter')).toEqual(['0006 58000000354', '0008 58010003182']);
    expect(await search('RMB')).toEqual(['0005 58000009181']);
    expect(await search('CNY')).toEqual(['0005 58000009181']);
    expect(await search('0.1')).toEqual(['0005 58000009181']);
    expect((await search('USD')).length).toBe(9);
    expect((await search('13')).length).toBe(9);
    expect(await search('Test')).toEqual(['0008 58010003182']);
    // "0008" is customer 0008's number, account 0008's number (the demo numbers accounts by meter) and in a meter number
    expect(await search('0008')).toEqual(['0005 58000807915', '0004 58009000181', '0008 58010003182']);
    expect(await search('nobody')).toEqual([]);
  });

  it('pages and sorts with the shared list request', async () => {
    expect((await topUp({ sort: { column: 'customerNo', direction: 'asc' } })).rows.map((r) => r.customerNo)).toEqual(['0001', '0002', '0004', '0004', '0004', '0005', '0005', '0006', '0007', '0008']);
    expect((await topUp({ sort: { column: 'customerName', direction: 'desc' } })).rows[0]?.customerName).toBe('XSD');
    expect((await topUp({ sort: { column: 'meterType', direction: 'asc' } })).rows.map((r) => r.meterType).slice(0, 4)).toEqual(['electricity', 'electricity', 'electricity', 'electricity']);
    expect(await topUp({ page: 3 })).toMatchObject({ page: 1, pageCount: 1, total: 10 });
    expect(await admin.call('accounts.forTopUp', { pageSize: 30 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await admin.call('accounts.forTopUp', { showInactive: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('a station set up from nothing: district, station, customer, account, Top-up; then removal deactivates', () => {
  it('ties a new customer to a new meter and price, sells to it, and keeps it (deactivated) when removed', async () => {
    const district = await value(admin.call<DistrictRow>('districts.create', { code: 'D02', name: 'North', description: 'residential zone' }));
    const station = await value(admin.call<StationRow>('stations.create', { code: 'ST02', name: 'North Gate', districtId: district.id, address: 'Plot 4', phone: '+255 700 000 002' }));
    expect(station).toMatchObject({ districtCode: 'D02', districtName: 'North', thisTerminal: false, version: 1 });
    const customer = await value(admin.call<CustomerRow>('customers.create', { customerNo: '0009', name: 'Amina Moyo', phone: '0712 345 678', email: 'amina@example.com', identityNo: 'ID-778', categoryId: 'residential', districtId: district.id }));
    expect(customer).toMatchObject({ customerNo: '0009', name: 'Amina Moyo', categoryName: 'Residential', districtCode: 'D02', active: true });
    const meter = await value(admin.call<MeterDetail>('meters.create', { meterNo: '58000000016', meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', keys: { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } }));
    const choices = await value(admin.call<AccountPriceChoice[]>('accounts.priceChoices', { customerId: customer.id, meterId: meter.id }));
    expect(choices.map((p) => p.name).sort()).toEqual(['1 CNY, 0.1 %', '1 USD, 13 %']);
    const price = choices.find((p) => p.name === '1 USD, 13 %');
    const account = await value(admin.call<AccountRow>('accounts.create', { accountNo: '0011', customerId: customer.id, meterId: meter.id, salesStationId: station.id, priceId: price?.id }));
    expect(account).toMatchObject({ accountNo: '0011', customerNo: '0009', meterNo: '58000000016', salesStationCode: 'ST02', priceName: '1 USD, 13 %', listed: true, active: true, version: 1 });

    const sold = await topUp({ search: 'Amina' });
    expect(sold.rows.map((r) => seedColumns(r))).toEqual([['0009', 'Amina Moyo', '58000000016', 'electricity', 10_000, 'USD', 1300]]);
    expect(sold.rows[0]).toMatchObject({ accountId: account.id, meterId: meter.id, priceId: price?.id, priceVersion: price?.version });

    // removing the customer deactivates it: the account stays, pointing at it, and leaves the Top-up Center
    const removed = await value(admin.call<RemoveResult>('customers.remove', { id: customer.id, version: customer.version }));
    expect(removed).toEqual({ outcome: 'deactivated', message: 'The customer 0009 (Amina Moyo) cannot be removed because accounts belong to it; it was deactivated instead.' });
    const kept = await value(admin.call<AccountRow>('accounts.get', { id: account.id }));
    expect(kept).toMatchObject({ customerId: customer.id, customerActive: false, active: true, listed: false });
    expect((await topUp({ search: 'Amina' })).total).toBe(0);
    expect((await value(admin.call<ListResponse<CustomerRow>>('customers.list', { search: 'Amina' }))).total).toBe(0);
    expect((await value(admin.call<ListResponse<CustomerRow>>('customers.list', { search: 'Amina', showInactive: true }))).rows.map((c) => [c.customerNo, c.active])).toEqual([['0009', false]]);

    // the district and station are pointed at too
    expect(await value(admin.call<RemoveResult>('districts.remove', { id: district.id, version: 1 }))).toMatchObject({ outcome: 'deactivated', message: expect.stringContaining('because sales stations are in it and customers live in it') });
    expect(await value(admin.call<RemoveResult>('stations.remove', { id: station.id, version: 1 }))).toMatchObject({ outcome: 'deactivated', message: expect.stringContaining('because accounts belong to it') });
    // an account nothing points at (no sales yet) is removed; then the customer goes too
    expect(await value(admin.call<RemoveResult>('accounts.remove', { id: account.id, version: 1 }))).toEqual({ outcome: 'deleted', message: 'Account 0011 was removed from the library.' });
    const inactive = await value(admin.call<CustomerRow>('customers.get', { id: customer.id }));
    expect(await value(admin.call<RemoveResult>('customers.remove', { id: customer.id, version: inactive.version }))).toMatchObject({ outcome: 'deleted' });
    expect(verifyAuditChain(sqlite())).toMatchObject({ ok: true });
  });

  it("keeps this terminal's own station: neither removed nor deactivated here", async () => {
    const own = await find<StationRow>('stations.list', 'ST01');
    expect(own.thisTerminal).toBe(true);
    expect(await admin.call('stations.remove', { id: own.id, version: own.version })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('the station this terminal sells for') } });
    expect(await admin.call('stations.update', { id: own.id, version: own.version, code: own.code, name: own.name, districtId: own.districtId, active: false })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const renamed = await value(admin.call<StationRow>('stations.update', { id: own.id, version: own.version, code: own.code, name: 'Main Street Kiosk', districtId: own.districtId, phone: '+255 1' }));
    expect(renamed).toMatchObject({ name: 'Main Street Kiosk', version: own.version + 1, thisTerminal: true });
  });

  it('deletes a district, station and customer that nothing points at', async () => {
    const district = await value(admin.call<DistrictRow>('districts.create', { code: 'D03', name: 'East' }));
    const station = await value(admin.call<StationRow>('stations.create', { code: 'ST03', name: 'East', districtId: district.id }));
    const customer = await value(admin.call<CustomerRow>('customers.create', { customerNo: '0100', name: 'Nobody Yet', categoryId: 'commercial', districtId: district.id }));
    expect(await value(admin.call<RemoveResult>('customers.remove', { id: customer.id, version: 1 }))).toMatchObject({ outcome: 'deleted' });
    expect(await value(admin.call<RemoveResult>('stations.remove', { id: station.id, version: 1 }))).toMatchObject({ outcome: 'deleted' });
    expect(await value(admin.call<RemoveResult>('districts.remove', { id: district.id, version: 1 }))).toEqual({ outcome: 'deleted', message: 'The district D03 (East) was removed from the library.' });
    expect(await admin.call('districts.get', { id: district.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('one active account per meter', () => {
  it('refuses a second active account, allows one after the first is deactivated, and refuses reactivating the first', async () => {
    const lili = await find<CustomerRow>('customers.list', 'Lili');
    const first = await find<AccountRow>('accounts.list', '58000000065');
    const price = await find<PriceRow>('prices.list', '1 USD, 13 %', (p) => p.name === '1 USD, 13 %');
    const station = await find<StationRow>('stations.list', 'ST01');
    const second = { accountNo: '0020', customerId: lili.id, meterId: first.meterId, salesStationId: station.id, priceId: price.id };
    const before = counts();
    expect(await admin.call('accounts.create', second)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Meter: meter 58000000065 already has an active account (0001); a meter has one active account. Deactivate that account first, or choose another meter.' },
    });
    expect(counts()).toEqual(before);

    const off = await value(admin.call<AccountRow>('accounts.update', { id: first.id, version: first.version, accountNo: first.accountNo, customerId: first.customerId, meterId: first.meterId, salesStationId: first.salesStationId, priceId: first.priceId, active: false }));
    expect(off).toMatchObject({ active: false, listed: false, version: 2 });
    expect((await topUp({ search: '58000000065' })).total).toBe(0);
    const created = await value(admin.call<AccountRow>('accounts.create', second));
    expect((await topUp({ search: '58000000065' })).rows.map((r) => r.accountNo)).toEqual([created.accountNo]);
    expect(await admin.call('accounts.update', { id: first.id, version: 2, accountNo: first.accountNo, customerId: first.customerId, meterId: first.meterId, salesStationId: first.salesStationId, priceId: first.priceId, active: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already has an active account (0020)') },
    });
  });
});

describe("the price is for the meter's type and the customer's category", () => {
  it('refuses a price of another meter type or category, and offers only the ones that fit', async () => {
    const bule = await find<CustomerRow>('customers.list', 'Bule');
    const meter = await value(admin.call<MeterDetail>('meters.create', { meterNo: '58000000024', meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', keys: { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } }));
    const station = await find<StationRow>('stations.list', 'ST01');
    const water = await find<PriceRow>('prices.list', 'Water', (p) => p.meterType === 'water');
    const commercial = await value(admin.call<PriceRow>('prices.create', { name: 'Commercial 1.5', meterType: 'electricity', categoryId: 'commercial', pricePerUnit: '1.5', currency: 'USD', vatRate: '16' }));
    const account = { accountNo: '0030', customerId: bule.id, meterId: meter.id, salesStationId: station.id };
    expect(await admin.call('accounts.create', { ...account, priceId: water.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Price: the price "1 USD, 13 % (Water Meter)" is for Water Meters, but meter 58000000024 is an Electricity Meter; choose a price for Electricity Meters.' },
    });
    expect(await admin.call('accounts.create', { ...account, priceId: commercial.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Price: the price "Commercial 1.5" is for Commercial customers, but the customer 0002 (Bule) is Residential; choose a price for Residential customers.' },
    });
    const offered = await value(admin.call<AccountPriceChoice[]>('accounts.priceChoices', { customerId: bule.id, meterId: meter.id }));
    expect(offered.map((p) => p.name).sort()).toEqual(['1 CNY, 0.1 %', '1 USD, 13 %']);
    const usd = offered.find((p) => p.name === '1 USD, 13 %');
    expect(await admin.call('accounts.create', { ...account, priceId: usd?.id })).toMatchObject({ ok: true, value: { accountNo: '0030', listed: true } });
  });

  it("keeps the rule true when a customer's category, or a used price's meter type or category, would change", async () => {
    const lili = await find<CustomerRow>('customers.list', 'Lili');
    const { id, version, customerNo, name, districtId } = lili;
    expect(await admin.call('customers.update', { id, version, customerNo, name, districtId, categoryId: 'commercial' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('has active accounts priced for Residential customers (0001)') },
    });
    const price = await find<PriceRow>('prices.list', '1 CNY', (p) => p.currency === 'CNY');
    expect(await admin.call('prices.update', { id: price.id, version: price.version, name: price.name, meterType: 'electricity', categoryId: 'commercial', pricePerUnit: '1', currency: 'CNY', vatRate: '0.1', taxMode: 'vendor-compatible' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('because an account uses it') },
    });
    // an edit that keeps both moves the version as before
    expect(await admin.call('prices.update', { id: price.id, version: price.version, name: price.name, meterType: 'electricity', categoryId: 'residential', pricePerUnit: '1.2', currency: 'CNY', vatRate: '0.1', taxMode: 'vendor-compatible' })).toMatchObject({ ok: true, value: { version: 2 } });
    expect((await topUp({ search: 'RMB' })).rows[0]).toMatchObject({ pricePerUnit: 12_000, priceVersion: 2 });
  });

  it('deactivates (never deletes) a meter or price an account uses, and the account leaves the Top-up Center', async () => {
    const meter = await find<MeterRow>('meters.list', '58000000099');
    expect(await value(admin.call<RemoveResult>('meters.remove', { id: meter.id, version: meter.version }))).toEqual({
      outcome: 'deactivated',
      message: 'Meter 58000000099 cannot be removed because an account uses it; it was deactivated instead.',
    });
    expect((await topUp({ search: 'Bule' })).total).toBe(0);
    const cny = await find<PriceRow>('prices.list', '1 CNY', (p) => p.currency === 'CNY');
    expect(await value(admin.call<RemoveResult>('prices.remove', { id: cny.id, version: cny.version }))).toMatchObject({ outcome: 'deactivated' });
    expect((await topUp({ search: 'Kuti' })).rows.map((r) => r.meterNo)).toEqual(['58000807915']);
    const kuti = await find<AccountRow>('accounts.list', '58000009181');
    expect(kuti).toMatchObject({ active: true, listed: false, priceActive: false });
  });
});

describe('every change writes an audit row and an outbox row with the new version', () => {
  it('customers and accounts: create, update, deactivate, delete', async () => {
    const district = await find<DistrictRow>('districts.list', 'D01');
    let before = counts();
    const customer = await value(admin.call<CustomerRow>('customers.create', { customerNo: '000123', name: ' Grace   Banda ', categoryId: 'residential', districtId: district.id }));
    expect([customer.customerNo, customer.name]).toEqual(['000123', 'Grace Banda']);
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    let out = lastOutbox();
    expect([out.kind, out.key]).toEqual(['master.upsert', `customers:${customer.id}:1`]);
    expect(out.payload).toMatchObject({ table: 'customers', row: { id: customer.id, customer_no: '000123', name: 'Grace Banda', version: 1, active: 1 } });
    expect(out.payload.row).not.toHaveProperty('search_seq');

    before = counts();
    const edited = await value(admin.call<CustomerRow>('customers.update', { id: customer.id, version: 1, customerNo: '000123', name: 'Grace Banda', phone: '0788 000 111', categoryId: 'residential', districtId: district.id }));
    expect(edited.version).toBe(2);
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(lastOutbox().key).toBe(`customers:${customer.id}:2`);
    // an edit that changes nothing writes nothing and keeps the version
    before = counts();
    expect(await value(admin.call<CustomerRow>('customers.update', { id: customer.id, version: 2, customerNo: '000123', name: 'Grace Banda', phone: '0788 000 111', categoryId: 'residential', districtId: district.id }))).toMatchObject({ version: 2 });
    expect(counts()).toEqual(before);
    expect(await admin.call('customers.update', { id: customer.id, version: 1, customerNo: '000123', name: 'Late', categoryId: 'residential', districtId: district.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const meter = await value(admin.call<MeterDetail>('meters.create', { meterNo: '58000000032', meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', keys: { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } }));
    const price = await find<PriceRow>('prices.list', '1 USD, 13 %', (p) => p.name === '1 USD, 13 %');
    const station = await find<StationRow>('stations.list', 'ST01');
    before = counts();
    const account = await value(admin.call<AccountRow>('accounts.create', { accountNo: '0040', customerId: customer.id, meterId: meter.id, salesStationId: station.id, priceId: price.id }));
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    out = lastOutbox();
    expect([out.kind, out.key]).toEqual(['master.upsert', `accounts:${account.id}:1`]);
    expect(out.payload).toMatchObject({ table: 'accounts', row: { account_no: '0040', customer_id: customer.id, meter_id: meter.id, sales_station_id: station.id, price_id: price.id, max_overdraft_tenths: null } });
    expect(Object.keys(out.payload.row)).not.toContain('listed');
    expect(Object.keys(out.payload.row)).not.toContain('search_seq');

    before = counts();
    expect(await value(admin.call<RemoveResult>('customers.remove', { id: customer.id, version: 2 }))).toMatchObject({ outcome: 'deactivated' });
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(lastOutbox()).toMatchObject({ kind: 'master.upsert', key: `customers:${customer.id}:3`, payload: { row: { active: 0 } } });
    before = counts();
    expect(await value(admin.call<RemoveResult>('accounts.remove', { id: account.id, version: 1 }))).toMatchObject({ outcome: 'deleted' });
    expect(counts()).toEqual({ audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(lastOutbox()).toMatchObject({ kind: 'master.delete', key: `accounts:${account.id}:2`, payload: { table: 'accounts', row: { id: account.id, version: 2 } } });
    const audit = sqlite().prepare("SELECT action FROM audit_log WHERE action LIKE 'customers.%' OR action LIKE 'accounts.%' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['customers.create', 'customers.update', 'accounts.create', 'customers.deactivate', 'accounts.remove']);
    expect(verifyAuditChain(sqlite())).toMatchObject({ ok: true });
  });

  it('refuses what breaks the rules with a sentence naming the field, and writes nothing', async () => {
    const district = await find<DistrictRow>('districts.list', 'D01');
    const before = counts();
    const customer = (fields: Record<string, unknown>) => admin.call('customers.create', { customerNo: '0200', name: 'Ruth', categoryId: 'residential', districtId: district.id, ...fields });
    expect(await customer({ customerNo: '00 12' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Customer No.: A customer number is 1 to 20 letters, digits or dashes, such as 0001.' } });
    expect(await customer({ customerNo: '0001' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Customer No.: customer 0001 (Lili) already has this number; choose another number.' } });
    expect(await customer({ email: 'ruth@' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^Email: /) } });
    expect(await customer({ categoryId: 'martian' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^Customer category: /) } });
    expect(await customer({ districtId: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'District: the chosen district is no longer in the library; choose it again.' } });
    expect(await admin.call('districts.create', { code: 'd01', name: 'Copy' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already has the code D01') } });
    expect(await admin.call('stations.create', { code: 'ST01', name: 'Copy', districtId: district.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await admin.call('accounts.create', { accountNo: '0001', customerId: 'c', meterId: 'm', salesStationId: 's', priceId: 'p' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Account No\.: account 0001 already exists/) } });
    expect(counts()).toEqual(before);
  });
});
