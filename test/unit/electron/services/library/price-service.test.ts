import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../../shared/errors/result';
import type { CreatePriceInput } from '../../../../../shared/ipc/library-schemas';
import { openLibraryHarness, type LibraryHarness } from '../../../../support/library-harness';

let h: LibraryHarness;
beforeEach(() => {
  h = openLibraryHarness();
});
afterEach(() => h.sqlite.close());

const SEED: CreatePriceInput = {
  name: '1 USD, 13 %', meterType: 'electricity', categoryId: 'residential', pricePerUnit: '1', currency: 'USD', vatRate: '13',
  exciseRate: '0', taxMode: 'vendor-compatible', minPurchase: '0', maxPurchase: '',
};

function failure(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected an AppFailure');
}

describe('the Price Library', () => {
  it('stores the seed price as integers: 1 USD at 1/10,000, 13 % as 1300 basis points', () => {
    const price = h.prices.create(SEED, 'raymond');
    expect(price).toMatchObject({
      name: '1 USD, 13 %', meterType: 'electricity', categoryId: 'residential', categoryName: 'Residential', pricePerUnit: 10_000, currency: 'USD',
      vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible', minPurchase: 0, maxPurchase: null, version: 1, active: true,
    });
    const cny = h.prices.create({ ...SEED, name: '1 CNY, 0.1 %', currency: 'cny', vatRate: '0.1', minPurchase: '5', maxPurchase: '5000.50' }, 'raymond');
    expect([cny.currency, cny.vatBp, cny.minPurchase, cny.maxPurchase]).toEqual(['CNY', 10, 500, 500_050]);
    const outbox = h.sqlite.prepare('SELECT kind, idempotency_key AS key FROM outbox ORDER BY id').all();
    expect(outbox).toEqual([
      { kind: 'master.upsert', key: `prices:${price.id}:1` },
      { kind: 'master.upsert', key: `prices:${cny.id}:1` },
    ]);
  });

  it('defaults new prices to the tax-inclusive mode', () => {
    const { taxMode: _t, ...withoutMode } = SEED;
    expect(h.prices.create({ ...withoutMode, taxMode: 'tax-inclusive' }, 'r').taxMode).toBe('tax-inclusive');
  });

  it('refuses a price that breaks the rules, naming the field', () => {
    const message = (patch: Partial<CreatePriceInput>) => failure(() => h.prices.create({ ...SEED, ...patch }, 'r')).message;
    expect(message({ pricePerUnit: '1.23456' })).toBe('Price per unit: A price has at most 4 decimals.');
    expect(message({ pricePerUnit: '0' })).toBe('Price per unit: The price must be more than 0.');
    expect(message({ vatRate: '13.125' })).toMatch(/^VAT rate \(%\): A rate has at most 2 decimals/);
    expect(message({ vatRate: '60', exciseRate: '40' })).toBe('Excise rate (%): In the vendor-compatible mode VAT and excise together must be below 100 %.');
    expect(message({ currency: 'XYZ' })).toBe('Currency: Choose a currency from the ISO 4217 list.');
    expect(message({ categoryId: 'martians' })).toBe('Customer category: Choose the customer category this price is for.');
    expect(message({ minPurchase: '10.001' })).toBe('Minimum purchase: USD has 2 decimals: type at most 2 after the point.');
    expect(message({ minPurchase: '10', maxPurchase: '5' })).toBe('Maximum purchase: The maximum purchase must not be below the minimum purchase.');
    expect(message({ name: '  ' })).toMatch(/^Name: Type a name/);
    h.prices.create(SEED, 'r');
    const dup = failure(() => h.prices.create({ ...SEED, name: '1 usd, 13 %' }, 'r'));
    expect([dup.code, dup.message]).toEqual(['CONFLICT', 'Name: a price named "1 usd, 13 %" already exists; choose another name.']);
    expect(h.count('prices')).toBe(1);
  });

  it('moves the version on every edit, and only when something changed', () => {
    const price = h.prices.create(SEED, 'r');
    const same = h.prices.update({ ...SEED, id: price.id, version: 1, active: true }, 'r');
    expect(same.version).toBe(1);
    const edited = h.prices.update({ ...SEED, id: price.id, version: 1, active: true, pricePerUnit: '1.05' }, 'r');
    expect([edited.version, edited.pricePerUnit]).toEqual([2, 10_500]);
    const again = h.prices.update({ ...SEED, id: price.id, version: 2, active: true, vatRate: '15' }, 'r');
    expect(again.version).toBe(3);
    expect(h.sqlite.prepare('SELECT idempotency_key FROM outbox ORDER BY id').pluck().all()).toEqual([
      `prices:${price.id}:1`, `prices:${price.id}:2`, `prices:${price.id}:3`,
    ]);
    const audit = h.sqlite.prepare("SELECT details_json FROM audit_log WHERE action = 'prices.update' ORDER BY seq").pluck().all() as string[];
    expect(JSON.parse(audit[0] ?? '{}')).toMatchObject({ version: 2, changes: { pricePerUnit: { from: 10_000, to: 10_500 } } });
    expect(failure(() => h.prices.update({ ...SEED, id: price.id, version: 2, active: true }, 'r')).code).toBe('CONFLICT');
  });

  it('removes an unused price, and deactivates one an account uses (the check L2 registers)', () => {
    const unused = h.prices.create(SEED, 'r');
    expect(h.prices.remove({ id: unused.id, version: 1 }, 'r').outcome).toBe('deleted');
    expect(h.sqlite.prepare('SELECT kind FROM outbox ORDER BY id DESC LIMIT 1').pluck().get()).toBe('master.delete');

    h.sqlite.exec('CREATE TABLE planted_accounts (price_id TEXT)');
    h.priceRepo.registerReferenceCheck('it is used by an account', 'SELECT 1 FROM planted_accounts WHERE price_id = ? LIMIT 1');
    const used = h.prices.create(SEED, 'r');
    h.sqlite.prepare('INSERT INTO planted_accounts VALUES (?)').run(used.id);
    expect(h.prices.remove({ id: used.id, version: 1 }, 'r')).toEqual({
      outcome: 'deactivated',
      message: 'The price "1 USD, 13 %" cannot be removed because it is used by an account; it was deactivated instead.',
    });
    expect(h.prices.get(used.id)).toMatchObject({ active: false, version: 2 });
  });

  it('searches names, currencies, categories and meter types, and sorts', () => {
    h.prices.create(SEED, 'r');
    h.prices.create({ ...SEED, name: '1 CNY, 0.1 %', currency: 'CNY', vatRate: '0.1' }, 'r');
    h.prices.create({ ...SEED, name: 'Water 2', meterType: 'water', categoryId: 'commercial', pricePerUnit: '2' }, 'r');
    const list = (search: string) => h.prices.list({ search, page: 1, pageSize: 20, sort: null }).rows.map((r) => r.name);
    expect(list('cny')).toEqual(['1 CNY, 0.1 %']);
    expect(list('water meter')).toEqual(['Water 2']);
    expect(list('commercial')).toEqual(['Water 2']);
    expect(list('13 %')).toEqual(['1 USD, 13 %']);
    expect(list('')).toEqual(['1 CNY, 0.1 %', '1 USD, 13 %', 'Water 2']);
    const byPrice = h.prices.list({ search: '', page: 1, pageSize: 20, sort: { column: 'pricePerUnit', direction: 'desc' } });
    expect(byPrice.rows[0]?.name).toBe('Water 2');
  });
});
