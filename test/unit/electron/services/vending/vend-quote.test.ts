import { describe, expect, it } from 'vitest';
import type { MeterRecord } from '../../../../../electron/db/repos/meters-repo';
import type { PriceRecord } from '../../../../../electron/db/repos/prices-repo';
import { ceilingMinor, parseUnitsText, quoteVend, type QuoteContext, type VendAccount } from '../../../../../electron/services/vending/vend-quote';
import { AppFailure } from '../../../../../shared/errors/result';

const account: VendAccount = {
  id: 'acc-1', accountNo: 'A0001', active: true, customerId: 'cus-1', customerNo: '0001', customerName: 'Lili',
  customerAddress: '1 Main Street', customerActive: true, meterId: 'met-1', priceId: 'pri-1',
};
const keys = { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' } as const;
const meter: MeterRecord = {
  id: 'met-1', stationId: 's', createdAt: '2026-01-01T00:00:00Z', version: 1, updatedAt: '2026-01-01T00:00:00Z', active: true,
  meterNo: '58000000065', meterType: 'electricity', profileId: 'p', profileName: 'P', scheme: 'STS', keys, pendingKeys: null, kit: null,
};
const kit: MeterRecord = { ...meter, id: 'kit-1', meterNo: '58009000181', meterType: 'solar-kit', scheme: 'OpenPAYGO', keys: null, kit: { startingCode: '516959010', count: 1, secretSet: true } };
const price: PriceRecord = {
  id: 'pri-1', stationId: 's', createdAt: '2026-01-01T00:00:00Z', version: 3, updatedAt: '2026-01-01T00:00:00Z', active: true,
  name: '1 USD, 13 %', meterType: 'electricity', categoryId: 'residential', categoryName: 'Residential', pricePerUnit: 10_000,
  currency: 'USD', vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible', minPurchase: 0, maxPurchase: null,
};

const context = (over: Partial<QuoteContext>): QuoteContext => ({ account, meter, price, by: 'money', amount: '10', perVendCeiling: '5000', ...over });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the vend quote', () => {
  it.each([
    ['money', '10', 1000, 87, 130, 870],
    ['money', '20', 2000, 174, 260, 1740],
    ['unit', '1', 113, 10, 13, 100],
  ] as const)('the seed figures: %s %s -> paid %i, %i tenths', (by, amount, paid, units, vat, charge) => {
    const { quote } = quoteVend(context({ by, amount }));
    expect(quote).toMatchObject({ paidMinor: paid, unitsTenths: units, vatMinor: vat, chargeMinor: charge, roundingMinor: 0, unit: 'kWh', priceVersion: 3, customerName: 'Lili', meterNo: '58000000065' });
    expect(quote.levies).toEqual([{ name: 'VAT', rateBp: 1300, amountMinor: vat }]);
  });

  it('floors a solar kit to whole days and shows the rest as rounding', () => {
    const { quote } = quoteVend(context({ meter: kit, price: { ...price, meterType: 'solar-kit' }, amount: '10' }));
    expect(quote).toMatchObject({ unitsTenths: 80, unit: 'days', roundingMinor: 70, scheme: 'OpenPAYGO' });
  });

  it('applies the minimum, the maximum and the per-vend ceiling, naming the limit', () => {
    expect(refusal(() => quoteVend(context({ price: { ...price, minPurchase: 500 }, amount: '4.99' })))).toBe(
      'VALIDATION: The minimum purchase for this price is 5.00 USD; take at least that.',
    );
    expect(refusal(() => quoteVend(context({ price: { ...price, maxPurchase: 10_000 }, amount: '100.01' })))).toMatch(/maximum purchase for this price is 100\.00 USD/);
    expect(refusal(() => quoteVend(context({ amount: '5000.01' })))).toMatch(/per-vend ceiling of this terminal is 5000\.00 USD/);
    expect(quoteVend(context({ amount: '5000' })).quote.paidMinor).toBe(500_000);
    expect(refusal(() => quoteVend(context({ by: 'unit', amount: '5000' })))).toMatch(/per-vend ceiling/);
  });

  it('refuses amounts it cannot read, naming the field', () => {
    expect(refusal(() => quoteVend(context({ amount: '10.001' })))).toMatch(/^VALIDATION: Amount: USD has 2 decimals/);
    expect(refusal(() => quoteVend(context({ by: 'unit', amount: '1.25' })))).toBe('VALIDATION: Amount: units have at most one decimal (0.1 kWh).');
    expect(refusal(() => quoteVend(context({ amount: '0.01' })))).toMatch(/^VALIDATION: Amount: 0\.01 USD buys less than the smallest amount/);
  });

  it('refuses inactive accounts, meters and prices and a price for another meter type', () => {
    expect(refusal(() => quoteVend(context({ account: { ...account, active: false } })))).toMatch(/Account A0001 is inactive/);
    expect(refusal(() => quoteVend(context({ meter: { ...meter, active: false } })))).toMatch(/Meter 58000000065 is inactive/);
    expect(refusal(() => quoteVend(context({ price: { ...price, meterType: 'water' } })))).toMatch(/is for a Water Meter/);
  });

  it('announces the key change a meter with pending keys will get', () => {
    const pending = { ...keys, krn: 2 };
    expect(quoteVend(context({ meter: { ...meter, pendingKeys: pending } })).quote.keyChange).toEqual({
      from: 'SGC 123456, TI 01, KRN 1, KT 2, EA07, DKGA02, base 2014',
      to: 'SGC 123456, TI 01, KRN 2, KT 2, EA07, DKGA02, base 2014',
      rollover: false,
      tokens: 2,
    });
  });

  it('reads units and the ceiling without floats', () => {
    expect(parseUnitsText('8.7', 'kWh')).toEqual({ ok: true, tenths: 87n });
    expect(parseUnitsText('1,000', 'kWh')).toEqual({ ok: true, tenths: 10_000n });
    expect(parseUnitsText('5.', 'kWh')).toEqual({ ok: true, tenths: 50n });
    expect(ceilingMinor('5000', 2)).toBe(500_000n);
    expect(ceilingMinor('0.0625', 2)).toBe(6n);
    expect(ceilingMinor('12', 0)).toBe(12n);
    expect(ceilingMinor('1.5', 3)).toBe(1500n);
  });
});
