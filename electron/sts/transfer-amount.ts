// TransferAmount coding (sts-spec.md section 3), also used for Set Maximum Power Limit and Set Maximum Phase Power
// Unbalance Limit (watts). A 16-bit field: exponent e = bits 15..14, mantissa m = bits 13..0, value =
// m*10^e + offset(e), in tenths of the unit for credit and in watts for the power limits.
// Values are integers (tenths or watts) or decimal strings, never binary floats: 1.15*10 is not 11.5 in IEEE.
// Encoding rounds UP (in the customer's favour, as the standard requires); values in the gap just below a band's start
// round up to that start. floorToEncodable is the vend rule: the most a token can carry without exceeding the value.
import { fail, ok, StsInputError, type StsResult } from './result';

type Band = Readonly<{ offset: number; step: number; max: number }>;

const BANDS: readonly Band[] = [
  { offset: 0, step: 1, max: 16_383 },
  { offset: 16_384, step: 10, max: 180_214 },
  { offset: 180_224, step: 100, max: 1_818_524 },
  { offset: 1_818_624, step: 1000, max: 18_201_624 },
];

const MANTISSA_MAX = 0x3fff;

/** The largest value (tenths or watts) a 16-bit amount field can carry: 18 201 624 = 1 820 162.4 units. */
export const AMOUNT_MAX = 18_201_624;

function requireAmount(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new StsInputError(field, `must be a whole, non-negative number of tenths (or watts), got ${String(value)}.`);
  }
}

/**
 * Codes a value (integer tenths, or watts) into the 16-bit field, rounding up to the next value the field can carry.
 * @throws StsInputError if the value is negative, not an integer, or above {@link AMOUNT_MAX}.
 */
export function encodeTransferAmount(value: number, field = 'amount'): number {
  requireAmount(field, value);
  for (let e = 0; e < BANDS.length; e++) {
    const band = BANDS[e];
    if (band === undefined || value > band.max) continue;
    const above = value - band.offset;
    const m = above <= 0 ? 0 : Math.floor((above + band.step - 1) / band.step);
    return (e << 14) | m;
  }
  throw new StsInputError(field, `${formatTenths(value)} is above the largest amount a token can carry (${formatTenths(AMOUNT_MAX)}).`);
}

/** The value (tenths or watts) a 16-bit amount field stands for. */
export function decodeTransferAmount(fieldValue: number): number {
  if (!Number.isInteger(fieldValue) || fieldValue < 0 || fieldValue > 0xffff) {
    throw new StsInputError('amountField', `must be a 16-bit value, got ${String(fieldValue)}.`);
  }
  const band = BANDS[fieldValue >>> 14];
  if (band === undefined) throw new StsInputError('amountField', 'has an impossible exponent.');
  return band.offset + (fieldValue & MANTISSA_MAX) * band.step;
}

/** True when the value is carried exactly by some field (no rounding). */
export function isEncodable(value: number): boolean {
  if (!Number.isSafeInteger(value) || value < 0 || value > AMOUNT_MAX) return false;
  return decodeTransferAmount(encodeTransferAmount(value)) === value;
}

/**
 * The largest value a token can carry that does not exceed `value` (tenths or watts): resolution 1 tenth below
 * 16 384, then 10, 100, 1000 tenths per band; values in the gap below a band start floor to the previous band's top;
 * values above {@link AMOUNT_MAX} give AMOUNT_MAX.
 * @throws StsInputError if the value is negative or not an integer.
 */
export function floorToEncodable(value: number): number {
  requireAmount('amount', value);
  if (value >= AMOUNT_MAX) return AMOUNT_MAX;
  for (let e = BANDS.length - 1; e >= 0; e--) {
    const band = BANDS[e];
    if (band === undefined || value < band.offset) continue;
    const m = Math.min(MANTISSA_MAX, Math.floor((value - band.offset) / band.step));
    return band.offset + m * band.step;
  }
  return 0;
}

/** Tenths as a decimal string with one decimal place: 1 -> "0.1", 16384 -> "1638.4". */
export function formatTenths(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  return `${whole}.${tenths - whole * 10}`;
}

/**
 * Parses a non-negative decimal string ("25.6", "2000", "0.15") into integer tenths, rounding any further decimals UP
 * (0.15 -> 2 tenths). The result must not exceed {@link AMOUNT_MAX}.
 */
export function parseDecimalTenths(text: string, field = 'amount'): StsResult<number> {
  const trimmed = text.trim();
  const match = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(trimmed);
  if (!match) {
    return fail(field, `"${text}" is not a decimal number; write it like 25.6 (digits and at most one point, no sign or units).`);
  }
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  const decimals = match[2] ?? match[3] ?? '';
  if (whole.length > 8) return fail(field, `${text} is above the largest amount a token can carry (${formatTenths(AMOUNT_MAX)}).`);
  const firstDecimal = decimals.length > 0 ? Number(decimals[0]) : 0;
  const roundUp = /[1-9]/.test(decimals.slice(1)) ? 1 : 0;
  const tenths = Number(whole) * 10 + firstDecimal + roundUp;
  if (tenths > AMOUNT_MAX) {
    return fail(field, `${text} is above the largest amount a token can carry (${formatTenths(AMOUNT_MAX)}).`);
  }
  return ok(tenths);
}

/** Parses a non-negative whole number (watts, a register, a rate) written in decimal digits. */
export function parseWholeNumber(text: string, field: string, max: number): StsResult<number> {
  if (!/^\d+$/.test(text.trim())) return fail(field, `"${text}" is not a whole number; use the digits 0-9 only.`);
  const digits = text.trim().replace(/^0+(?=\d)/, '');
  if (digits.length > 15 || Number(digits) > max) return fail(field, `${text} is too large; the largest allowed is ${max}.`);
  return ok(Number(digits));
}
