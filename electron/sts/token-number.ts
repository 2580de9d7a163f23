// The 66-bit token number (sts-spec.md section 1.1). Bit 0 is the LSB of the 64-bit data block. The 2 class bits are
// transposed in AFTER encryption: the block's bits 28 and 27 move to bits 65 and 64, and the class takes their place
// (class MSB at bit 28). A token can exceed 2^64, so the number is a BigInt; it is written as 20 decimal digits.
import { fail, ok, requireIntInRange, StsInputError, type StsResult } from './result';

export type TokenClass = 0 | 1 | 2 | 3;

export const TOKEN_DIGITS = 20;
export const MAX_TOKEN_NUMBER = (1n << 66n) - 1n;
const BLOCK_MASK = (1n << 64n) - 1n;
const CLASS_BITS_MASK = 3n << 27n;

/** Puts the class bits into a 64-bit (encrypted) block, giving the 66-bit token number. */
export function insertClassBits(block: bigint, tokenClass: TokenClass): bigint {
  requireIntInRange('tokenClass', tokenClass, 0, 3);
  if (block < 0n || block > BLOCK_MASK) throw new StsInputError('block', 'must be a 64-bit unsigned value.');
  const displaced = (block >> 27n) & 3n;
  return (displaced << 64n) | (block & ~CLASS_BITS_MASK) | (BigInt(tokenClass) << 27n);
}

/** The inverse of {@link insertClassBits}: reads the class and restores the 64-bit block. */
export function removeClassBits(token: bigint): { tokenClass: TokenClass; block: bigint } {
  if (token < 0n || token > MAX_TOKEN_NUMBER) throw new StsInputError('token', 'must be a 66-bit unsigned value.');
  const tokenClass = Number((token >> 27n) & 3n) as TokenClass;
  const displaced = (token >> 64n) & 3n;
  const block = (token & BLOCK_MASK & ~CLASS_BITS_MASK) | (displaced << 27n);
  return { tokenClass, block };
}

/**
 * {@link insertClassBits} on a block held as two 32-bit halves, for the hot path. The class bits 27/28 sit in `lo`.
 */
export function tokenNumberFromHalves(hi: number, lo: number, tokenClass: TokenClass): bigint {
  const displaced = (lo >>> 27) & 3;
  const newLo = ((lo & ~(3 << 27)) | (tokenClass << 27)) >>> 0;
  return (BigInt(displaced) << 64n) | (BigInt(hi >>> 0) << 32n) | BigInt(newLo);
}

/** The token number as 20 decimal digits, zero-padded, no separators. */
export function formatTokenNumber(token: bigint): string {
  if (token < 0n || token > MAX_TOKEN_NUMBER) throw new StsInputError('token', 'must be a 66-bit unsigned value.');
  return token.toString().padStart(TOKEN_DIGITS, '0');
}

/** 20 digits in five groups of four separated by `separator` (a space by default), as printed on receipts. */
export function formatTokenForDisplay(token: bigint | string, separator = ' '): string {
  const digits = typeof token === 'bigint' ? formatTokenNumber(token) : token;
  if (!/^\d{20}$/.test(digits)) throw new StsInputError('token', 'must be 20 digits.');
  return digits.match(/\d{4}/g)?.join(separator) ?? digits;
}

/**
 * Parses a 20-digit token as typed or printed: spaces and dashes between digits are accepted, anything else is an
 * error naming the problem. The value must fit in 66 bits.
 */
export function parseTokenNumber(text: string, field = 'token'): StsResult<bigint> {
  const bad = /[^0-9 -]/.exec(text);
  if (bad) {
    return fail(field, `contains "${bad[0]}"; a token is 20 digits, optionally grouped with spaces or dashes.`);
  }
  const digits = text.replace(/[ -]/g, '');
  if (digits.length !== TOKEN_DIGITS) {
    return fail(field, `has ${digits.length} digits; a token has exactly 20.`);
  }
  const value = BigInt(digits);
  if (value > MAX_TOKEN_NUMBER) {
    return fail(field, `${digits} is larger than any token (the largest is ${MAX_TOKEN_NUMBER.toString()}); check for a mistyped digit.`);
  }
  return ok(value);
}
