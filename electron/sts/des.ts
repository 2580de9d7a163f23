// Single DES (FIPS 46-3), written here from the standard's description so that EA09 and DKGA02 do not depend on the
// crypto library's build: OpenSSL 3 refuses the single-DES cipher names and Electron's main process uses BoringSSL.
// The tables below are FIPS 46-3's, numbered as in the standard: bit 1 is the most significant bit.
// Speed: the 64-bit block is two 32-bit halves; IP and its inverse are per-byte lookup tables; each S-box is merged
// with the permutation P into one 64-entry table ("SP-box"); E is read as 6-bit windows of a rotated R; the key
// schedule (16 x 8 six-bit subkey chunks) is computed once per key.
import { bytesToHalves, halvesToBytes } from './hex';
import { StsInputError } from './result';

const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
  62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
  61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];

const P = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];

const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];

const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];

const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];

/** S1..S8, each 4 rows of 16 (row = outer bits b1 b6, column = inner bits b2..b5). */
export const DES_S_BOXES: readonly (readonly number[])[] = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

/** Bit `pos` (1 = MSB) of the 64-bit value (hi, lo). */
function bit64(hi: number, lo: number, pos: number): number {
  return pos <= 32 ? (hi >>> (32 - pos)) & 1 : (lo >>> (64 - pos)) & 1;
}

/**
 * Per-byte lookup tables for a 64 -> 64 bit permutation where output bit i+1 = input bit table[i]:
 * entry [byte k][value] = (hi, lo) the input byte k contributes to the output.
 */
function byteTables(table: readonly number[]): Uint32Array {
  const out = new Uint32Array(8 * 256 * 2);
  for (let k = 0; k < 8; k++) {
    for (let v = 0; v < 256; v++) {
      const inHi = k < 4 ? (v << (24 - 8 * k)) >>> 0 : 0;
      const inLo = k >= 4 ? (v << (24 - 8 * (k - 4))) >>> 0 : 0;
      let hi = 0;
      let lo = 0;
      table.forEach((src, i) => {
        if (bit64(inHi, inLo, src) === 0) return;
        if (i < 32) hi |= 1 << (31 - i);
        else lo |= 1 << (63 - i);
      });
      out[(k * 256 + v) * 2] = hi >>> 0;
      out[(k * 256 + v) * 2 + 1] = lo >>> 0;
    }
  }
  return out;
}

const FP = (() => {
  const inverse = new Array<number>(64).fill(0);
  IP.forEach((src, i) => {
    inverse[src - 1] = i + 1;
  });
  return inverse;
})();

const IP_TABLES = byteTables(IP);
const FP_TABLES = byteTables(FP);

/** SP[j * 64 + six] = P applied to S-box j's output for the 6-bit input `six`, in its place in the 32-bit word. */
const SP = (() => {
  const sp = new Uint32Array(8 * 64);
  for (let j = 0; j < 8; j++) {
    const box = DES_S_BOXES[j] ?? [];
    for (let six = 0; six < 64; six++) {
      const row = ((six >>> 4) & 2) | (six & 1);
      const column = (six >>> 1) & 15;
      const sOut = ((box[row * 16 + column] ?? 0) << (28 - 4 * j)) >>> 0;
      let permuted = 0;
      P.forEach((src, i) => {
        if ((sOut >>> (32 - src)) & 1) permuted |= 1 << (31 - i);
      });
      sp[j * 64 + six] = permuted >>> 0;
    }
  }
  return sp;
})();

/** PC-1 per key byte: entry [byte k][value] = (C, D) bits (28 each) that byte contributes. */
const PC1_TABLES = (() => {
  const out = new Uint32Array(8 * 256 * 2);
  for (let k = 0; k < 8; k++) {
    for (let v = 0; v < 256; v++) {
      let c = 0;
      let d = 0;
      PC1.forEach((src, i) => {
        if (Math.floor((src - 1) / 8) !== k || ((v >>> (7 - ((src - 1) % 8))) & 1) === 0) return;
        if (i < 28) c |= 1 << (27 - i);
        else d |= 1 << (55 - i);
      });
      out[(k * 256 + v) * 2] = c;
      out[(k * 256 + v) * 2 + 1] = d;
    }
  }
  return out;
})();

/**
 * PC-2 per 7-bit chunk of C (chunks 0-3) and D (chunks 4-7): the 24 subkey bits it contributes. PC-2 takes its first
 * 24 output bits from C (positions 1-28) and its last 24 from D (29-56), so each half maps to one 24-bit word.
 */
const PC2_TABLES = (() => {
  const out = new Uint32Array(8 * 128);
  for (let chunk = 0; chunk < 8; chunk++) {
    for (let v = 0; v < 128; v++) {
      let word = 0;
      PC2.forEach((src, i) => {
        const pos = src - 1;
        if (Math.floor(pos / 7) !== chunk || ((v >>> (6 - (pos % 7))) & 1) === 0) return;
        word |= 1 << (23 - (i % 24));
      });
      out[chunk * 128 + v] = word;
    }
  }
  return out;
})();

/** A DES key schedule: 16 rounds x 8 six-bit subkey chunks, for encryption and (reversed) for decryption. */
export type DesKeySchedule = Readonly<{ encrypt: Uint8Array; decrypt: Uint8Array }>;

const rotate28 = (x: number, n: number): number => ((x << n) | (x >>> (28 - n))) & 0xfffffff;

