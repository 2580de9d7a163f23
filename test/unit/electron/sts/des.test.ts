import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DES_S_BOXES, desDecryptBlock, desDecryptHalves, desEncryptBlock, desEncryptHalves, prepareDesKey,
} from '../../../../electron/sts/des';
import { bytesToHex } from '../../../../electron/sts/hex';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

/** Single DES through node:crypto: Triple DES EDE with K||K||K collapses to single DES (toolchain.md section 6). */
function nodeDes(key: Uint8Array, block: Uint8Array, decrypt = false): Uint8Array {
  const k = Buffer.concat([key, key, key]);
  const cipher = decrypt
    ? createDecipheriv('des-ede3-ecb', k, null)
    : createCipheriv('des-ede3-ecb', k, null);
  cipher.setAutoPadding(false);
  return Uint8Array.from(Buffer.concat([cipher.update(block), cipher.final()]));
}

describe('DES (FIPS 46-3), pure TypeScript', () => {
  it('key 133457799BBCDFF1: 0123456789ABCDEF -> 85E813540F0AB405', () => {
    expect(bytesToHex(desEncryptBlock(bytes('133457799BBCDFF1'), bytes('0123456789ABCDEF')))).toBe('85E813540F0AB405');
    expect(bytesToHex(desDecryptBlock(bytes('133457799BBCDFF1'), bytes('85E813540F0AB405')))).toBe('0123456789ABCDEF');
  });

  it('key 0123456789ABCDEF: "Now is t" -> 3FA40E8A984D4815', () => {
    expect(bytesToHex(desEncryptBlock(bytes('0123456789ABCDEF'), Buffer.from('Now is t', 'ascii')))).toBe('3FA40E8A984D4815');
  });

  it('ignores the parity bits of the key', () => {
    const key = bytes('133457799BBCDFF1');
    const flipped = key.map((b) => b ^ 1);
    expect(desEncryptBlock(flipped, bytes('0123456789ABCDEF'))).toEqual(desEncryptBlock(key, bytes('0123456789ABCDEF')));
  });

  it('has S-boxes whose every row is a permutation of 0..15', () => {
    for (const box of DES_S_BOXES) {
      for (let row = 0; row < 4; row++) {
        expect([...box.slice(row * 16, row * 16 + 16)].sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
      }
    }
  });

  it('agrees with node:crypto des-ede3-ecb with K||K||K, both directions (property)', () => {
    const eight = fc.uint8Array({ minLength: 8, maxLength: 8 });
    fc.assert(fc.property(eight, eight, (key, block) => {
      expect(desEncryptBlock(key, block)).toEqual(nodeDes(key, block));
      expect(desDecryptBlock(key, block)).toEqual(nodeDes(key, block, true));
    }), { numRuns: 300 });
  });

  it('the halves API round-trips under one schedule (property)', () => {
    const schedule = prepareDesKey(bytes('ABABABABABABABAB'));
    const out = new Uint32Array(2);
    fc.assert(fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (hi, lo) => {
      desEncryptHalves(schedule, hi, lo, out);
      desDecryptHalves(schedule, out[0]!, out[1]!, out);
      expect([out[0], out[1]]).toEqual([hi, lo]);
    }));
  });

  it('refuses keys and blocks that are not 8 bytes', () => {
    expect(() => prepareDesKey(new Uint8Array(16))).toThrow(/8 bytes/);
    expect(() => desEncryptBlock(new Uint8Array(8), new Uint8Array(9))).toThrow(/8 bytes/);
  });
});
