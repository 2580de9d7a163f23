import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stsCrcField } from '../../../../electron/sts/crc16';
import { staEncrypt } from '../../../../electron/sts/sta';
import {
  buildClearCreditToken, buildClearTamperToken, buildCreditToken, buildManagementToken, buildMeterTestToken,
  buildSetMaximumPowerLimitToken, buildSetPhasePowerUnbalanceLimitToken, buildSetTariffRateToken,
  buildSetWaterMeterFactorToken, sealClassTwoToken, type CreditSubclass, type ManagementSubclass,
} from '../../../../electron/sts/token-builders';
import { createTokenCipher, type TokenCipherSpec } from '../../../../electron/sts/token-cipher';
import { StsInputError } from '../../../../electron/sts/result';
import { formatTokenNumber, insertClassBits } from '../../../../electron/sts/token-number';
import { tidFromDate } from '../../../../electron/sts/tid';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const DK1: TokenCipherSpec = { algorithm: 'EA07', decoderKey: bytes('E653341F9D5BF36F') };
const DK2: TokenCipherSpec = { algorithm: 'EA07', decoderKey: bytes('E94023262E9993C2') };

describe('EA07 tokens with the sample tables (vectors 8.12, RND 5)', () => {
  it.each<[string, TokenCipherSpec, CreditSubclass, number, number, string]>([
    ['electricity 0.1 kWh', DK1, 0, 5871715, 1, '67540125520408448957'],
    ['water 25.6 m3', DK1, 1, 5915550, 256, '32656787190707896065'],
    ['electricity 18022.4 kWh (field 0x8000)', DK1, 0, 5915575, 180224, '50450605560598727935'],
    ['electricity 0.1 kWh, second DKGA02 key', DK2, 0, 5871720, 1, '35478705889052336992'],
  ])('credit, %s', (_name, cipher, subclass, tid, amountTenths, token) => {
    const built = buildCreditToken({ cipher, subclass, tid, rnd: 5, amountTenths });
    expect(built.tokenNumber).toBe(token);
    expect(built.tokenClass).toBe(0);
    expect(built.amountTenths).toBe(amountTenths);
  });

  it('class 2 Set Maximum Power Limit 1000 W', () => {
    const built = buildSetMaximumPowerLimitToken({ cipher: DK1, tid: 5910301, rnd: 5, watts: 1000 });
    expect(built.tokenNumber).toBe('31607400466983708922');
    expect(built).toMatchObject({ tokenClass: 2, subclass: 0, valueField: 1000, value: 1000 });
  });

  it('class 2 Clear Tamper, pad 0', () => {
    expect(buildClearTamperToken({ cipher: DK1, tid: 5910360, rnd: 5 }).tokenNumber).toBe('24344972661234562295');
  });

  it('builds the plaintext block of the production vector 8.6: 05599863000119E6', () => {
    const built = buildCreditToken({ cipher: DK1, subclass: 0, tid: 0x599863, rnd: 5, amountTenths: 1 });
    expect(built.block).toBe(0x05599863000119e6n);
  });

  it('a prepared cipher and a cipher spec give the same token', () => {
    const prepared = createTokenCipher(DK1);
    expect(buildCreditToken({ cipher: prepared, subclass: 0, tid: 5871715, rnd: 5, amountTenths: 1 }).tokenNumber)
      .toBe('67540125520408448957');
  });

  it('rounds a credit amount up to what the token carries and reports it', () => {
    const built = buildCreditToken({ cipher: DK1, subclass: 0, tid: 1, rnd: 0, amountTenths: 16385 });
    expect(built).toMatchObject({ amountField: 0x4001, amountTenths: 16394 });
  });
});

