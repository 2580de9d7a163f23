// MISTY1 (RFC 2994): the EA11 block cipher. 64-bit block, 128-bit key, 8 rounds, big-endian throughout (sts-spec.md
// section 5.3): key byte 0 is the high byte of EK[0], block bits 63..32 are the left half D0.
//
// Written from the RFC's description of the key schedule, FI, FO and FL. The key schedule runs once per key
// (prepareMisty1Key); the per-block work is 32-bit integer arithmetic on two halves with no BigInt and no allocation, because
// issuing and the virtual meter call it once per token (target: 500,000 EA11 tokens per second on one core).
//
// S7 and S9 are the RFC's S7TABLE and S9TABLE. Their transcription is pinned by the RFC's self-check vectors and by
// structural tests (both are permutations; S7 is cubic and S9 quadratic, so a changed entry shows up as a higher
// algebraic degree).

import { StsInputError } from './result';

/** RFC 2994 S7TABLE: 7-bit S-box. */
const S7 = Uint8Array.of(
  27, 50, 51, 90, 59, 16, 23, 84, 91, 26, 114, 115, 107, 44, 102, 73,
  31, 36, 19, 108, 55, 46, 63, 74, 93, 15, 64, 86, 37, 81, 28, 4,
  11, 70, 32, 13, 123, 53, 68, 66, 43, 30, 65, 20, 75, 121, 21, 111,
  14, 85, 9, 54, 116, 12, 103, 83, 40, 10, 126, 56, 2, 7, 96, 41,
  25, 18, 101, 47, 48, 57, 8, 104, 95, 120, 42, 76, 100, 69, 117, 61,
  89, 72, 3, 87, 124, 79, 98, 60, 29, 33, 94, 39, 106, 112, 77, 58,
  1, 109, 110, 99, 24, 119, 35, 5, 38, 118, 0, 49, 45, 122, 127, 97,
  80, 34, 17, 6, 71, 22, 82, 78, 113, 62, 105, 67, 52, 92, 88, 125
);

/** RFC 2994 S9TABLE: 9-bit S-box. */
const S9 = Uint16Array.of(
  451, 203, 339, 415, 483, 233, 251, 53, 385, 185, 279, 491, 307, 9, 45, 211,
  199, 330, 55, 126, 235, 356, 403, 472, 163, 286, 85, 44, 29, 418, 355, 280,
  331, 338, 466, 15, 43, 48, 314, 229, 273, 312, 398, 99, 227, 200, 500, 27,
  1, 157, 248, 416, 365, 499, 28, 326, 125, 209, 130, 490, 387, 301, 244, 414,
  467, 221, 482, 296, 480, 236, 89, 145, 17, 303, 38, 220, 176, 396, 271, 503,
  231, 364, 182, 249, 216, 337, 257, 332, 259, 184, 340, 299, 430, 23, 113, 12,
  71, 88, 127, 420, 308, 297, 132, 349, 413, 434, 419, 72, 124, 81, 458, 35,
  317, 423, 357, 59, 66, 218, 402, 206, 193, 107, 159, 497, 300, 388, 250, 406,
  481, 361, 381, 49, 384, 266, 148, 474, 390, 318, 284, 96, 373, 463, 103, 281,
  101, 104, 153, 336, 8, 7, 380, 183, 36, 25, 222, 295, 219, 228, 425, 82,
  265, 144, 412, 449, 40, 435, 309, 362, 374, 223, 485, 392, 197, 366, 478, 433,
  195, 479, 54, 238, 494, 240, 147, 73, 154, 438, 105, 129, 293, 11, 94, 180,
  329, 455, 372, 62, 315, 439, 142, 454, 174, 16, 149, 495, 78, 242, 509, 133,
  253, 246, 160, 367, 131, 138, 342, 155, 316, 263, 359, 152, 464, 489, 3, 510,
  189, 290, 137, 210, 399, 18, 51, 106, 322, 237, 368, 283, 226, 335, 344, 305,
  327, 93, 275, 461, 121, 353, 421, 377, 158, 436, 204, 34, 306, 26, 232, 4,
  391, 493, 407, 57, 447, 471, 39, 395, 198, 156, 208, 334, 108, 52, 498, 110,
  202, 37, 186, 401, 254, 19, 262, 47, 429, 370, 475, 192, 267, 470, 245, 492,
  269, 118, 276, 427, 117, 268, 484, 345, 84, 287, 75, 196, 446, 247, 41, 164,
  14, 496, 119, 77, 378, 134, 139, 179, 369, 191, 270, 260, 151, 347, 352, 360,
  215, 187, 102, 462, 252, 146, 453, 111, 22, 74, 161, 313, 175, 241, 400, 10,
  426, 323, 379, 86, 397, 358, 212, 507, 333, 404, 410, 135, 504, 291, 167, 440,
  321, 60, 505, 320, 42, 341, 282, 417, 408, 213, 294, 431, 97, 302, 343, 476,
  114, 394, 170, 150, 277, 239, 69, 123, 141, 325, 83, 95, 376, 178, 46, 32,
  469, 63, 457, 487, 428, 68, 56, 20, 177, 363, 171, 181, 90, 386, 456, 468,
  24, 375, 100, 207, 109, 256, 409, 304, 346, 5, 288, 443, 445, 224, 79, 214,
  319, 452, 298, 21, 6, 255, 411, 166, 67, 136, 80, 351, 488, 289, 115, 382,
  188, 194, 201, 371, 393, 501, 116, 460, 486, 424, 405, 31, 65, 13, 442, 50,
  61, 465, 128, 168, 87, 441, 354, 328, 217, 261, 98, 122, 33, 511, 274, 264,
  448, 169, 285, 432, 422, 205, 243, 92, 258, 91, 473, 324, 502, 173, 165, 58,
  459, 310, 383, 70, 225, 30, 477, 230, 311, 506, 389, 140, 143, 64, 437, 190,
  120, 0, 172, 272, 350, 292, 2, 444, 162, 234, 112, 508, 278, 348, 76, 450
);

