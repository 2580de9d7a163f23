// Hex and 64-bit helpers. Hex is case-insensitive on input and upper-case on output. A 64-bit block is handled either
// as a BigInt or as two unsigned 32-bit halves (hi = bits 63..32, lo = bits 31..0), big-endian throughout.
import { fail, ok, type StsResult } from './result';

/** Parses exactly `byteLength` bytes of hex (case-insensitive; no prefix, no separators). */
export function parseHexBytes(text: string, field: string, byteLength: number): StsResult<Uint8Array> {
  const digits = byteLength * 2;
  if (text.length === 0) return fail(field, `is empty; give ${digits} hex digits.`);
  if (!/^[0-9a-fA-F]*$/.test(text)) {
    return fail(field, `"${text}" is not hexadecimal; use the digits 0-9 and letters A-F only.`);
  }
  if (text.length !== digits) {
    return fail(field, `must be ${digits} hex digits (${byteLength} bytes), got ${text.length}.`);
  }
  const bytes = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i++) bytes[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return ok(bytes);
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

/** Upper-case hex of `value`, zero-padded to `digits`. */
export function toHex(value: number | bigint, digits: number): string {
  return value.toString(16).toUpperCase().padStart(digits, '0');
}

/** Reads 8 bytes starting at `offset` as two unsigned 32-bit halves. */
export function bytesToHalves(bytes: Uint8Array, offset = 0): [hi: number, lo: number] {
  const b = (i: number): number => bytes[offset + i] ?? 0;
  const hi = ((b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) >>> 0;
  const lo = ((b(4) << 24) | (b(5) << 16) | (b(6) << 8) | b(7)) >>> 0;
  return [hi, lo];
}

export function halvesToBytes(hi: number, lo: number): Uint8Array {
  return Uint8Array.of(hi >>> 24, (hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff,
    lo >>> 24, (lo >>> 16) & 0xff, (lo >>> 8) & 0xff, lo & 0xff);
}

export function halvesToBigInt(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

export function bigIntToHalves(value: bigint): [hi: number, lo: number] {
  return [Number((value >> 32n) & 0xffffffffn), Number(value & 0xffffffffn)];
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

export function bigIntToBytes(value: bigint, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength);
  let v = value;
  for (let i = byteLength - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