describe('class 1 meter test/display tokens (vectors 8.9)', () => {
  it('2-digit manufacturer code 00, control 2^36-1', () => {
    const built = buildMeterTestToken({ manufacturerCodeDigits: 2, manufacturerCode: 0, control: 2 ** 36 - 1 });
    expect(built).toMatchObject({ tokenNumber: '56493153725450313471', tokenClass: 1, subclass: 0 });
  });

  it('4-digit manufacturer code 0000, control 2^28-1', () => {
    const built = buildMeterTestToken({ manufacturerCodeDigits: 4, manufacturerCode: 0, control: 2 ** 28 - 1 });
    expect(built).toMatchObject({ tokenNumber: '02305843005052951967', tokenClass: 1, subclass: 1 });
  });

  it('refuses values that do not fit', () => {
    expect(() => buildMeterTestToken({ manufacturerCodeDigits: 2, manufacturerCode: 100, control: 1 })).toThrow(/manufacturerCode/);
    expect(() => buildMeterTestToken({ manufacturerCodeDigits: 4, manufacturerCode: 1, control: 2 ** 28 })).toThrow(/control/);
    expect(() => buildMeterTestToken({ manufacturerCodeDigits: 3 as 2, manufacturerCode: 1, control: 1 })).toThrow(/2 or 4/);
  });
});

describe('management tokens', () => {
  const common = { cipher: DK1, tid: 5910301, rnd: 5 } as const;

  it('each named builder uses its subclass and raw 16-bit values', () => {
    expect(buildClearCreditToken({ ...common, register: 0xffff })).toMatchObject({ subclass: 1, valueField: 0xffff });
    expect(buildSetTariffRateToken({ ...common, rate: 12 })).toMatchObject({ subclass: 2, valueField: 12 });
    expect(buildClearTamperToken({ ...common, pad: 3 })).toMatchObject({ subclass: 5, valueField: 3 });
    expect(buildSetWaterMeterFactorToken({ ...common, factor: 7 })).toMatchObject({ subclass: 7, valueField: 7 });
  });

  it('power limits are coded like amounts and rounded up', () => {
    expect(buildSetPhasePowerUnbalanceLimitToken({ ...common, watts: 20000 })).toMatchObject({ subclass: 6, valueField: 0x416a, value: 20004 });
    expect(buildSetMaximumPowerLimitToken({ ...common, watts: 16385 })).toMatchObject({ valueField: 0x4001, value: 16394 });
  });

  it('the generic builder refuses key-change and unknown subclasses', () => {
    for (const subclass of [3, 4, 8, 9, 15]) {
      expect(() => buildManagementToken({ ...common, subclass: subclass as ManagementSubclass, value: 0 })).toThrow(/subclass/);
    }
    expect(() => buildClearCreditToken({ ...common, register: 0x10000 })).toThrow(/value/);
  });
});

describe('input checks', () => {
  const base = { cipher: DK1, subclass: 0, tid: 5871715, rnd: 5, amountTenths: 1 } as const;

  it.each([
    [{ tid: -1 }, 'tid'], [{ tid: 2 ** 24 }, 'tid'], [{ rnd: 16 }, 'rnd'], [{ rnd: 1.5 }, 'rnd'],
    [{ amountTenths: 18201625 }, 'amountTenths'], [{ amountTenths: 0.5 }, 'amountTenths'], [{ subclass: 4 }, 'subclass'],
  ])('throws StsInputError naming the field for %j', (override, field) => {
    expect(() => buildCreditToken({ ...base, ...override } as typeof base)).toThrow(StsInputError);
    expect(() => buildCreditToken({ ...base, ...override } as typeof base)).toThrow(expect.objectContaining({ field }));
  });

  it('refuses a TID past the key expiry (KEN)', () => {
    expect(() => buildCreditToken({ ...base, ken: 0x58 })).toThrow(expect.objectContaining({ field: 'tid' }));
    expect(buildCreditToken({ ...base, ken: 0x59 }).tokenNumber).toBe('67540125520408448957');
  });

  it('refuses a decoder key of the wrong length', () => {
    expect(() => buildCreditToken({ ...base, cipher: { algorithm: 'EA07', decoderKey: new Uint8Array(16) } }))
      .toThrow(expect.objectContaining({ field: 'decoderKey' }));
  });

  it('is deterministic: same inputs, same token; RND changes it', () => {
    const a = buildCreditToken(base).tokenNumber;
    expect(buildCreditToken(base).tokenNumber).toBe(a);
    expect(buildCreditToken({ ...base, rnd: 6 }).tokenNumber).not.toBe(a);
  });
});

