import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteByMoney, quoteByUnit, type PriceTerms, type QuoteResult, type QuoteTarget, type TaxMode } from '../../../../shared/money';

/**
 * R18: a property test over 0.01-10,000.00 and tax rates 0-30 %, against a reference written here with BigInt
 * fractions, independently of shared/money (its own fraction type, its own band table, its own rounding).
 */
class Fraction {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d = 1n) {
    if (d === 0n) throw new Error('zero denominator');
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n < 0n ? -n : n, d < 0n ? -d : d) || 1n;
    this.n = (sign * n) / g;
    this.d = (sign * d) / g;
  }
  plus(o: Fraction): Fraction { return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d); }
  minus(o: Fraction): Fraction { return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d); }
  times(o: Fraction): Fraction { return new Fraction(this.n * o.n, this.d * o.d); }
  over(o: Fraction): Fraction { return new Fraction(this.n * o.d, this.d * o.n); }
  floor(): bigint { const q = this.n / this.d; return this.n < 0n && q * this.d !== this.n ? q - 1n : q; }
  ceil(): bigint { return -new Fraction(-this.n, this.d).floor(); }
  /** Half-up: floor(x + 1/2). */
  round(): bigint { return this.plus(new Fraction(1n, 2n)).floor(); }
  le(o: Fraction): boolean { return this.n * o.d <= o.n * this.d; }
}
function gcd(a: bigint, b: bigint): bigint { return b === 0n ? a : gcd(b, a % b); }
const F = (n: bigint | number, d: bigint | number = 1n) => new Fraction(BigInt(n), BigInt(d));

/** Every value an STS token carries is offset + k*step inside one of four bands (sts-spec.md section 3). */
const BANDS = [[0n, 1n], [16_384n, 10n], [180_224n, 100n], [1_818_624n, 1000n]] as const;
const STS_MAX = 18_201_624n;
function refCarried(tenths: bigint, scheme: 'STS' | 'OpenPAYGO'): bigint {
  if (scheme === 'OpenPAYGO') return tenths >= 9950n ? 9950n : tenths - (tenths % 10n);
  let best = 0n;
  for (const [offset, step] of BANDS) {
    if (tenths < offset) continue;
    let k = (tenths - offset) / step;
    if (k > 16_383n) k = 16_383n;
    const candidate = offset + k * step;
    if (candidate <= tenths && candidate > best) best = candidate;
  }
  return best;
}
const refMax = (scheme: 'STS' | 'OpenPAYGO') => (scheme === 'STS' ? STS_MAX : 9950n);

type Ref = { ok: false } | { ok: true; paid: bigint; vat: bigint; excise: bigint; charge: bigint; units: bigint; rounding: bigint };

/** The written rules of shared/money/index.ts, one line each. */
function refByMoney(price: Price, paid: bigint, scheme: 'STS' | 'OpenPAYGO'): Ref {
  const D = 10n ** BigInt(price.digits);
  const unitCost = F(BigInt(price.p) * D, 10_000n); // minor units per unit
  const v = F(price.v, 10_000n);
  const x = F(price.x, 10_000n);
  const M = F(paid);
  const E = price.mode === 'vendor-compatible' ? M.times(F(1).minus(v).minus(x)) : M.over(F(1).plus(v).plus(x));
  const vatExact = price.mode === 'vendor-compatible' ? M.times(v) : E.times(v);
  const exciseExact = price.mode === 'vendor-compatible' ? M.times(x) : E.times(x);
  const exactTenths = E.over(unitCost).times(F(10)).floor();
  if (exactTenths > refMax(scheme)) return { ok: false };
  const units = refCarried(exactTenths, scheme);
  if (units === 0n) return { ok: false };
  const vat = vatExact.round();
  const excise = exciseExact.round();
  const rounding = E.minus(F(units, 10).times(unitCost)).round();
  return { ok: true, paid, vat, excise, charge: paid - vat - excise, units, rounding };
}

function refByUnit(price: Price, requested: bigint, scheme: 'STS' | 'OpenPAYGO'): Ref {
  if (requested > refMax(scheme)) return { ok: false };
  const units = refCarried(requested, scheme);
  if (units === 0n) return { ok: false };
  const D = 10n ** BigInt(price.digits);
  const cost = F(units, 10).times(F(BigInt(price.p) * D, 10_000n));
  const factor = F(1).plus(F(price.v, 10_000n)).plus(F(price.x, 10_000n));
  if (price.mode === 'tax-inclusive') return refByMoney(price, cost.times(factor).ceil(), scheme);
  const paid = cost.times(factor).round();
  const vat = cost.times(F(price.v, 10_000n)).round();
  const excise = cost.times(F(price.x, 10_000n)).round();
  return { ok: true, paid, vat, excise, charge: paid - vat - excise, units, rounding: 0n };
}

