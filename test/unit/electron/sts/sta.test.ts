import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staAlignKey, staDecrypt, staEncrypt } from '../../../../electron/sts/sta';
import { SAMPLE_STA_TABLES, type StaTables } from '../../../../electron/sts/sta-tables';
import { bytesToHex } from '../../../../electron/sts/hex';
import { insertClassBits } from '../../../../electron/sts/token-number';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const MASK = (1n << 64n) - 1n;

/** The rounds as sts-spec 5.1 words them, bit by bit on BigInt. Slow; only here to check the table-driven code. */
function referenceEncrypt(block: bigint, decoderKey: Uint8Array, tables: StaTables): bigint {
  let key = ~BigInt(`0x${bytesToHex(decoderKey)}`) & MASK;
  key = ((key >> 12n) | (key << 52n)) & MASK;
  let data = block;
  for (let round = 0; round < 16; round++) {
    let substituted = 0n;
    for (let i = 0n; i < 16n; i++) {
      const nibble = Number((data >> (4n * i)) & 15n);
      const table = ((key >> (4n * i + 3n)) & 1n) === 0n ? tables.s1 : tables.s2;
      substituted |= BigInt(table[nibble]!) << (4n * i);
    }
    let permuted = 0n;
    for (let s = 0; s < 64; s++) if ((substituted >> BigInt(s)) & 1n) permuted |= 1n << BigInt(tables.p[s]!);
    data = permuted;
    key = ((key << 1n) | (key >> 63n)) & MASK;
  }
  return data;
}

/** Decryption as the spec words it: key rotated left 15, inverse permutation, inverse substitution, rotate right. */
function referenceDecrypt(block: bigint, decoderKey: Uint8Array, tables: StaTables): bigint {
  const inverse = (t: readonly number[]): number[] => t.reduce<number[]>((acc, v, i) => { acc[v] = i; return acc; }, []);
  const s1Inv = inverse(tables.s1);
  const s2Inv = inverse(tables.s2);
  const pInv = inverse(tables.p);
  let key = ~BigInt(`0x${bytesToHex(decoderKey)}`) & MASK;
  key = ((key >> 12n) | (key << 52n)) & MASK;
  key = ((key << 15n) | (key >> 49n)) & MASK;
  let data = block;
  for (let round = 0; round < 16; round++) {
    let permuted = 0n;
    for (let s = 0; s < 64; s++) if ((data >> BigInt(s)) & 1n) permuted |= 1n << BigInt(pInv[s]!);
    let substituted = 0n;
    for (let i = 0n; i < 16n; i++) {
      const nibble = Number((permuted >> (4n * i)) & 15n);
      const table = ((key >> (4n * i + 3n)) & 1n) === 0n ? s1Inv : s2Inv;
      substituted |= BigInt(table[nibble]!) << (4n * i);
    }
    data = substituted;
    key = ((key >> 1n) | (key << 63n)) & MASK;
  }
  return data;
}

const permutation = (size: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer(), { minLength: size, maxLength: size })
    .map((weights) => [...Array(size).keys()].sort((a, b) => weights[a]! - weights[b]! || a - b));
const tableSet: fc.Arbitrary<StaTables> = fc.record({ s1: permutation(16), s2: permutation(16), p: permutation(64) });
const block64 = fc.bigInt({ min: 0n, max: MASK });
const key64 = fc.uint8Array({ minLength: 8, maxLength: 8 });

describe('EA07 / STA with the sample tables (vector 8.4)', () => {
  const dk = bytes('0ABC12DEF3456789');

  it('aligns the key: NOT, then rotate right 12 -> 876F543ED210CBA9', () => {
    expect(bytesToHex(staAlignKey(dk))).toBe('876F543ED210CBA9');
  });

  it('encrypts 0B19EB230100C207 to C45ED1619406DF95 and back', () => {
    expect(staEncrypt(0x0b19eb230100c207n, dk, SAMPLE_STA_TABLES)).toBe(0xc45ed1619406df95n);
    expect(staDecrypt(0xc45ed1619406df95n, dk, SAMPLE_STA_TABLES)).toBe(0x0b19eb230100c207n);
  });

  it('the reference reading of the spec gives the same vector', () => {
    expect(referenceEncrypt(0x0b19eb230100c207n, dk, SAMPLE_STA_TABLES)).toBe(0xc45ed1619406df95n);
  });

  it('reproduces the known non-conformant result of indexing the permutation MSB-first (sts-spec 5.1 pitfall)', () => {
    const msbFirst = { ...SAMPLE_STA_TABLES, p: SAMPLE_STA_TABLES.p.map((_, s) => 63 - SAMPLE_STA_TABLES.p[63 - s]!) };
    const wrong = insertClassBits(staEncrypt(0x0b19eb230100c207n, dk, msbFirst), 0);
    expect(wrong.toString()).toBe('66493961688496658576');
    expect(insertClassBits(staEncrypt(0x0b19eb230100c207n, dk), 0).toString()).toBe('51043465443420856213');
  });
});

describe('EA07 properties (any table set, including s2 != inverse(s1))', () => {
  it('the table-driven rounds equal the bit-by-bit reading of the spec', () => {
    fc.assert(fc.property(tableSet, key64, block64, (tables, key, block) => {
      expect(staEncrypt(block, key, tables)).toBe(referenceEncrypt(block, key, tables));
    }), { numRuns: 60 });
  });

  it('decrypt equals the spec-worded decryption and inverts encrypt', () => {
    fc.assert(fc.property(tableSet, key64, block64, (tables, key, block) => {
      expect(staDecrypt(block, key, tables)).toBe(referenceDecrypt(block, key, tables));
      expect(staDecrypt(staEncrypt(block, key, tables), key, tables)).toBe(block);
    }), { numRuns: 60 });
  });

  it('round-trips with the sample tables (property)', () => {
    fc.assert(fc.property(key64, block64, (key, block) => {
      expect(staDecrypt(staEncrypt(block, key), key)).toBe(block);
    }));
  });

  it('refuses keys that are not 8 bytes and blocks outside 64 bits', () => {
    expect(() => staEncrypt(0n, new Uint8Array(7))).toThrow(/8 bytes/);
    expect(() => staEncrypt(1n << 64n, new Uint8Array(8))).toThrow(/64-bit/);
  });
});