describe('EA09 (DES) tokens', () => {
  const cipher: TokenCipherSpec = { algorithm: 'EA09', decoderKey: bytes('E653341F9D5BF36F') };

  it('is DES of the plain block, checked against node:crypto (des-ede3-ecb with K||K||K), then transposed', () => {
    const ea09 = buildCreditToken({ cipher, subclass: 0, tid: 5871715, rnd: 5, amountTenths: 1 });
    expect(ea09.block).toBe(0x05599863000119e6n);
    const key = Buffer.from('E653341F9D5BF36F', 'hex');
    const des = createCipheriv('des-ede3-ecb', Buffer.concat([key, key, key]), null).setAutoPadding(false);
    const encrypted = BigInt(`0x${des.update(Buffer.from('05599863000119E6', 'hex')).toString('hex')}`);
    expect(ea09.tokenNumber).toBe(formatTokenNumber(insertClassBits(encrypted, 0)));
  });
});

describe('sealClassTwoToken (the shape of key-change tokens)', () => {
  it('places a 12-bit head at bits 59..48 and a 32-bit tail at 47..16, then CRC, STA and class bits', () => {
    const withoutCrc = (3n << 60n) | (0xf25n << 48n) | (0xe653341fn << 16n);
    const block = withoutCrc | BigInt(stsCrcField(2, withoutCrc));
    const expected = formatTokenNumber(insertClassBits(staEncrypt(block, DK1.decoderKey), 2));
    const sealed = sealClassTwoToken(3, 0xf25, 0xe653341f, DK1);
    expect(sealed).toMatchObject({ tokenNumber: expected, tokenClass: 2, subclass: 3, block });
  });

  it('refuses fields wider than their bits', () => {
    expect(() => sealClassTwoToken(16, 0, 0, DK1)).toThrow(expect.objectContaining({ field: 'subclass' }));
    expect(() => sealClassTwoToken(3, 0x1000, 0, DK1)).toThrow(expect.objectContaining({ field: 'head12' }));
    expect(() => sealClassTwoToken(3, 0, 2 ** 32, DK1)).toThrow(expect.objectContaining({ field: 'tail32' }));
  });
});

describe('EA11 (MISTY1) credit tokens, sts-spec 8.8', () => {
  // DK from DKGA04 (sts-spec 8.8), PAN 600727000000000009, 0.1 units, RND 5, base date 1993.
  const EA11: TokenCipherSpec = { algorithm: 'EA11', decoderKey: bytes('F94B6ED353C3BFDB113E2D3A7EA3C41D') };

  it.each<[string, CreditSubclass, string, string]>([
    ['2004-03-01 13:00 electricity', 0, '2004-03-01T13:00:00Z', '59386323472137426967'],
    ['2004-03-01 13:05 water', 1, '2004-03-01T13:05:00Z', '47186281207955155808'],
  ])('%s -> %s', (_, subclass, time, expected) => {
    const tid = unwrapTid(time);
    expect(buildCreditToken({ cipher: EA11, subclass, amountTenths: 1, tid, rnd: 5 }).tokenNumber).toBe(expected);
  });

  it('management and key-change layouts seal with EA11 too (a 16-byte key)', () => {
    const built = buildClearTamperToken({ cipher: EA11, tid: 480, rnd: 5 });
    expect(built.tokenNumber).toMatch(/^\d{20}$/);
    expect(() => buildCreditToken({ cipher: { algorithm: 'EA11', decoderKey: bytes('E653341F9D5BF36F') }, subclass: 0, amountTenths: 1, tid: 1, rnd: 5 }))
      .toThrow(expect.objectContaining({ field: 'decoderKey' }));
  });
});

function unwrapTid(iso: string): number {
  const tid = tidFromDate(new Date(iso), 1993);
  if (!tid.ok) throw new Error(tid.error.message);
  return tid.value;
}
