import { describe, expect, it } from 'vitest';
import { purchaseLimitProblem, quoteByMoney, quoteByUnit, type PriceTerms, type Quote, type QuoteTarget } from '../../../../shared/money';

const KWH: QuoteTarget = { scheme: 'STS', unit: 'kWh' };
const DAYS: QuoteTarget = { scheme: 'OpenPAYGO', unit: 'days' };
/** The seed's price: 1 USD per kWh with 13 % tax, in the vendor-compatible mode. */
const SEED_USD: PriceTerms = { currency: 'USD', pricePerUnit: 10_000, vatBp: 1300, exciseBp: 0, taxMode: 'vendor-compatible' };
const INCLUSIVE_USD: PriceTerms = { ...SEED_USD, taxMode: 'tax-inclusive' };

function ok(result: ReturnType<typeof quoteByMoney>): Quote {
  if (!result.ok) throw new Error(`expected a quote, got ${result.problem}: ${result.message}`);
  return result.quote;
}

describe('the seed manual figures (vendor-compatible mode)', () => {
  it('10 USD at 1 USD/kWh and 13 % buys 8.7 kWh', () => {
    expect(ok(quoteByMoney(SEED_USD, 1000, KWH))).toEqual({
      by: 'money', currency: 'USD', taxMode: 'vendor-compatible', paid: 1000n, levies: { vat: 130n, excise: 0n },
      chargeValue: 870n, units: 87n, rounding: 0n, unit: 'kWh',
    });
  });

  it('20 USD buys 17.4 kWh', () => {
    const q = ok(quoteByMoney(SEED_USD, 2000, KWH));
    expect([q.units, q.levies.vat, q.chargeValue, q.rounding]).toEqual([174n, 260n, 1740n, 0n]);
  });

  it('1 kWh costs 1.13 USD', () => {
    expect(ok(quoteByUnit(SEED_USD, 10, KWH))).toEqual({
      by: 'unit', currency: 'USD', taxMode: 'vendor-compatible', paid: 113n, levies: { vat: 13n, excise: 0n },
      chargeValue: 100n, units: 10n, rounding: 0n, unit: 'kWh',
    });
  });
});

describe('the float traps of reliability.md section 0, item 7', () => {
  it('3 kWh costs exactly 3.39 USD (3 x 1 x 1.13 is 3.3899999999999997 in floats)', () => {
    const q = ok(quoteByUnit(SEED_USD, 30, KWH));
    expect([q.paid, q.levies.vat, q.chargeValue, q.units]).toEqual([339n, 39n, 300n, 30n]);
  });

  it('57 USD buys 49.5 kWh with a 0.09 USD rounding amount (57 x 0.87 is 49.589999999999996 in floats)', () => {
    const q = ok(quoteByMoney(SEED_USD, 5700, KWH));
    expect([q.units, q.rounding, q.levies.vat, q.chargeValue]).toEqual([495n, 9n, 741n, 4959n]);
  });

  it('every whole-dollar amount 1-999 gives the exact decimal result', () => {
    for (let dollars = 1; dollars <= 999; dollars++) {
      const q = ok(quoteByMoney(SEED_USD, dollars * 100, KWH));
      // 0.87 kWh per dollar: dollars x 87 hundredths of a kWh, floored to tenths.
      expect(q.units).toBe(BigInt(Math.floor((dollars * 87) / 10)));
      expect(q.rounding).toBe(BigInt((dollars * 87) % 10));
    }
  });
});

describe('the token resolution above 1638.4 kWh', () => {
  it('2000 USD at 1 USD/kWh and 13 % buys 1739.4 kWh (the largest a token carries not above 1740.0) with 0.60 USD rounding', () => {
    const q = ok(quoteByMoney(SEED_USD, 200_000, KWH));
    expect([q.paid, q.levies.vat, q.chargeValue, q.units, q.rounding]).toEqual([200_000n, 26_000n, 174_000n, 17_394n, 60n]);
  });

  it('by unit, a request between carried values is floored to what the token carries', () => {
    const q = ok(quoteByUnit(SEED_USD, 17_400, KWH));
    expect(q.units).toBe(17_394n);
    expect(q.paid).toBe(196_552n); // 1739.4 x 1.13 = 1965.522 USD
  });

  it('refuses more than one token can carry, and amounts that buy nothing', () => {
    const huge = quoteByMoney({ ...SEED_USD, pricePerUnit: 1 }, 100_000_000, KWH);
    expect(huge).toMatchObject({ ok: false, problem: 'ABOVE_TOKEN_MAXIMUM' });
    expect(quoteByMoney(SEED_USD, 5, KWH)).toMatchObject({ ok: false, problem: 'NOTHING_BOUGHT' });
    expect(quoteByUnit(SEED_USD, 18_201_625, KWH)).toMatchObject({ ok: false, problem: 'ABOVE_TOKEN_MAXIMUM' });
    expect(quoteByUnit(SEED_USD, 0, KWH)).toMatchObject({ ok: false, problem: 'NOTHING_BOUGHT' });
  });
});

