/**
 * Exact integer arithmetic for the money rules: every value is a bigint, every division names its rounding. Numbers
 * come in as safe integers or bigints and are checked here, so a float (10.5, 0.1 + 0.2) never reaches a rule.
 */
export type Int = number | bigint;

/** A whole number as a bigint; refuses floats, NaN and unsafe integers (they are programming errors, not input). */
export function exactInt(value: Int, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number, not ${String(value)}`);
  return BigInt(value);
}

export function nonNegativeInt(value: Int, what: string): bigint {
  const v = exactInt(value, what);
  if (v < 0n) throw new RangeError(`${what} must not be negative, got ${v.toString()}`);
  return v;
}

function requirePositiveDivisor(d: bigint): void {
  if (d <= 0n) throw new RangeError(`division by ${d.toString()}: the divisor must be positive`);
}

/** floor(n / d) for d > 0 (bigint division truncates toward zero, so negative n needs the correction). */
export function divFloor(n: bigint, d: bigint): bigint {
  requirePositiveDivisor(d);
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

/** ceil(n / d) for d > 0. */
export function divCeil(n: bigint, d: bigint): bigint {
  requirePositiveDivisor(d);
  const q = n / d;
  return n % d !== 0n && n > 0n ? q + 1n : q;
}

/** n / d rounded half-up (ties away from zero for the non-negative values money has): floor((2n + d) / 2d). */
export function divHalfUp(n: bigint, d: bigint): bigint {
  requirePositiveDivisor(d);
  return divFloor(2n * n + d, 2n * d);
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}
