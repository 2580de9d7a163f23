// EA07, the Standard Transfer Algorithm (sts-spec.md section 5.1). Bit 0 = LSB; nibble i = bits 4i+3..4i.
//   Key alignment: K = rotate-right-12(NOT decoderKey).
//   16 rounds: substitute each data nibble i with s1 (bit 4i+3 of K clear) or s2 (set); move data bit s to p[s];
//   rotate K left by 1.
// Decryption runs the rounds backwards with the inverse permutation and the inverse substitutions. The inverses are
// derived from the loaded encryption tables (key bit clear -> inverse of s1, set -> inverse of s2); nothing assumes
// s2 = inverse(s1), which holds for the sample set only. (The standard's separately printed decryption tables are the
// same inverses under swapped labels, because its decryption selects by the complemented key.)
//
// Speed: no BigInt in the rounds. The block is two 32-bit halves. Each table set is compiled once (cached per table
// object) into per-byte lookup tables that substitute a byte (for each of the 4 key-bit combinations of its two
// nibbles) and permute it in one step; a key schedule holds, per round and byte, the offset of the table to use.
import { bigIntToHalves, bytesToHalves, halvesToBigInt, halvesToBytes } from './hex';
import { StsInputError } from './result';
import { SAMPLE_STA_TABLES, type StaTables } from './sta-tables';

const ROUNDS = 16;
/** Entries per (byte position, key selector): 256 byte values x (hi, lo). */
const SLICE = 512;

export type CompiledStaTables = Readonly<{
  tables: StaTables;
  /** [byte b][selector][value] -> (hi, lo) of P(S(value at byte b)). */
  encrypt: Uint32Array;
  /** [byte b][selector][value] -> (hi, lo) of P^-1(S^-1(value at byte b)). */
  decryptMiddle: Uint32Array;
  /** [byte b][value] -> (hi, lo) of P^-1(value at byte b). */
  inversePermute: Uint32Array;
  /** [selector][value] -> byte: inverse substitution of both nibbles of a byte. */
  inverseSubstitute: Uint8Array;
}>;

const compiledCache = new WeakMap<StaTables, CompiledStaTables>();

function invert(table: readonly number[]): number[] {
  const inverse = new Array<number>(table.length).fill(0);
  table.forEach((dest, src) => {
    inverse[dest] = src;
  });
  return inverse;
}

/** Spreads the 8 bits of `value`, sitting at byte position `b`, through permutation `perm` into a (hi, lo) pair. */
function permuteByte(perm: readonly number[], b: number, value: number, out: Uint32Array, at: number): void {
  let hi = 0;
  let lo = 0;
  for (let j = 0; j < 8; j++) {
    if (((value >>> j) & 1) === 0) continue;
    const dest = perm[8 * b + j] ?? 0;
    if (dest >= 32) hi |= 1 << (dest - 32);
    else lo |= 1 << dest;
  }
  out[at] = hi >>> 0;
  out[at + 1] = lo >>> 0;
}

function substituteByte(low: readonly number[], high: readonly number[], value: number): number {
  return ((high[value >>> 4] ?? 0) << 4) | (low[value & 15] ?? 0);
}

/** Builds (once per table object) the lookup tables the rounds use. */
export function compileStaTables(tables: StaTables): CompiledStaTables {
  const cached = compiledCache.get(tables);
  if (cached) return cached;
  const { s1, s2, p } = tables;
  const pInv = invert(p);
  const subs = [s1, s2];
  const invSubs = [invert(s1), invert(s2)];
  const encrypt = new Uint32Array(8 * 4 * SLICE);
  const decryptMiddle = new Uint32Array(8 * 4 * SLICE);
  const inversePermute = new Uint32Array(8 * SLICE);
  const inverseSubstitute = new Uint8Array(4 * 256);
  for (let sel = 0; sel < 4; sel++) {
    const lowSub = subs[sel & 1] ?? s1;
    const highSub = subs[sel >>> 1] ?? s1;
    const lowInv = invSubs[sel & 1] ?? s1;
    const highInv = invSubs[sel >>> 1] ?? s1;
    for (let v = 0; v < 256; v++) {
      const inv = substituteByte(lowInv, highInv, v);
      inverseSubstitute[sel * 256 + v] = inv;
      for (let b = 0; b < 8; b++) {
        const at = ((b * 4 + sel) * 256 + v) * 2;
        permuteByte(p, b, substituteByte(lowSub, highSub, v), encrypt, at);
        permuteByte(pInv, b, inv, decryptMiddle, at);
      }
    }
  }
  for (let b = 0; b < 8; b++) {
    for (let v = 0; v < 256; v++) permuteByte(pInv, b, v, inversePermute, (b * 256 + v) * 2);
  }
  const compiled = Object.freeze({ tables, encrypt, decryptMiddle, inversePermute, inverseSubstitute });
  compiledCache.set(tables, compiled);
  return compiled;
}

