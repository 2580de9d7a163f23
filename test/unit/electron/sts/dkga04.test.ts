import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDkga04Deriver, deriveDecoderKeyDkga04, dkga04Message, type Dkga04Params,
} from '../../../../electron/sts/dkga04';
import { parseMeterPan, type MeterPan } from '../../../../electron/sts/meter-number';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
const pan = (digits: string): MeterPan => {
  const parsed = parseMeterPan(digits);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};
const PAN = pan('600727000000000009');

const VK = bytes('ABABABABABABABAB949494949494949401234567');
const EA07_PARAMS: Dkga04Params = {
  pan: PAN, keyType: 2, sgc: '123457', ti: 1, krn: 1, baseYear: 1993, algorithm: 'EA07',
};

describe('DKGA04, sts-spec 8.7 (EA07, L = 64)', () => {
  it('builds the 49-byte message of section 6.5 exactly', () => {
    const message = dkga04Message(EA07_PARAMS);
    expect(message.length).toBe(49);
    expect(hex(message)).toBe(
      '04023034023933023037023031000406313233343537013201311236303037323730303030303030303030303900000040');
  });

  it('MACs it with the vending key: HMAC-SHA256 AA4B...7650, DK = bytes 0..7', () => {
    expect(hex(createHmac('sha256', VK).update(dkga04Message(EA07_PARAMS)).digest()))
      .toBe('AA4BAA8749C10D2738C95969717327DAA112ABE9F2DB351E2C66CC042A8E7650');
    expect(hex(deriveDecoderKeyDkga04(VK, EA07_PARAMS))).toBe('AA4BAA8749C10D27');
    expect(hex(createDkga04Deriver(VK)(EA07_PARAMS))).toBe('AA4BAA8749C10D27');
  });
});

describe('DKGA04, sts-spec 8.8 (EA11, L = 128)', () => {
  const params: Dkga04Params = { ...EA07_PARAMS, algorithm: 'EA11' };

  it('puts "11" and L = 0x80 in the message', () => {
    const message = hex(dkga04Message(params));
    expect(message.slice(14, 20)).toBe('023131');
    expect(message.slice(-8)).toBe('00000080');
  });

  it('derives the 128-bit key F94B6ED353C3BFDB113E2D3A7EA3C41D', () => {
    expect(hex(deriveDecoderKeyDkga04(VK, params))).toBe('F94B6ED353C3BFDB113E2D3A7EA3C41D');
    expect(hex(createDkga04Deriver(VK)(params))).toBe('F94B6ED353C3BFDB113E2D3A7EA3C41D');
  });
});

describe('DKGA04 inputs', () => {
  it('the base date is an input: 1993, 2014 and 2035 give three different keys', () => {
    const keys = ([1993, 2014, 2035] as const).map((baseYear) => hex(deriveDecoderKeyDkga04(VK, { ...EA07_PARAMS, baseYear })));
    expect(new Set(keys).size).toBe(3);
    expect(hex(dkga04Message({ ...EA07_PARAMS, baseYear: 2014 })).slice(8, 14)).toBe('023134');
  });

  it('codes TI as two digits, KT and KRN as one', () => {
    const message = hex(dkga04Message({ ...EA07_PARAMS, ti: 7, keyType: 1, krn: 9 }));
    expect(message.slice(20, 26)).toBe('023037');
    expect(message).toContain('0131' + '0139' + '12');
  });

  it('key type 3 (common key) replaces the meter digits of the PAN by zeros', () => {
    const message = hex(dkga04Message({ ...EA07_PARAMS, keyType: 3, pan: pan('600727475001502312') }));
    expect(message).toContain('12' + hex(Buffer.from('600727000000000000')));
  });

  it('rejects what the message cannot carry', () => {
    expect(() => deriveDecoderKeyDkga04(new Uint8Array(8), EA07_PARAMS)).toThrow(/20 bytes/);
    expect(() => createDkga04Deriver(new Uint8Array(16))).toThrow(/20 bytes/);
    expect(() => dkga04Message({ ...EA07_PARAMS, krn: 0 })).toThrow(/krn/);
    expect(() => dkga04Message({ ...EA07_PARAMS, ti: 100 })).toThrow(/ti/);
    expect(() => dkga04Message({ ...EA07_PARAMS, sgc: '12345' })).toThrow(/sgc/);
    expect(() => dkga04Message({ ...EA07_PARAMS, pan: { ...PAN, pan: '60072700000000009' } })).toThrow(/pan/);
  });

  it('the prepared deriver agrees with plain createHmac for any parameters', () => {
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 20, maxLength: 20 }),
      fc.record({
        keyType: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
        sgc: fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
        ti: fc.integer({ min: 0, max: 99 }),
        krn: fc.integer({ min: 1, max: 9 }),
        baseYear: fc.constantFrom(1993 as const, 2014 as const, 2035 as const),
        algorithm: fc.constantFrom('EA07' as const, 'EA11' as const),
      }),
      (vk, p) => {
        const params: Dkga04Params = { ...p, pan: PAN };
        const derived = createDkga04Deriver(vk)(params);
        expect(derived.length).toBe(params.algorithm === 'EA11' ? 16 : 8);
        expect(hex(derived)).toBe(hex(deriveDecoderKeyDkga04(vk, params)));
      }), { numRuns: 200 });
  });
});
