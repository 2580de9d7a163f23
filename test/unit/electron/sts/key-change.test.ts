import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveDecoderKeyDkga04, type Dkga04Params } from '../../../../electron/sts/dkga04';
import { parseMeterPan, type MeterPan } from '../../../../electron/sts/meter-number';
import { buildKeyChangeTokens, KEY_CHANGE_SUBCLASS } from '../../../../electron/sts/key-change';
import { createTokenCipher } from '../../../../electron/sts/token-cipher';
import { decodeToken } from '../../../../electron/sts/token-decoder';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
const pan = (digits: string): MeterPan => {
  const parsed = parseMeterPan(digits);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};
const PAN = pan('600727000000000009');

const OLD_64 = bytes('E653341F9D5BF36F');
const NEW_64 = bytes('E94023262E9993C2');

describe('2-token key change (64-bit keys: EA07, EA09)', () => {
  it.each(['EA07', 'EA09'] as const)('%s: subclasses 3 then 4, encrypted with the old key, carrying every field', (algorithm) => {
    const set = buildKeyChangeTokens({
      cipher: { algorithm, decoderKey: OLD_64 }, newDecoderKey: NEW_64, keyType: 2, krn: 3, ti: 99, ken: 0xa7, rollover: true,
    });
    expect(set.keyBits).toBe(64);
    expect(set.tokens.map((t) => [t.section, t.subclass, t.tokenClass])).toEqual([[1, 3, 2], [2, 4, 2]]);
    const old = createTokenCipher({ algorithm, decoderKey: OLD_64 });
    const [first, second] = set.tokens.map((t) => decodeToken(BigInt(t.tokenNumber), old));
    expect(first).toMatchObject({ tokenClass: 2, subclass: 3, crcOk: true });
    expect(first!.fields).toEqual({ kind: 'set-decoder-key-1', kenHigh: 0xa, krn: 3, rollover: true, reservedBit: 0, keyType: 2, keyBits: hex(NEW_64).slice(0, 8) });
    expect(second!.fields).toEqual({ kind: 'set-decoder-key-2', kenLow: 0x7, ti: 99, keyBits: hex(NEW_64).slice(8) });
    // TI is binary in the 2nd token: 99 = 0x63 in block bits 55..48 (not BCD 0x99).
    expect(Number((second!.block >> 48n) & 0xffn)).toBe(0x63);
  });

  it('the new key cannot read the set (it is encrypted with the old one)', () => {
    const set = buildKeyChangeTokens({ cipher: { algorithm: 'EA07', decoderKey: OLD_64 }, newDecoderKey: NEW_64, keyType: 2, krn: 2, ti: 1 });
    const wrong = createTokenCipher({ algorithm: 'EA07', decoderKey: NEW_64 });
    expect(set.tokens.map((t) => decodeToken(BigInt(t.tokenNumber), wrong).crcOk)).toEqual([false, false]);
  });

  it('KEN defaults to 255 and RO to 0', () => {
    const set = buildKeyChangeTokens({ cipher: { algorithm: 'EA07', decoderKey: OLD_64 }, newDecoderKey: NEW_64, keyType: 1, krn: 1, ti: 0 });
    const old = createTokenCipher({ algorithm: 'EA07', decoderKey: OLD_64 });
    const [first, second] = set.tokens.map((t) => decodeToken(BigInt(t.tokenNumber), old).fields);
    expect(first).toMatchObject({ kenHigh: 15, rollover: false, keyType: 1 });
    expect(second).toMatchObject({ kenLow: 15, ti: 0 });
  });

  it('any new key and fields come back from the decoded set', () => {
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 255 }), fc.boolean(),
      (newKey, keyType, krn, ti, ken, rollover) => {
        const set = buildKeyChangeTokens({ cipher: { algorithm: 'EA07', decoderKey: OLD_64 }, newDecoderKey: newKey, keyType, krn, ti, ken, rollover });
        const old = createTokenCipher({ algorithm: 'EA07', decoderKey: OLD_64 });
        const [a, b] = set.tokens.map((t) => decodeToken(BigInt(t.tokenNumber), old));
        expect([a!.crcOk, b!.crcOk]).toEqual([true, true]);
        expect(a!.fields).toEqual({ kind: 'set-decoder-key-1', kenHigh: ken >> 4, krn, rollover, reservedBit: 0, keyType, keyBits: hex(newKey).slice(0, 8) });
        expect(b!.fields).toEqual({ kind: 'set-decoder-key-2', kenLow: ken & 15, ti, keyBits: hex(newKey).slice(8) });
      }), { numRuns: 150 });
  });
});