/** A copy of the two S-boxes, for tests and tooling. */
export function misty1SBoxes(): { s7: number[]; s9: number[] } {
  return { s7: Array.from(S7), s9: Array.from(S9) };
}

/**
 * FI: the 16-bit inner function. The input splits into a 9-bit left part and a 7-bit right part; `k7` and `k9` are the
 * high 7 and low 9 bits of the 16-bit FI key (KIij or, in the key schedule, the next key word).
 */
function fi(x: number, k7: number, k9: number): number {
  let d9 = x >>> 7;
  let d7 = x & 0x7f;
  d9 = (S9[d9] ?? 0) ^ d7;
  d7 = ((S7[d7] ?? 0) ^ d9) & 0x7f;
  d7 ^= k7;
  d9 ^= k9;
  d9 = (S9[d9] ?? 0) ^ d7;
  return (d7 << 9) | d9;
}

// Round-key layout (one Uint16Array per key):
//   FO round r (0..7) at 10*r: KOr1, KIr1 high7, KIr1 low9, KOr2, KIr2 h7, KIr2 l9, KOr3, KIr3 h7, KIr3 l9, KOr4
//   FL layer n (0..9) at 80 + 2*n: the AND key, the OR key
const FL_BASE = 80;
const ROUND_KEY_WORDS = 100;

/** FO on a 32-bit value with round keys at `o`. */
function fo(x: number, rk: Uint16Array, o: number): number {
  let t0 = x >>> 16;
  let t1 = x & 0xffff;
  t0 = fi(t0 ^ (rk[o] ?? 0), rk[o + 1] ?? 0, rk[o + 2] ?? 0) ^ t1;
  t1 = fi(t1 ^ (rk[o + 3] ?? 0), rk[o + 4] ?? 0, rk[o + 5] ?? 0) ^ t0;
  t0 = fi(t0 ^ (rk[o + 6] ?? 0), rk[o + 7] ?? 0, rk[o + 8] ?? 0) ^ t1;
  t1 ^= rk[o + 9] ?? 0;
  return ((t1 << 16) | t0) >>> 0;
}

/** FL layer n: right ^= left AND k1; left ^= right OR k2 (16-bit halves of a 32-bit value). */
function fl(x: number, rk: Uint16Array, n: number): number {
  let d0 = x >>> 16;
  let d1 = x & 0xffff;
  d1 ^= d0 & (rk[FL_BASE + 2 * n] ?? 0);
  d0 ^= d1 | (rk[FL_BASE + 2 * n + 1] ?? 0);
  return ((d0 << 16) | d1) >>> 0;
}

