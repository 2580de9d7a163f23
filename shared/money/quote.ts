import { assertNever } from '../errors/result';
import { currencyInfo } from '../format/currencies';
import { formatAmount } from '../format/money';
import { formatUnitsNumber } from '../format/units';
import { floorToCarriable, maxCarriableTenths, type TokenScheme } from './carriable';
import { BASIS_POINTS, MAX_RATE_BP, PRICE_SCALE } from './decimal-text';
import { divCeil, divFloor, divHalfUp, exactInt, nonNegativeInt, pow10, type Int } from './exact';

/**
 * The quote: what a payment buys, or what units cost, under one price. The rounding rules are listed step by step in
 * ./index.ts; this file is their only implementation.
 *
 * Notation (all integers): M paid in minor units, D = 10^(minor digits of the currency), P the price per unit in
 * 1/10,000 of the major unit, v and x the VAT and excise rates in basis points, U units in tenths. One unit costs
 * P*D/10,000 minor units, so U tenths cost U*P*D/100,000 minor units.
 */
export type TaxMode = 'vendor-compatible' | 'tax-inclusive';
export const TAX_MODES: readonly TaxMode[] = ['vendor-compatible', 'tax-inclusive'];

export interface PriceTerms {
  /** ISO 4217 code; its minor digits come from the currency table. */
  readonly currency: string;
  /** Price of one unit (kWh, m³, day) in 1/10,000 of the major unit: 1 USD/kWh is 10000. */
  readonly pricePerUnit: Int;
  readonly vatBp: Int;
  readonly exciseBp: Int;
  readonly taxMode: TaxMode;
}

export interface QuoteTarget {
  /** The token scheme decides the resolution: STS bands, or whole days for OpenPAYGO. */
  readonly scheme: TokenScheme;
  /** The unit shown with the units: "kWh", "m³", "days". */
  readonly unit: string;
}

export interface Quote {
  readonly by: 'money' | 'unit';
  readonly currency: string;
  readonly taxMode: TaxMode;
  /** What the customer pays, minor units. */
  readonly paid: bigint;
  /** Each levy's amount, minor units. */
  readonly levies: Readonly<{ vat: bigint; excise: bigint }>;
  /** paid - VAT - excise, minor units: the money that buys units. */
  readonly chargeValue: bigint;
  /** Tenths of the unit, exactly what the token carries. */
  readonly units: bigint;
  /** Money (net of levies, minor units) that bought units below the token's resolution. */
  readonly rounding: bigint;
  readonly unit: string;
}

export type QuoteProblem = 'NOTHING_BOUGHT' | 'ABOVE_TOKEN_MAXIMUM';
export type QuoteResult = { ok: true; quote: Quote } | { ok: false; problem: QuoteProblem; message: string };

interface Terms {
  currency: string;
  d: bigint;
  p: bigint;
  v: bigint;
  x: bigint;
  mode: TaxMode;
}

function readTerms(price: PriceTerms): Terms {
  const info = currencyInfo(price.currency);
  if (!info) throw new RangeError(`${price.currency} is not an ISO 4217 currency this till knows`);
  const p = exactInt(price.pricePerUnit, 'price per unit');
  if (p <= 0n) throw new RangeError('the price per unit must be more than 0');
  const v = nonNegativeInt(price.vatBp, 'VAT rate');
  const x = nonNegativeInt(price.exciseBp, 'excise rate');
  if (v > MAX_RATE_BP || x > MAX_RATE_BP) throw new RangeError('a levy rate is at most 100 %');
  if (price.taxMode === 'vendor-compatible' && v + x >= BASIS_POINTS) {
    throw new RangeError('in the vendor-compatible mode the levies together must be below 100 %');
  }
  return { currency: info.code, d: pow10(info.minorDigits), p, v, x, mode: price.taxMode };
}

/** A fraction num/den of minor units, den > 0. */
type Exact = { num: bigint; den: bigint };

/** Tenths per minor unit: a minor unit buys 100,000 / (P*D) tenths. */
function tenthsFor(charge: Exact, t: Terms): Exact {
  return { num: charge.num * PRICE_SCALE * 10n, den: charge.den * t.p * t.d };
}

function costOf(units: bigint, t: Terms): Exact {
  return { num: units * t.p * t.d, den: PRICE_SCALE * 10n };
}

/** half-up(a - b) for two exact amounts, a >= b. */
function halfUpDifference(a: Exact, b: Exact): bigint {
  return divHalfUp(a.num * b.den - b.num * a.den, a.den * b.den);
}

function tooLarge(target: QuoteTarget): QuoteResult {
  const max = maxCarriableTenths(target.scheme);
  return {
    ok: false,
    problem: 'ABOVE_TOKEN_MAXIMUM',
    message: `This is more than one token can carry (${formatUnitsNumber(max)} ${target.unit}); sell it as several smaller amounts.`,
  };
}

/**
 * The quote for a payment of `paidMinor` minor units.
 * Vendor-compatible: units = paid x (1 - levies) / price (the seed: 10 USD at 1 USD/kWh and 13 % -> 8.7 kWh).
 * Tax-inclusive: units = paid / (price x (1 + levies)).
 * @throws RangeError for programming errors (negative or fractional amounts, an unknown currency, bad rates).
 */
