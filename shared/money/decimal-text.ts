/**
 * Prices and rates as operators type and read them. Text is parsed digit by digit into integers (never through a
 * float): a price per unit is kept in 1/10,000 of the currency's major unit ("1.2345" -> 12345), a tax rate in basis
 * points ("13" % -> 1300, "0.1" % -> 10). Too many decimals are refused, never rounded away.
 */
import { exactInt, type Int } from './exact';

export const PRICE_SCALE = 10_000n;
export const PRICE_DECIMALS = 4;
export const BASIS_POINTS = 10_000n;
export const RATE_DECIMALS = 2;

/** The largest price per unit accepted: 1,000,000 of the major unit. */
export const MAX_PRICE_PER_UNIT = 1_000_000n * PRICE_SCALE;
/** A single rate is at most 100 %. */
export const MAX_RATE_BP = BASIS_POINTS;

export type ParsedInteger = { ok: true; value: bigint } | { ok: false; problem: string };

type Scaled = { kind: 'ok'; whole: string; fraction: string } | { kind: 'not-a-number' } | { kind: 'too-many-decimals' };

function parseScaled(text: string, decimals: number): Scaled {
  const match = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(text.trim().replace(/,/g, ''));
  if (!match) return { kind: 'not-a-number' };
  const fraction = match[2] ?? match[3] ?? '';
  if (fraction.length > decimals) return { kind: 'too-many-decimals' };
  return { kind: 'ok', whole: match[1] ?? '0', fraction };
}

function toScaled(whole: string, fraction: string, decimals: number): bigint {
  return BigInt(`${whole}${fraction.padEnd(decimals, '0')}`);
}

/** "1", "1.5", "0.0625" -> 1/10,000 units; up to 4 decimals, more than 0 and at most 1,000,000. */
export function parsePricePerUnit(text: string): ParsedInteger {
  const parts = parseScaled(text, PRICE_DECIMALS);
  if (parts.kind === 'not-a-number') return { ok: false, problem: 'Type the price with digits and at most one decimal point, such as 1 or 0.2345.' };
  if (parts.kind === 'too-many-decimals') return { ok: false, problem: `A price has at most ${PRICE_DECIMALS} decimals.` };
  const value = toScaled(parts.whole, parts.fraction, PRICE_DECIMALS);
  if (value <= 0n) return { ok: false, problem: 'The price must be more than 0.' };
  if (value > MAX_PRICE_PER_UNIT) return { ok: false, problem: 'The price must be at most 1000000 per unit.' };
  return { ok: true, value };
}

/** A rate in percent ("13", "0.1", "12.5") -> basis points; up to 2 decimals, 0 to 100 %. */
export function parseRatePercent(text: string): ParsedInteger {
  const parts = parseScaled(text, RATE_DECIMALS);
  if (parts.kind === 'not-a-number') return { ok: false, problem: 'Type the rate in percent with digits, such as 13 or 0.1.' };
  if (parts.kind === 'too-many-decimals') return { ok: false, problem: `A rate has at most ${RATE_DECIMALS} decimals (0.01 %).` };
  const value = toScaled(parts.whole, parts.fraction, RATE_DECIMALS);
  if (value > MAX_RATE_BP) return { ok: false, problem: 'A rate must be at most 100 %.' };
  return { ok: true, value };
}

function trimmedDecimal(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** 10000 -> "1", 12345 -> "1.2345", 15000 -> "1.5" (the seed's grids print the price as "1"). */
export function formatPricePerUnit(value: Int): string {
  return trimmedDecimal(exactInt(value, 'price'), PRICE_DECIMALS);
}

/** 1300 -> "13", 10 -> "0.1", 1250 -> "12.5" (percent, without the sign; the seed prints "Tax (%) 13"). */
export function formatRatePercent(bp: Int): string {
  return trimmedDecimal(exactInt(bp, 'rate'), RATE_DECIMALS);
}
