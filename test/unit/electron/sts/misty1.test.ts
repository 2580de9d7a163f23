import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMisty1, misty1SBoxes } from '../../../../electron/sts/misty1';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Highest algebraic degree over the output bits (algebraic normal form by the Moebius transform). */
function algebraicDegree(table: readonly number[], inputBits: number, outputBits: number): number {
  let degree = 0;
  for (let bit = 0; bit < outputBits; bit++) {
    const anf = table.map((v) => (v >> bit) & 1);
    for (let i = 0; i < inputBits; i++) {
      for (let x = 0; x < anf.length; x++) if ((x >> i) & 1) anf[x]! ^= anf[x ^ (1 << i)]!;
    }
    anf.forEach((c, x) => {
      if (c) degree = Math.max(degree, x.toString(2).replace(/0/g, '').length);
    });
  }
  return degree;
}

const fingerprint = (table: readonly number[]): string => createHash('sha256').update(table.join(',')).digest('hex');

describe('MISTY1 (RFC 2994), sts-spec 8.8', () => {
  const cipher = createMisty1(bytes('00112233445566778899aabbccddeeff'));

  it.each([
    ['0123456789abcdef', '8b1da5f56ab3d07c'],
    ['fedcba9876543210', '04b68240b13be95d'],
  ])('encrypts %s to %s and back', (plain, expected) => {
    expect(hex(cipher.encryptBlock(bytes(plain)))).toBe(expected);
    expect(hex(cipher.decryptBlock(bytes(expected)))).toBe(plain);
  });

  it('works on 32-bit halves without allocating, hi = bits 63..32', () => {
    const out = new Uint32Array(2);
    cipher.encryptHalves(0x01234567, 0x89abcdef, out);
    expect([out[0]!.toString(16), out[1]!.toString(16)]).toEqual(['8b1da5f5', '6ab3d07c']);
    cipher.decryptHalves(out[0]!, out[1]!, out);
    expect([out[0], out[1]]).toEqual([0x01234567, 0x89abcdef]);
  });

  it('rejects keys and blocks of the wrong length', () => {
    expect(() => createMisty1(new Uint8Array(8))).toThrow(/16 bytes/);
    expect(() => cipher.encryptBlock(new Uint8Array(7))).toThrow(/8 bytes/);
  });

  it('decrypt inverts encrypt for any key and block', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 8, maxLength: 8 }),
      (key, block) => {
        const c = createMisty1(key);
        const encrypted = c.encryptBlock(block);
        expect(hex(c.decryptBlock(encrypted))).toBe(hex(block));
      }), { numRuns: 300 });
  });

  it('every key bit and every block bit changes the ciphertext', () => {
    const key = bytes('00112233445566778899aabbccddeeff');
    const block = bytes('0123456789abcdef');
    for (let bit = 0; bit < 128; bit++) {
      const flipped = Uint8Array.from(key);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      expect(hex(createMisty1(flipped).encryptBlock(block))).not.toBe('8b1da5f56ab3d07c');
    }
    for (let bit = 0; bit < 64; bit++) {
      const flipped = Uint8Array.from(block);
      flipped[bit >> 3]! ^= 0x80 >> (bit & 7);
      expect(hex(cipher.encryptBlock(flipped))).not.toBe('8b1da5f56ab3d07c');
    }
  });
});

describe('MISTY1 S-boxes', () => {
  const { s7, s9 } = misty1SBoxes();

  it('are permutations of 0..127 and 0..511', () => {
    expect([...s7].sort((a, b) => a - b)).toEqual(Array.from({ length: 128 }, (_, i) => i));
    expect([...s9].sort((a, b) => a - b)).toEqual(Array.from({ length: 512 }, (_, i) => i));
  });

  it('have the algebraic degrees of the design (S7 cubic, S9 quadratic): a mistyped entry raises the degree', () => {
    expect(algebraicDegree(s7, 7, 7)).toBe(3);
    expect(algebraicDegree(s9, 9, 9)).toBe(2);
  });

  it('S7 is x^81 over GF(2^7) mod x^7+x^3+1 followed by an affine map (checked on all 128 entries)', () => {
    const mul = (a: number, b: number): number => {
      let r = 0;
      for (let x = a, y = b; y; y >>= 1) {
        if (y & 1) r ^= x;
        x <<= 1;
        if (x & 0x80) x ^= 0x89;
      }
      return r;
    };
    const power = (x: number, e: number): number => {
      let r = 1;
      for (let b = x, k = e; k; k >>= 1) {
        if (k & 1) r = mul(r, b);
        b = mul(b, b);
      }
      return r;
    };
    const p = Array.from({ length: 128 }, (_, x) => (x === 0 ? 0 : power(x, 81)));
    const c = s7[0]!;
    const columns = Array.from({ length: 7 }, (_, i) => s7[p.indexOf(1 << i)]! ^ c);
    const affine = (v: number): number => columns.reduce((acc, col, i) => ((v >> i) & 1 ? acc ^ col : acc), c);
    expect(p.map(affine)).toEqual(s7);
  });

  it('are pinned by fingerprint', () => {
    expect(fingerprint(s7)).toBe('910977be2f1590c027d9fba4da10c5ccb1997668027c9ecac96241c88bec79ae');
    expect(fingerprint(s9)).toBe('a309374bfec243dae77a2abb39d5a687b36306f15429b101683984cdf4831dc9');
  });
});