export function quoteByMoney(price: PriceTerms, paidMinor: Int, target: QuoteTarget): QuoteResult {
  const t = readTerms(price);
  const m = nonNegativeInt(paidMinor, 'amount paid');
  return byMoney(t, m, target, 'money');
}

function byMoney(t: Terms, m: bigint, target: QuoteTarget, by: Quote['by']): QuoteResult {
  const levyTotal = t.v + t.x;
  // Step 1: the exact charge value E (minor units, a fraction) and each levy's exact amount.
  let charge: Exact;
  let vatExact: Exact;
  let exciseExact: Exact;
  switch (t.mode) {
    case 'vendor-compatible':
      charge = { num: m * (BASIS_POINTS - levyTotal), den: BASIS_POINTS };
      vatExact = { num: m * t.v, den: BASIS_POINTS };
      exciseExact = { num: m * t.x, den: BASIS_POINTS };
      break;
    case 'tax-inclusive':
      charge = { num: m * BASIS_POINTS, den: BASIS_POINTS + levyTotal };
      vatExact = { num: m * t.v, den: BASIS_POINTS + levyTotal };
      exciseExact = { num: m * t.x, den: BASIS_POINTS + levyTotal };
      break;
    default:
      return assertNever(t.mode);
  }
  // Step 2: units = the largest value the token carries that is not above the exact units E / price.
  const exactUnits = tenthsFor(charge, t);
  const floored = divFloor(exactUnits.num, exactUnits.den);
  if (floored > maxCarriableTenths(target.scheme)) return tooLarge(target);
  const units = floorToCarriable(floored, target.scheme);
  if (units === 0n) {
    return {
      ok: false,
      problem: 'NOTHING_BOUGHT',
      message: `${formatAmount(m, t.currency)} buys less than the smallest amount a token carries; take a larger amount.`,
    };
  }
  // Step 3: each levy half-up to the minor unit; the charge value is what is left, so the receipt lines add up.
  const vat = divHalfUp(vatExact.num, vatExact.den);
  const excise = divHalfUp(exciseExact.num, exciseExact.den);
  const chargeValue = m - vat - excise;
  // Step 4: the rounding amount: the exact charge value minus the exact cost of the units, half-up.
  const rounding = halfUpDifference(charge, costOf(units, t));
  return {
    ok: true,
    quote: { by, currency: t.currency, taxMode: t.mode, paid: m, levies: { vat, excise }, chargeValue, units, rounding, unit: target.unit },
  };
}

/**
 * The quote for `unitsTenths` tenths of the unit (first floored to what a token carries).
 * Vendor-compatible: paid = units x price x (1 + levies) half-up (the seed: 1 kWh at 1 USD and 13 % -> 1.13 USD).
 * Tax-inclusive: the exact inverse of the money quote: the smallest payment whose money quote carries at least these
 * units, and that payment's quote.
 */
export function quoteByUnit(price: PriceTerms, unitsTenths: Int, target: QuoteTarget): QuoteResult {
  const t = readTerms(price);
  const requested = nonNegativeInt(unitsTenths, 'units');
  if (requested > maxCarriableTenths(target.scheme)) return tooLarge(target);
  const units = floorToCarriable(requested, target.scheme);
  if (units === 0n) {
    return { ok: false, problem: 'NOTHING_BOUGHT', message: `The smallest amount a token carries is more than ${formatUnitsNumber(requested)} ${target.unit}.` };
  }
  const cost = costOf(units, t);
  const levyTotal = t.v + t.x;
  switch (t.mode) {
    case 'vendor-compatible': {
      const paid = divHalfUp(cost.num * (BASIS_POINTS + levyTotal), cost.den * BASIS_POINTS);
      const vat = divHalfUp(cost.num * t.v, cost.den * BASIS_POINTS);
      const excise = divHalfUp(cost.num * t.x, cost.den * BASIS_POINTS);
      return {
        ok: true,
        quote: {
          by: 'unit', currency: t.currency, taxMode: t.mode, paid, levies: { vat, excise }, chargeValue: paid - vat - excise,
          units, rounding: 0n, unit: target.unit,
        },
      };
    }
    case 'tax-inclusive': {
      const paid = divCeil(cost.num * (BASIS_POINTS + levyTotal), cost.den * BASIS_POINTS);
      return byMoney(t, paid, target, 'unit');
    }
    default:
      return assertNever(t.mode);
  }
}

/**
 * The purchase limits of a price, checked against what the customer pays (minor units). Returns the sentence to show,
 * or null when the amount is inside the limits. A null maximum means no maximum.
 */
export function purchaseLimitProblem(paidMinor: Int, currency: string, minMinor: Int, maxMinor: Int | null): string | null {
  const paid = nonNegativeInt(paidMinor, 'amount paid');
  const min = nonNegativeInt(minMinor, 'minimum purchase');
  if (paid < min) return `The minimum purchase for this price is ${formatAmount(min, currency)}; take at least that.`;
  if (maxMinor !== null) {
    const max = nonNegativeInt(maxMinor, 'maximum purchase');
    if (paid > max) return `The maximum purchase for this price is ${formatAmount(max, currency)}; sell it as several smaller amounts.`;
  }
  return null;
}
