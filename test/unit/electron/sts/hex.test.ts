import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigIntToBytes, bigIntToHalves, bytesToBigInt, bytesToHalves, bytesToHex, halvesToBigInt, halvesToBytes, parseHexBytes, toHex,
} from '../../../../electron/sts/hex';

describe('hex', () => {
  it('parses case-insensitively and prints upper case', () => {
    const parsed = parseHexBytes('e653341f9D5BF36F', 'dk', 8);
    expect(parsed.ok && bytesToHex(parsed.value)).toBe('E653341F9D5BF36F');
    expect(toHex(0x3e8, 4)).toBe('03E8');
  });

  it.each([
    ['', 'empty'], ['E653341F9D5BF36', '16 hex digits'], ['0xE653341F9D5BF3', 'not hexadecimal'], ['E653 341F9D5BF36F', 'not hexadecimal'],
  ])('refuses %j naming the field', (text, message) => {
    const result = parseHexBytes(text, 'dk', 8);
    expect(result).toMatchObject({ ok: false, error: { field: 'dk' } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it('bytes, halves and BigInt agree (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (b) => {
      const [hi, lo] = bytesToHalves(b);
      const big = bytesToBigInt(b);
      expect(halvesToBigInt(hi, lo)).toBe(big);
      expect(bigIntToHalves(big)).toEqual([hi, lo]);
      expect(halvesToBytes(hi, lo)).toEqual(b);
      expect(bigIntToBytes(big, 8)).toEqual(b);
    }));
  });
});