/** The inverse of {@link fl}: undoes the OR step first, then the AND step. */
function flInverse(x: number, rk: Uint16Array, n: number): number {
  let d0 = x >>> 16;
  let d1 = x & 0xffff;
  d0 ^= d1 | (rk[FL_BASE + 2 * n + 1] ?? 0);
  d1 ^= d0 & (rk[FL_BASE + 2 * n] ?? 0);
  return ((d0 << 16) | d1) >>> 0;
}

/**
 * The key schedule. EK[0..7] are the key's eight big-endian 16-bit words K1..K8; EK'[i] = FI(EK[i]) keyed with
 * EK[i+1] (indices mod 8). Round keys, for 0-based round i:
 *   KOi1 = EK[i], KOi2 = EK[i+2], KOi3 = EK[i+7], KOi4 = EK[i+4]; KIi1 = EK'[i+5], KIi2 = EK'[i+1], KIi3 = EK'[i+3];
 *   FL layer n even: AND key EK[n/2], OR key EK'[n/2+6]; n odd: AND key EK'[(n-1)/2+2], OR key EK[(n-1)/2+4].
 * Written without closures or per-call arrays besides the result: issuing key-change sets prepares one key per meter.
 */
function expandKey(key: Uint8Array): Uint16Array {
  // Words 100..107 hold EK and 108..115 EK' while the round keys are laid out; they are zeroed afterwards.
  const all = new Uint16Array(ROUND_KEY_WORDS + 16);
  const EK = ROUND_KEY_WORDS;
  const EKP = ROUND_KEY_WORDS + 8;
  for (let i = 0; i < 8; i++) all[EK + i] = ((key[2 * i] ?? 0) << 8) | (key[2 * i + 1] ?? 0);
  for (let i = 0; i < 8; i++) {
    const next = all[EK + ((i + 1) & 7)] ?? 0;
    all[EKP + i] = fi(all[EK + i] ?? 0, next >>> 9, next & 0x1ff);
  }
  for (let i = 0; i < 8; i++) {
    const o = 10 * i;
    const ki1 = all[EKP + ((i + 5) & 7)] ?? 0;
    const ki2 = all[EKP + ((i + 1) & 7)] ?? 0;
    const ki3 = all[EKP + ((i + 3) & 7)] ?? 0;
    all[o] = all[EK + i] ?? 0;
    all[o + 1] = ki1 >>> 9;
    all[o + 2] = ki1 & 0x1ff;
    all[o + 3] = all[EK + ((i + 2) & 7)] ?? 0;
    all[o + 4] = ki2 >>> 9;
    all[o + 5] = ki2 & 0x1ff;
    all[o + 6] = all[EK + ((i + 7) & 7)] ?? 0;
    all[o + 7] = ki3 >>> 9;
    all[o + 8] = ki3 & 0x1ff;
    all[o + 9] = all[EK + ((i + 4) & 7)] ?? 0;
  }
  for (let n = 0; n < 10; n++) {
    const h = n >>> 1;
    const even = (n & 1) === 0;
    all[FL_BASE + 2 * n] = even ? (all[EK + h] ?? 0) : (all[EKP + ((h + 2) & 7)] ?? 0);
    all[FL_BASE + 2 * n + 1] = even ? (all[EKP + ((h + 6) & 7)] ?? 0) : (all[EK + ((h + 4) & 7)] ?? 0);
  }
  all.fill(0, ROUND_KEY_WORDS);
  return all;
}

/** A MISTY1 key expanded once (round keys only; the key itself is not kept). */
export type Misty1KeySchedule = Readonly<{ roundKeys: Uint16Array }>;

/**
 * Expands a 16-byte key. Keep the result for as long as the key is in use.
 * @throws StsInputError if the key is not 16 bytes.
 */
export function prepareMisty1Key(key: Uint8Array): Misty1KeySchedule {
  if (key.length !== 16) throw new StsInputError('key', `a MISTY1 key is 16 bytes (32 hex digits), got ${key.length}.`);
  return { roundKeys: expandKey(key) };
}