/** The aligned key: one's complement of the decoder key, rotated right by 12 bits. Returned as 8 big-endian bytes. */
export function staAlignKey(decoderKey: Uint8Array): Uint8Array {
  const [hi, lo] = alignedHalves(decoderKey);
  return halvesToBytes(hi, lo);
}

function alignedHalves(decoderKey: Uint8Array): [number, number] {
  if (decoderKey.length !== 8) throw new StsInputError('decoderKey', `must be 8 bytes for EA07, got ${decoderKey.length}.`);
  const [h, l] = bytesToHalves(decoderKey);
  const nh = ~h >>> 0;
  const nl = ~l >>> 0;
  return [((nl << 20) | (nh >>> 12)) >>> 0, ((nh << 20) | (nl >>> 12)) >>> 0];
}

/** A decoder key prepared for EA07 with one table set: per round and byte, the offset of the lookup table to use. */
export type StaKeySchedule = Readonly<{ compiled: CompiledStaTables; selectors: Uint8Array }>;

/** Precomputes the per-round key selectors. Cache the result per decoder key: it is what makes tokens cheap. */
export function prepareStaKey(decoderKey: Uint8Array, tables: StaTables = SAMPLE_STA_TABLES): StaKeySchedule {
  let [kh, kl] = alignedHalves(decoderKey);
  const selectors = new Uint8Array(ROUNDS * 8);
  for (let r = 0; r < ROUNDS; r++) {
    for (let b = 0; b < 8; b++) {
      const keyByte = b < 4 ? (kl >>> (8 * b)) & 0xff : (kh >>> (8 * (b - 4))) & 0xff;
      selectors[r * 8 + b] = (((keyByte >>> 7) & 1) << 1) | ((keyByte >>> 3) & 1);
    }
    const carry = kh >>> 31;
    kh = ((kh << 1) | (kl >>> 31)) >>> 0;
    kl = ((kl << 1) | carry) >>> 0;
  }
  return Object.freeze({ compiled: compileStaTables(tables), selectors });
}

/** Encrypts the block (hi, lo) and writes the result into out[0] (hi) and out[1] (lo). No allocation. */
export function staEncryptHalves(schedule: StaKeySchedule, hi: number, lo: number, out: Uint32Array): void {
  const t = schedule.compiled.encrypt;
  const sel = schedule.selectors;
  let h = hi;
  let l = lo;
  for (let r = 0; r < ROUNDS; r++) {
    const k = r * 8;
    let o = ((0 * 4 + (sel[k] ?? 0)) * 256 + (l & 0xff)) * 2;
    let nh = t[o] ?? 0;
    let nl = t[o + 1] ?? 0;
    o = ((1 * 4 + (sel[k + 1] ?? 0)) * 256 + ((l >>> 8) & 0xff)) * 2;
    nh |= t[o] ?? 0;
    nl |= t[o + 1] ?? 0;
    o = ((2 * 4 + (sel[k + 2] ?? 0)) * 256 + ((l >>> 16) & 0xff)) * 2;
    nh |= t[o] ?? 0;
    nl |= t[o + 1] ?? 0;
    o = ((3 * 4 + (sel[k + 3] ?? 0)) * 256 + (l >>> 24)) * 2;
    nh |= t[o] ?? 0;
    nl |= t[o + 1] ?? 0;
    o = ((4 * 4 + (sel[k + 4] ?? 0)) * 256 + (h & 0xff)) * 2;
    nh |= t[o] ?? 0;
    nl |= t[o + 1] ?? 0;
    o = ((5 * 4 + (sel[k + 5] ?? 0)) * 256 + ((h >>> 8) & 0xff)) * 2;
    nh |= t[o] ?? 0;
    nl |= t[o + 1] ?? 0;
    o = ((6 * 4 + (sel[k + 6] ?? 0)) * 256 + ((h >>> 16) & 0xff)) * 2;
    nh |= t[o] ?? 0;
    nl |= t[o + 1] ?? 0;
    o = ((7 * 4 + (sel[k + 7] ?? 0)) * 256 + (h >>> 24)) * 2;
    nh |= t[o] ?? 0;
    nl |= t[o + 1] ?? 0;
    h = nh;
    l = nl;
  }
  out[0] = h >>> 0;
  out[1] = l >>> 0;
}