/** Computes the 16 subkeys (PC-1, left shifts, PC-2). Parity bits are ignored, as FIPS 46-3 says. */
export function prepareDesKey(key: Uint8Array): DesKeySchedule {
  if (key.length !== 8) throw new StsInputError('key', `a DES key is 8 bytes, got ${key.length}.`);
  let c = 0;
  let d = 0;
  for (let k = 0; k < 8; k++) {
    const o = (k * 256 + (key[k] ?? 0)) * 2;
    c |= PC1_TABLES[o] ?? 0;
    d |= PC1_TABLES[o + 1] ?? 0;
  }
  const encrypt = new Uint8Array(16 * 8);
  const decrypt = new Uint8Array(16 * 8);
  const t = PC2_TABLES;
  for (let round = 0; round < 16; round++) {
    const shift = SHIFTS[round] ?? 1;
    c = rotate28(c, shift);
    d = rotate28(d, shift);
    const high = (t[(c >>> 21) & 127] ?? 0) | (t[128 + ((c >>> 14) & 127)] ?? 0)
      | (t[256 + ((c >>> 7) & 127)] ?? 0) | (t[384 + (c & 127)] ?? 0);
    const low = (t[512 + ((d >>> 21) & 127)] ?? 0) | (t[640 + ((d >>> 14) & 127)] ?? 0)
      | (t[768 + ((d >>> 7) & 127)] ?? 0) | (t[896 + (d & 127)] ?? 0);
    for (let j = 0; j < 4; j++) {
      const hiSix = (high >>> (18 - 6 * j)) & 63;
      const loSix = (low >>> (18 - 6 * j)) & 63;
      encrypt[round * 8 + j] = hiSix;
      encrypt[round * 8 + 4 + j] = loSix;
      decrypt[(15 - round) * 8 + j] = hiSix;
      decrypt[(15 - round) * 8 + 4 + j] = loSix;
    }
  }
  return Object.freeze({ encrypt, decrypt });
}

function crypt(subkeys: Uint8Array, hi: number, lo: number, out: Uint32Array): void {
  let l = 0;
  let r = 0;
  for (let k = 0; k < 8; k++) {
    const v = k < 4 ? (hi >>> (24 - 8 * k)) & 0xff : (lo >>> (24 - 8 * (k - 4))) & 0xff;
    const o = (k * 256 + v) * 2;
    l |= IP_TABLES[o] ?? 0;
    r |= IP_TABLES[o + 1] ?? 0;
  }
  for (let round = 0; round < 16; round++) {
    const k = round * 8;
    // E: window j of R is R's bits 4j..4j+5 (cyclic, 1-indexed with bit 0 = bit 32), i.e. R rotated left 4j-1.
    const f = (SP[((((r >>> 1) | (r << 31)) >>> 26) ^ (subkeys[k] ?? 0))] ?? 0)
      | (SP[64 + ((((r << 3) | (r >>> 29)) >>> 26) ^ (subkeys[k + 1] ?? 0))] ?? 0)
      | (SP[128 + ((((r << 7) | (r >>> 25)) >>> 26) ^ (subkeys[k + 2] ?? 0))] ?? 0)
      | (SP[192 + ((((r << 11) | (r >>> 21)) >>> 26) ^ (subkeys[k + 3] ?? 0))] ?? 0)
      | (SP[256 + ((((r << 15) | (r >>> 17)) >>> 26) ^ (subkeys[k + 4] ?? 0))] ?? 0)
      | (SP[320 + ((((r << 19) | (r >>> 13)) >>> 26) ^ (subkeys[k + 5] ?? 0))] ?? 0)
      | (SP[384 + ((((r << 23) | (r >>> 9)) >>> 26) ^ (subkeys[k + 6] ?? 0))] ?? 0)
      | (SP[448 + ((((r << 27) | (r >>> 5)) >>> 26) ^ (subkeys[k + 7] ?? 0))] ?? 0);
    const next = (l ^ f) >>> 0;
    l = r;
    r = next;
  }
  // Preoutput is R16 L16; apply the inverse of IP.
  let oh = 0;
  let ol = 0;
  for (let k = 0; k < 8; k++) {
    const v = k < 4 ? (r >>> (24 - 8 * k)) & 0xff : (l >>> (24 - 8 * (k - 4))) & 0xff;
    const o = (k * 256 + v) * 2;
    oh |= FP_TABLES[o] ?? 0;
    ol |= FP_TABLES[o + 1] ?? 0;
  }
  out[0] = oh >>> 0;
  out[1] = ol >>> 0;
}

/** Encrypts the block (hi, lo) into out[0] (hi) and out[1] (lo). No allocation. */
export function desEncryptHalves(schedule: DesKeySchedule, hi: number, lo: number, out: Uint32Array): void {
  crypt(schedule.encrypt, hi, lo, out);
}

/** Decrypts the block (hi, lo) into out[0] (hi) and out[1] (lo). */
export function desDecryptHalves(schedule: DesKeySchedule, hi: number, lo: number, out: Uint32Array): void {
  crypt(schedule.decrypt, hi, lo, out);
}

function checkBlockBytes(block: Uint8Array): void {
  if (block.length !== 8) throw new StsInputError('block', `a DES block is 8 bytes, got ${block.length}.`);
}

/** DES-encrypts one 8-byte block (ECB) under an 8-byte key. */
export function desEncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  checkBlockBytes(block);
  const out = new Uint32Array(2);
  const [hi, lo] = bytesToHalves(block);
  desEncryptHalves(prepareDesKey(key), hi, lo, out);
  return halvesToBytes(out[0] ?? 0, out[1] ?? 0);
}

/** DES-decrypts one 8-byte block (ECB) under an 8-byte key. */
export function desDecryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  checkBlockBytes(block);
  const out = new Uint32Array(2);
  const [hi, lo] = bytesToHalves(block);
  desDecryptHalves(prepareDesKey(key), hi, lo, out);
  return halvesToBytes(out[0] ?? 0, out[1] ?? 0);
}