/** Encrypts the block (hi = bits 63..32, lo = bits 31..0) into out[0] (hi) and out[1] (lo). No allocation. */
export function misty1EncryptHalves(schedule: Misty1KeySchedule, hi: number, lo: number, out: Uint32Array): void {
  const rk = schedule.roundKeys;
  let d0 = hi >>> 0;
  let d1 = lo >>> 0;
  for (let r = 0; r < 8; r += 2) {
    d0 = fl(d0, rk, r);
    d1 = fl(d1, rk, r + 1);
    d1 = (d1 ^ fo(d0, rk, 10 * r)) >>> 0;
    d0 = (d0 ^ fo(d1, rk, 10 * (r + 1))) >>> 0;
  }
  d0 = fl(d0, rk, 8);
  d1 = fl(d1, rk, 9);
  out[0] = d1;
  out[1] = d0;
}

/** Decrypts the block (hi, lo) into out[0] (hi) and out[1] (lo). No allocation. */
export function misty1DecryptHalves(schedule: Misty1KeySchedule, hi: number, lo: number, out: Uint32Array): void {
  const rk = schedule.roundKeys;
  let d1 = hi >>> 0;
  let d0 = lo >>> 0;
  d0 = flInverse(d0, rk, 8);
  d1 = flInverse(d1, rk, 9);
  for (let r = 6; r >= 0; r -= 2) {
    d0 = (d0 ^ fo(d1, rk, 10 * (r + 1))) >>> 0;
    d1 = (d1 ^ fo(d0, rk, 10 * r)) >>> 0;
    d0 = flInverse(d0, rk, r);
    d1 = flInverse(d1, rk, r + 1);
  }
  out[0] = d0;
  out[1] = d1;
}

/** A MISTY1 key, expanded once, with byte-block helpers (for tests and tools; the token path uses the halves API). */
export interface Misty1Cipher {
  /** Encrypts (hi, lo) into out[0] (hi) and out[1] (lo). No allocation. */
  encryptHalves(hi: number, lo: number, out: Uint32Array): void;
  /** Decrypts (hi, lo) into out[0] (hi) and out[1] (lo). No allocation. */
  decryptHalves(hi: number, lo: number, out: Uint32Array): void;
  /** Encrypts an 8-byte block (big-endian) into a new array. */
  encryptBlock(block: Uint8Array): Uint8Array;
  /** Decrypts an 8-byte block (big-endian) into a new array. */
  decryptBlock(block: Uint8Array): Uint8Array;
}

function readHalves(block: Uint8Array, field: string): [number, number] {
  if (block.length !== 8) throw new StsInputError(field, `a MISTY1 block is 8 bytes, got ${block.length}.`);
  const b = (i: number): number => block[i] ?? 0;
  return [
    ((b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) >>> 0,
    ((b(4) << 24) | (b(5) << 16) | (b(6) << 8) | b(7)) >>> 0,
  ];
}

function writeHalves(hi: number, lo: number): Uint8Array {
  return Uint8Array.of(hi >>> 24, (hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff,
    lo >>> 24, (lo >>> 16) & 0xff, (lo >>> 8) & 0xff, lo & 0xff);
}

/**
 * Expands a 16-byte key and wraps it with block helpers.
 * @throws StsInputError if the key is not 16 bytes.
 */
export function createMisty1(key: Uint8Array): Misty1Cipher {
  const schedule = prepareMisty1Key(key);
  const scratch = new Uint32Array(2);
  return Object.freeze({
    encryptHalves: (hi: number, lo: number, out: Uint32Array): void => misty1EncryptHalves(schedule, hi, lo, out),
    decryptHalves: (hi: number, lo: number, out: Uint32Array): void => misty1DecryptHalves(schedule, hi, lo, out),
    encryptBlock(block: Uint8Array): Uint8Array {
      const [hi, lo] = readHalves(block, 'block');
      misty1EncryptHalves(schedule, hi, lo, scratch);
      return writeHalves(scratch[0] ?? 0, scratch[1] ?? 0);
    },
    decryptBlock(block: Uint8Array): Uint8Array {
      const [hi, lo] = readHalves(block, 'block');
      misty1DecryptHalves(schedule, hi, lo, scratch);
      return writeHalves(scratch[0] ?? 0, scratch[1] ?? 0);
    },
  });
}