/** Decrypts the block (hi, lo) into out[0] (hi) and out[1] (lo). */
export function staDecryptHalves(schedule: StaKeySchedule, hi: number, lo: number, out: Uint32Array): void {
  const { decryptMiddle, inversePermute, inverseSubstitute } = schedule.compiled;
  const sel = schedule.selectors;
  let h = 0;
  let l = 0;
  for (let b = 0; b < 8; b++) {
    const v = b < 4 ? (lo >>> (8 * b)) & 0xff : (hi >>> (8 * (b - 4))) & 0xff;
    const o = (b * 256 + v) * 2;
    h |= inversePermute[o] ?? 0;
    l |= inversePermute[o + 1] ?? 0;
  }
  for (let r = ROUNDS - 1; r >= 1; r--) {
    const k = r * 8;
    let nh = 0;
    let nl = 0;
    for (let b = 0; b < 8; b++) {
      const v = b < 4 ? (l >>> (8 * b)) & 0xff : (h >>> (8 * (b - 4))) & 0xff;
      const o = ((b * 4 + (sel[k + b] ?? 0)) * 256 + v) * 2;
      nh |= decryptMiddle[o] ?? 0;
      nl |= decryptMiddle[o + 1] ?? 0;
    }
    h = nh;
    l = nl;
  }
  let rh = 0;
  let rl = 0;
  for (let b = 0; b < 4; b++) {
    rl |= (inverseSubstitute[(sel[b] ?? 0) * 256 + ((l >>> (8 * b)) & 0xff)] ?? 0) << (8 * b);
    rh |= (inverseSubstitute[(sel[b + 4] ?? 0) * 256 + ((h >>> (8 * b)) & 0xff)] ?? 0) << (8 * b);
  }
  out[0] = rh >>> 0;
  out[1] = rl >>> 0;
}

function checkBlock(block: bigint): void {
  if (block < 0n || block >= 1n << 64n) throw new StsInputError('block', 'must be a 64-bit unsigned value.');
}

/** EA07-encrypts a 64-bit block. For many blocks under one key, use {@link prepareStaKey} + {@link staEncryptHalves}. */
export function staEncrypt(block: bigint, decoderKey: Uint8Array, tables: StaTables = SAMPLE_STA_TABLES): bigint {
  checkBlock(block);
  const out = new Uint32Array(2);
  const [hi, lo] = bigIntToHalves(block);
  staEncryptHalves(prepareStaKey(decoderKey, tables), hi, lo, out);
  return halvesToBigInt(out[0] ?? 0, out[1] ?? 0);
}

/** EA07-decrypts a 64-bit block (the exact inverse of {@link staEncrypt} for the same key and tables). */
export function staDecrypt(block: bigint, decoderKey: Uint8Array, tables: StaTables = SAMPLE_STA_TABLES): bigint {
  checkBlock(block);
  const out = new Uint32Array(2);
  const [hi, lo] = bigIntToHalves(block);
  staDecryptHalves(prepareStaKey(decoderKey, tables), hi, lo, out);
  return halvesToBigInt(out[0] ?? 0, out[1] ?? 0);
}