describe('4-token key change (128-bit keys: EA11)', () => {
  const VK = bytes('ABABABABABABABAB949494949494949401234567');
  const params: Dkga04Params = {
    pan: PAN, keyType: 2, sgc: '123457', ti: 1, krn: 1, baseYear: 1993, algorithm: 'EA11',
  };
  const oldKey = deriveDecoderKeyDkga04(VK, params);

  it('is entered 1st, 2nd, 3rd, 4th = subclasses 3, 4, 8, 9', () => {
    expect(Object.values(KEY_CHANGE_SUBCLASS)).toEqual([3, 4, 8, 9]);
  });

  // NECTAR's transcription of the STS 531 0.04 conformance test CTSA05 (one public source, [C1]): old key DKGA04 with
  // TI 01, new key DKGA04 with TI 02, KRN 1, KT 2, KEN 255, SGC 123457.
  it('reproduces the public EA11 key-change vectors (NECTAR 0_04 CTSA05, step 1)', () => {
    const newKey = deriveDecoderKeyDkga04(VK, { ...params, ti: 2 });
    const set = buildKeyChangeTokens({
      cipher: { algorithm: 'EA11', decoderKey: oldKey }, newDecoderKey: newKey, keyType: 2, krn: 1, ti: 2, ken: 255, sgc: '123457',
    });
    expect(set.keyBits).toBe(128);
    expect(set.tokens.map((t) => t.tokenNumber)).toEqual([
      '34812744915211133004', '46903925208523674737', '71464563847088610152', '67904239402617643990',
    ]);
  });

  it('reproduces the roll-over vectors (NECTAR 0_04 CTSA05, step 2: KRN 4, base date 2014, RO = 1)', () => {
    const newKey = deriveDecoderKeyDkga04(VK, { ...params, ti: 2, krn: 4, baseYear: 2014 });
    const set = buildKeyChangeTokens({
      cipher: { algorithm: 'EA11', decoderKey: oldKey }, newDecoderKey: newKey, keyType: 2, krn: 4, ti: 2, rollover: true, sgc: '123457',
    });
    expect(set.tokens.slice(0, 2).map((t) => t.tokenNumber)).toEqual(['56493341861242437581', '51757380361191578258']);
  });

  it('splits the key 1st = bits 127..96, 3rd = 95..64, 4th = 63..32, 2nd = 31..0 and the SGC high/low 12 bits', () => {
    const newKey = bytes('00112233445566778899AABBCCDDEEFF');
    const set = buildKeyChangeTokens({
      cipher: { algorithm: 'EA11', decoderKey: oldKey }, newDecoderKey: newKey, keyType: 2, krn: 5, ti: 7, sgc: '987654',
    });
    const old = createTokenCipher({ algorithm: 'EA11', decoderKey: oldKey });
    const decoded = set.tokens.map((t) => decodeToken(BigInt(t.tokenNumber), old));
    expect(decoded.map((d) => d.crcOk)).toEqual([true, true, true, true]);
    expect(decoded.map((d) => ('keyBits' in d.fields ? d.fields.keyBits : ''))).toEqual(['00112233', 'CCDDEEFF', '44556677', '8899AABB']);
    expect(decoded[2]!.fields).toMatchObject({ kind: 'set-decoder-key-3', sgcLow12: 987654 & 0xfff });
    expect(decoded[3]!.fields).toMatchObject({ kind: 'set-decoder-key-4', sgcHigh12: 987654 >> 12 });
  });
});

describe('key change inputs', () => {
  const base = { cipher: { algorithm: 'EA07' as const, decoderKey: OLD_64 }, newDecoderKey: NEW_64, keyType: 2, krn: 2, ti: 1 };

  it('refuses what the tokens cannot carry', () => {
    expect(() => buildKeyChangeTokens({ ...base, newDecoderKey: new Uint8Array(16) })).toThrow(/8 bytes/);
    expect(() => buildKeyChangeTokens({ ...base, krn: 0 })).toThrow(/krn/);
    expect(() => buildKeyChangeTokens({ ...base, krn: 10 })).toThrow(/krn/);
    expect(() => buildKeyChangeTokens({ ...base, keyType: 4 })).toThrow(/keyType/);
    expect(() => buildKeyChangeTokens({ ...base, ti: 100 })).toThrow(/ti/);
    expect(() => buildKeyChangeTokens({ ...base, ken: 256 })).toThrow(/ken/);
  });

  it('a 4-token set needs the SGC and a 16-byte key', () => {
    const cipher = { algorithm: 'EA11' as const, decoderKey: bytes('F94B6ED353C3BFDB113E2D3A7EA3C41D') };
    expect(() => buildKeyChangeTokens({ ...base, cipher, newDecoderKey: new Uint8Array(16) })).toThrow(/sgc/);
    expect(() => buildKeyChangeTokens({ ...base, cipher, newDecoderKey: new Uint8Array(16), sgc: '12345' })).toThrow(/sgc/);
    expect(() => buildKeyChangeTokens({ ...base, cipher, sgc: '123457' })).toThrow(/16 bytes/);
  });
});