describe('the tax-inclusive mode (the default for new prices)', () => {
  it('11.30 USD buys 10.0 kWh with 1.30 VAT; 10 kWh costs 11.30 USD', () => {
    const byMoney = ok(quoteByMoney(INCLUSIVE_USD, 1130, KWH));
    expect([byMoney.units, byMoney.levies.vat, byMoney.chargeValue, byMoney.rounding]).toEqual([100n, 130n, 1000n, 0n]);
    const byUnit = ok(quoteByUnit(INCLUSIVE_USD, 100, KWH));
    expect({ ...byUnit, by: 'money' }).toEqual(byMoney);
  });

  it('10 USD buys 8.8 kWh: E = 8.849557..., VAT 1.15, charge 8.85, rounding 0.05', () => {
    const q = ok(quoteByMoney(INCLUSIVE_USD, 1000, KWH));
    expect([q.units, q.levies.vat, q.chargeValue, q.rounding]).toEqual([88n, 115n, 885n, 5n]);
  });

  it('by unit rounds the payment up: the smallest amount that buys the units', () => {
    const q = ok(quoteByUnit(INCLUSIVE_USD, 1, KWH)); // 0.1 kWh x 1.13 = 0.113 USD -> 0.12 USD
    expect(q.paid).toBe(12n);
    expect(ok(quoteByMoney(INCLUSIVE_USD, 12, KWH)).units).toBe(1n);
    expect(quoteByMoney(INCLUSIVE_USD, 11, KWH)).toMatchObject({ ok: false, problem: 'NOTHING_BOUGHT' });
  });

  it('splits VAT and excise, each half-up, and the lines add up', () => {
    const price: PriceTerms = { currency: 'USD', pricePerUnit: 12_345, vatBp: 1500, exciseBp: 250, taxMode: 'tax-inclusive' };
    const q = ok(quoteByMoney(price, 10_000, KWH));
    // E = 100 / 1.175 = 85.106382...; VAT = 12.765957 -> 12.77; excise = 2.127659 -> 2.13; units = 85.106/1.2345 = 68.94 -> 68.9
    expect([q.levies.vat, q.levies.excise, q.chargeValue, q.units]).toEqual([1277n, 213n, 8510n, 689n]);
    // rounding = 85.106382 - 68.9 x 1.2345 (= 85.05705) = 0.04933 -> 0.05
    expect(q.rounding).toBe(5n);
  });
});

describe('currencies, schemes and limits', () => {
  it('uses the currency minor digits: JPY has none, KWD has three', () => {
    const jpy = ok(quoteByMoney({ currency: 'JPY', pricePerUnit: 250_000, vatBp: 1000, exciseBp: 0, taxMode: 'vendor-compatible' }, 1000, KWH));
    expect([jpy.levies.vat, jpy.chargeValue, jpy.units, jpy.rounding]).toEqual([100n, 900n, 360n, 0n]); // 900 JPY at 25 JPY/kWh = 36.0 kWh
    const kwd = ok(quoteByUnit({ currency: 'KWD', pricePerUnit: 123, vatBp: 500, exciseBp: 0, taxMode: 'vendor-compatible' }, 1000, KWH));
    expect(kwd.paid).toBe(1292n); // 100 kWh x 0.0123 x 1.05 = 1.2915 KWD -> 1.292
  });

  it('the seed CNY price (1 CNY, 0.1 %): 10 CNY buys 9.9 kWh with 0.09 rounding and a 0.01 levy', () => {
    const q = ok(quoteByMoney({ currency: 'CNY', pricePerUnit: 10_000, vatBp: 10, exciseBp: 0, taxMode: 'vendor-compatible' }, 1000, KWH));
    expect([q.levies.vat, q.chargeValue, q.units, q.rounding]).toEqual([1n, 999n, 99n, 9n]);
  });

  it('solar kits (OpenPAYGO) are credited in whole days, at most 995 a code', () => {
    const day: PriceTerms = { currency: 'USD', pricePerUnit: 5000, vatBp: 0, exciseBp: 0, taxMode: 'tax-inclusive' };
    const q = ok(quoteByMoney(day, 1070, DAYS));
    expect([q.units, q.rounding, q.unit]).toEqual([210n, 20n, 'days']);
    expect(ok(quoteByUnit(day, 215, DAYS)).units).toBe(210n);
    expect(quoteByMoney(day, 50_000, DAYS)).toMatchObject({ ok: false, problem: 'ABOVE_TOKEN_MAXIMUM' });
  });

  it('names the purchase limit that is broken', () => {
    expect(purchaseLimitProblem(500, 'USD', 1000, null)).toBe('The minimum purchase for this price is 10.00 USD; take at least that.');
    expect(purchaseLimitProblem(5000_01, 'USD', 0, 5000_00)).toMatch(/maximum purchase for this price is 5000.00 USD/);
    expect(purchaseLimitProblem(1000, 'USD', 1000, 1000)).toBeNull();
  });

  it('refuses programming errors: floats, unknown currencies, impossible rates', () => {
    expect(() => quoteByMoney(SEED_USD, 10.5, KWH)).toThrow(RangeError);
    expect(() => quoteByMoney({ ...SEED_USD, currency: 'XXX' }, 100, KWH)).toThrow(RangeError);
    expect(() => quoteByMoney({ ...SEED_USD, pricePerUnit: 0 }, 100, KWH)).toThrow(RangeError);
    expect(() => quoteByMoney({ ...SEED_USD, vatBp: 6000, exciseBp: 4000 }, 100, KWH)).toThrow(RangeError);
  });
});
