import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareBinary } from '../../../../../electron/db/repos/accounts-repo';
import { AppFailure } from '../../../../../shared/errors/result';
import type { TopUpRow } from '../../../../../shared/ipc/parties-schemas';
import { meterNumber, openPartiesHarness, TEST_KEYS, type PartiesHarness } from '../../../../support/parties-harness';

let h: PartiesHarness;
beforeEach(() => {
  h = openPartiesHarness();
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

const topUp = (search = '', extra: Partial<{ page: number; sort: { column: 'meterNo' | 'customerNo' | 'customerName' | 'meterType'; direction: 'asc' | 'desc' } }> = {}) =>
  h.parties.accounts.forTopUp({ search, page: extra.page ?? 1, pageSize: 20, sort: extra.sort ?? null });

describe('the plug points later issues use', () => {
  it("V1's sales check keeps an account and a station: they are deactivated, never deleted", () => {
    // V1's sales table stands in as a probe table with the column its check reads
    h.sqlite.exec('CREATE TABLE sales_probe (account_id TEXT, station_id TEXT)');
    h.parties.accountRepo.registerReferenceCheck('sales were made on it', 'SELECT 1 FROM sales_probe WHERE account_id = ? LIMIT 1');
    h.parties.stationRepo.registerReferenceCheck('sales were made at it', 'SELECT 1 FROM sales_probe WHERE station_id = ? LIMIT 1');
    const [sold, unsold] = h.seed(2);
    const station = h.parties.stations.create({ code: 'ST02', name: 'North', districtId: h.districtId, address: '', phone: '' }, 'raymond');
    h.sqlite.prepare('INSERT INTO sales_probe VALUES (?, ?)').run(sold?.accountId, station.id);

    expect(h.parties.accounts.remove({ id: sold?.accountId ?? '', version: 1 }, 'raymond')).toEqual({
      outcome: 'deactivated',
      message: 'Account A00001 cannot be removed because sales were made on it; it was deactivated instead.',
    });
    expect(h.parties.accounts.get(sold?.accountId ?? '')).toMatchObject({ active: false, listed: false, version: 2 });
    expect(h.parties.accounts.remove({ id: sold?.accountId ?? '', version: 2 }, 'raymond')).toMatchObject({ outcome: 'deactivated', message: expect.stringContaining('already inactive') });
    expect(h.parties.accounts.remove({ id: unsold?.accountId ?? '', version: 1 }, 'raymond')).toMatchObject({ outcome: 'deleted' });
    expect(h.parties.stations.remove({ id: station.id, version: 1 }, 'raymond')).toMatchObject({ outcome: 'deactivated', message: expect.stringContaining('because sales were made at it') });
  });

  it("A1's max overdraft: written on the account's version with its audit and outbox rows, in the caller's transaction", () => {
    const [one] = h.seed(1);
    const accountId = one?.accountId ?? '';
    const before = h.count('outbox');
    h.sqlite.transaction(() => h.parties.accounts.applyMaxOverdraft({ accountId, version: 1, tenths: 100, actor: 'raymond', now: '2026-05-01T09:00:00.000Z' }))();
    expect(h.parties.accounts.get(accountId)).toMatchObject({ maxOverdraftTenths: 100, version: 2 });
    expect(h.count('outbox')).toBe(before + 1);
    expect(h.sqlite.prepare('SELECT idempotency_key FROM outbox ORDER BY id DESC LIMIT 1').pluck().get()).toBe(`accounts:${accountId}:2`);
    expect(h.sqlite.prepare("SELECT details_json FROM audit_log WHERE action = 'accounts.maxOverdraft'").pluck().get()).toContain('"to":100');
    expect(topUp('A00001').rows[0]?.maxOverdraftTenths).toBe(100);
    expect(failure(() => h.parties.accounts.applyMaxOverdraft({ accountId, version: 1, tenths: 50, actor: 'raymond', now: 'x' })).code).toBe('CONFLICT');
    expect(failure(() => h.parties.accounts.applyMaxOverdraft({ accountId, version: 2, tenths: -1, actor: 'raymond', now: 'x' })).code).toBe('VALIDATION');
  });

  it("registers L1's checks: a meter or price an account uses is deactivated, and keeps its type and category", () => {
    const [one] = h.seed(1);
    expect(h.meters.remove({ id: one?.meterId ?? '', version: 1 }, 'raymond')).toMatchObject({ outcome: 'deactivated', message: expect.stringContaining('an account uses it') });
    expect(h.prices.remove({ id: h.priceId, version: 1 }, 'raymond')).toMatchObject({ outcome: 'deactivated' });
    expect(topUp().total).toBe(0);
  });
});

describe('the Top-up query', () => {
  it('finds a renamed or renumbered customer by the new name and number only (the search texts follow)', () => {
    const [one] = h.seed(3);
    const customer = h.parties.customers.get(one?.customerId ?? '');
    expect(topUp('Name 1').rows.map((r) => r.customerNo)).toEqual(['C00001']);
    h.parties.customers.update({ ...customer, customerNo: '0777', name: 'Grace Banda', active: true }, 'raymond');
    expect(topUp('Name 1').total).toBe(0);
    expect(topUp('Grace Ban').rows.map((r) => [r.customerNo, r.customerName])).toEqual([['0777', 'Grace Banda']]);
    expect(topUp('0777').rows.map((r) => r.accountNo)).toEqual(['A00001']);
    expect(h.parties.customers.list({ search: 'grace', page: 1, pageSize: 20, sort: null }).total).toBe(1);
  });

  it('answers short keywords and ones with LIKE characters by reading the columns', () => {
    h.seed(12);
    h.parties.customers.create({ customerNo: '50-1', name: '100% Solar_Co', address: '', phone: '', email: '', identityNo: '', categoryId: 'residential', districtId: h.districtId }, 'raymond');
    const customer = h.parties.customerRepo.byCustomerNo('50-1');
    const meter = h.meters.create({ meterNo: meterNumber(999), meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', keys: TEST_KEYS, kit: null }, 'raymond');
    h.parties.accounts.create({ accountNo: 'X1', customerId: customer?.id ?? '', meterId: meter.id, salesStationId: h.stationId, priceId: h.priceId }, 'raymond');
    expect(topUp('%').rows.map((r) => r.customerNo)).toEqual(['50-1']);
    expect(topUp('r_C').rows.map((r) => r.customerNo)).toEqual(['50-1']);
    expect(topUp('X1').rows.map((r) => r.accountNo)).toEqual(['X1']);
    expect(topUp('11').rows.map((r) => r.customerNo).sort()).toEqual(['C00011']);
    expect(h.parties.customers.list({ search: '%', page: 1, pageSize: 20, sort: null }).rows.map((c) => c.customerNo)).toEqual(['50-1']);
  });

  it('gives the same rows whether it sorts the matches or walks an index (more than 5,000 matches)', () => {
    h.seed(5200, { name: (i) => (i % 2 === 0 ? `Even ${i}` : `Odd ${i}`) });
    const all = topUp();
    expect(all.total).toBe(5200);
    expect(all.pageCount).toBe(260);
    // the walk, by meter number: the first page is the 20 smallest meter numbers
    expect(all.rows.map((r) => r.meterNo)).toEqual(Array.from({ length: 20 }, (_, i) => meterNumber(i + 1)));
    const last = topUp('', { page: 260 });
    expect(last.rows.map((r) => r.meterNo).at(-1)).toBe(meterNumber(5200));
    // 2,600 matches: sorted in one pass; the same question past 5,000 matches walks, with the same order and rules
    const odd = topUp('Odd');
    expect(odd.total).toBe(2600);
    const walked = topUp('Electricity');
    expect(walked.total).toBe(5200);
    const byName = topUp('', { sort: { column: 'customerName', direction: 'desc' } });
    expect(byName.rows[0]?.customerName).toBe('Odd 999');
    const sortedOdd = topUp('Odd', { sort: { column: 'customerName', direction: 'desc' } });
    expect(sortedOdd.rows[0]?.customerName).toBe('Odd 999');
    const ascending = (rows: readonly TopUpRow[]) => rows.every((r, i) => i === 0 || (rows[i - 1]?.meterNo ?? '') < r.meterNo);
    expect(ascending(odd.rows) && ascending(walked.rows)).toBe(true);
    // a deactivated customer leaves both paths
    const first = h.parties.customers.get('c-1');
    h.parties.customers.update({ ...first, active: false }, 'raymond');
    expect(topUp().total).toBe(5199);
    expect(topUp('Odd').total).toBe(2599);
    expect(topUp('Electricity').rows[0]?.meterNo).toBe(meterNumber(2));
  });
});

describe('sorting a page of matches as SQLite sorts them', () => {
  it('compares by code point (UTF-8 byte order), also past the Basic Multilingual Plane', () => {
    const words = ['zebra', 'Zebra', 'émile', 'Émile', '\u{1F600} smile', '\uFF21 wide', 'abc', 'ab'];
    const sqliteOrder = h.sqlite.prepare(`SELECT value FROM json_each(?) ORDER BY value`).pluck().all(JSON.stringify(words));
    expect([...words].sort(compareBinary)).toEqual(sqliteOrder);
  });

  it('sorts the few matches in the same order as the walk does (not by locale: capitals, then small letters, then accents)', () => {
    const names = ['Émile Zola', 'Ede Lo', 'Zoe Lo', 'emile lo', 'Èva Lo'];
    h.seed(5001, { name: (i) => names[i % names.length] ?? '' }); // 1,001 "Ede Lo", 1,000 of each other name
    const first = (search: string, page: number) => topUp(search, { page, sort: { column: 'customerName', direction: 'asc' } }).rows[0]?.customerName;
    // no keyword: 5,001 rows, the page walks the name index
    expect([1, 52, 102, 152, 202].map((page) => first('', page))).toEqual(['Ede Lo', 'Zoe Lo', 'emile lo', 'Èva Lo', 'Émile Zola']);
    // "lo": 4,001 matches, sorted here from their search texts
    expect(topUp('lo').total).toBe(4001);
    expect([1, 52, 102, 152].map((page) => first('lo', page))).toEqual(['Ede Lo', 'Zoe Lo', 'emile lo', 'Èva Lo']);
  });
});

describe('remove or deactivate', () => {
  it('a customer with accounts is deactivated and its accounts keep pointing at it; one without is deleted', () => {
    const [one] = h.seed(1);
    expect(h.parties.customers.remove({ id: one?.customerId ?? '', version: 1 }, 'raymond')).toMatchObject({ outcome: 'deactivated' });
    expect(h.parties.accounts.get(one?.accountId ?? '')).toMatchObject({ customerId: one?.customerId, customerActive: false, listed: false, active: true });
    const lone = h.parties.customers.create({ customerNo: '0002', name: 'Lone', address: '', phone: '', email: '', identityNo: '', categoryId: 'residential', districtId: h.districtId }, 'raymond');
    expect(h.parties.customers.remove({ id: lone.id, version: 1 }, 'raymond')).toMatchObject({ outcome: 'deleted' });
    expect(h.count('customers', 'id = ?', lone.id)).toBe(0);
  });

  it('refuses an edit or removal made on an older version', () => {
    const district = h.parties.districts.create({ code: 'D02', name: 'North', description: '' }, 'raymond');
    h.parties.districts.update({ id: district.id, version: 1, code: 'D02', name: 'North Zone', description: '', active: true }, 'raymond');
    expect(failure(() => h.parties.districts.update({ id: district.id, version: 1, code: 'D02', name: 'Late', description: '', active: true }, 'raymond')).code).toBe('CONFLICT');
    expect(failure(() => h.parties.districts.remove({ id: district.id, version: 1 }, 'raymond')).code).toBe('CONFLICT');
    expect(h.parties.districts.remove({ id: district.id, version: 2 }, 'raymond')).toMatchObject({ outcome: 'deleted' });
  });

  it('a customer or station cannot move to an inactive district', () => {
    const district = h.parties.districts.create({ code: 'D02', name: 'North', description: '' }, 'raymond');
    h.parties.districts.update({ id: district.id, version: 1, code: 'D02', name: 'North', description: '', active: false }, 'raymond');
    const form = { customerNo: '0009', name: 'Ruth', address: '', phone: '', email: '', identityNo: '', categoryId: 'residential', districtId: district.id };
    expect(failure(() => h.parties.customers.create(form, 'raymond')).message).toBe('District: the district D02 (North) is inactive; choose an active district.');
    expect(failure(() => h.parties.stations.create({ code: 'ST09', name: 'X', districtId: district.id, address: '', phone: '' }, 'raymond')).code).toBe('VALIDATION');
  });

  it('hides inactive rows unless the list request asks for them', () => {
    const district = h.parties.districts.create({ code: 'D02', name: 'North', description: '' }, 'raymond');
    h.parties.districts.update({ id: district.id, version: 1, code: 'D02', name: 'North', description: '', active: false }, 'raymond');
    const list = (showInactive: boolean) => h.parties.districts.list({ search: '', page: 1, pageSize: 20, sort: null, showInactive }).rows.map((d) => d.code);
    expect(list(false)).toEqual(['D01']);
    expect(list(true)).toEqual(['D01', 'D02']);
  });
});