type Price = { p: number; v: number; x: number; mode: TaxMode; currency: string; digits: number };
const terms = (p: Price): PriceTerms => ({ currency: p.currency, pricePerUnit: p.p, vatBp: p.v, exciseBp: p.x, taxMode: p.mode });
const target = (scheme: 'STS' | 'OpenPAYGO'): QuoteTarget => ({ scheme, unit: scheme === 'STS' ? 'kWh' : 'days' });

function flat(result: QuoteResult): Ref {
  if (!result.ok) return { ok: false };
  const q = result.quote;
  return { ok: true, paid: q.paid, vat: q.levies.vat, excise: q.levies.excise, charge: q.chargeValue, units: q.units, rounding: q.rounding };
}

const priceArb = fc.record({
  // 0.0100 to 100.0000 per unit, with a share of round prices like the seed's "1"
  p: fc.oneof(fc.integer({ min: 100, max: 1_000_000 }), fc.constantFrom(10_000, 5_000, 1_234, 12_345)),
  v: fc.integer({ min: 0, max: 3000 }),
  x: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })),
  mode: fc.constantFrom<TaxMode>('vendor-compatible', 'tax-inclusive'),
  currency: fc.constant('USD'),
  digits: fc.constant(2),
});
const paidArb = fc.integer({ min: 1, max: 1_000_000 }); // 0.01 to 10,000.00 USD
const schemeArb = fc.constantFrom<'STS' | 'OpenPAYGO'>('STS', 'STS', 'STS', 'OpenPAYGO');

describe('quotes against the BigInt reference (0.01-10,000.00 USD, rates 0-30 %)', () => {
  it('by money: every field equals the reference, and the receipt lines add up', () => {
    fc.assert(
      fc.property(priceArb, paidArb, schemeArb, (price, paid, scheme) => {
        const actual = quoteByMoney(terms(price), paid, target(scheme));
        const expected = refByMoney(price, BigInt(paid), scheme);
        expect(flat(actual)).toEqual(expected);
        if (!actual.ok) return;
        const q = actual.quote;
        expect(q.levies.vat + q.levies.excise + q.chargeValue).toBe(q.paid);
        expect(q.rounding >= 0n && q.chargeValue >= 0n).toBe(true);
        expect(refCarried(q.units, scheme)).toBe(q.units);
      }),
      { numRuns: 3000 },
    );
  });

  it('by unit: every field equals the reference', () => {
    fc.assert(
      fc.property(priceArb, fc.integer({ min: 1, max: 200_000 }), schemeArb, (price, units, scheme) => {
        expect(flat(quoteByUnit(terms(price), units, target(scheme)))).toEqual(refByUnit(price, BigInt(units), scheme));
      }),
      { numRuns: 3000 },
    );
  });

  it('tax-inclusive: the unit quote is the exact inverse of the money quote', () => {
    fc.assert(
      fc.property(priceArb.map((p) => ({ ...p, mode: 'tax-inclusive' as const })), paidArb, (price, paid) => {
        const byMoney = quoteByMoney(terms(price), paid, target('STS'));
        if (!byMoney.ok) return;
        const byUnit = quoteByUnit(terms(price), byMoney.quote.units, target('STS'));
        if (!byUnit.ok) throw new Error('the units a payment bought must have a unit quote');
        // the unit quote asks the smallest payment that buys those units: never more than what was paid...
        expect(byUnit.quote.paid <= byMoney.quote.paid).toBe(true);
        // ...its own money quote carries at least those units...
        const back = quoteByMoney(terms(price), byUnit.quote.paid, target('STS'));
        expect(back.ok && back.quote.units >= byMoney.quote.units).toBe(true);
        expect(back.ok && { ...back.quote, by: 'unit' }).toEqual(byUnit.quote);
        // ...and one minor unit less does not.
        const less = quoteByMoney(terms(price), byUnit.quote.paid - 1n, target('STS'));
        expect(!less.ok || less.quote.units < byMoney.quote.units).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('units never exceed what the charge value buys, and the next value a token carries would', () => {
    fc.assert(
      fc.property(priceArb, paidArb, (price, paid) => {
        const r = quoteByMoney(terms(price), paid, target('STS'));
        if (!r.ok) return;
        const q = r.quote;
        const unitCost = F(BigInt(price.p) * 100n, 100_000n); // minor units per tenth
        const spent = F(q.units).times(unitCost);
        const E = F(q.chargeValue + q.levies.vat + q.levies.excise) // = paid
          .times(price.mode === 'vendor-compatible' ? F(10_000 - price.v - price.x, 10_000) : F(10_000, 10_000 + price.v + price.x));
        expect(spent.le(E)).toBe(true);
        if (q.units < STS_MAX) expect(F(nextCarried(q.units)).times(unitCost).le(E)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

function nextCarried(units: bigint): bigint {
  let t = units + 1n;
  while (refCarried(t, 'STS') !== t) t += 1n;
  return t;
}
