import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_MAX, decodeTransferAmount, encodeTransferAmount, floorToEncodable, formatTenths, isEncodable,
  parseDecimalTenths, parseWholeNumber,
} from '../../../../electron/sts/transfer-amount';
import { StsInputError } from '../../../../electron/sts/result';

// sts-spec.md section 3, all 11 rows: kWh, tenths, field, decodes to (tenths).
const ROWS: readonly [string, number, number, number][] = [
  ['0.1', 1, 0x0001, 1],
  ['25.6', 256, 0x0100, 256],
  ['1638.3', 16383, 0x3fff, 16383],
  ['1638.4', 16384, 0x4000, 16384],
  ['1638.5', 16385, 0x4001, 16394],
  ['2000', 20000, 0x416a, 20004],
  ['18022.3', 180223, 0x8000, 180224],
  ['18022.4', 180224, 0x8000, 180224],
  ['181862.3', 1818623, 0xc000, 1818624],
  ['181862.4', 1818624, 0xc000, 1818624],
  ['1820162.4', 18201624, 0xffff, 18201624],
];

describe('TransferAmount coding (vectors 8.2)', () => {
  it.each(ROWS)('%s kWh = %i tenths -> field %i -> %i tenths', (kwh, tenths, field, decoded) => {
    expect(parseDecimalTenths(kwh)).toEqual({ ok: true, value: tenths });
    expect(encodeTransferAmount(tenths)).toBe(field);
    expect(decodeTransferAmount(field)).toBe(decoded);
  });

  it('field -> value -> field is the identity for all 65536 fields', () => {
    const mismatches: number[] = [];
    for (let field = 0; field <= 0xffff; field++) {
      if (encodeTransferAmount(decodeTransferAmount(field)) !== field) mismatches.push(field);
    }
    expect(mismatches).toEqual([]);
  });

  it('rounds up to the smallest carried value not below the input (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: AMOUNT_MAX }), (tenths) => {
      const carried = decodeTransferAmount(encodeTransferAmount(tenths));
      expect(carried).toBeGreaterThanOrEqual(tenths);
      expect(isEncodable(carried)).toBe(true);
      // Nothing encodable lies in [tenths, carried): the largest encodable value below `carried` is below `tenths`.
      if (carried > 0) expect(floorToEncodable(carried - 1)).toBeLessThan(tenths);
    }));
  });

  it('refuses negative, fractional and too-large values', () => {
    expect(() => encodeTransferAmount(-1)).toThrow(StsInputError);
    expect(() => encodeTransferAmount(1.5)).toThrow(/whole/);
    expect(() => encodeTransferAmount(AMOUNT_MAX + 1)).toThrow(/1820162.4/);
    expect(() => decodeTransferAmount(0x10000)).toThrow(StsInputError);
  });
});

describe('floorToEncodable (the vend rounding rule)', () => {
  it.each([
    [0, 0], [1, 1], [16383, 16383], [16384, 16384], [16385, 16384], [16393, 16384], [16394, 16394],
    [20000, 19994], [180214, 180214], [180215, 180214], [180223, 180214], [180224, 180224], [180323, 180224],
    [1818524, 1818524], [1818600, 1818524], [1818624, 1818624], [1819623, 1818624], [18201624, 18201624],
    [18201625, 18201624], [99999999, 18201624],
  ])('%i tenths -> %i', (tenths, floored) => {
    expect(floorToEncodable(tenths)).toBe(floored);
  });

  it('gives the largest encodable value not above the input (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: AMOUNT_MAX + 1000 }), (tenths) => {
      const floored = floorToEncodable(tenths);
      expect(floored).toBeLessThanOrEqual(tenths);
      expect(isEncodable(floored)).toBe(true);
      // The next value a token can carry is above the input.
      if (floored < AMOUNT_MAX) expect(decodeTransferAmount(encodeTransferAmount(floored + 1))).toBeGreaterThan(tenths);
    }));
  });

  it('refuses negative and fractional input', () => {
    expect(() => floorToEncodable(-1)).toThrow(StsInputError);
    expect(() => floorToEncodable(0.5)).toThrow(StsInputError);
  });
});

describe('decimal strings (never floats)', () => {
  it.each([
    ['0', 0], ['0.0', 0], ['1', 10], ['1.', 10], ['.5', 5], ['1.15', 12], ['1.10', 11], ['1.100000', 11],
    ['1.1000001', 12], ['0.01', 1], ['007.3', 73], [' 2.5 ', 25],
  ])('%s -> %i tenths (extra decimals round up)', (text, tenths) => {
    expect(parseDecimalTenths(text)).toEqual({ ok: true, value: tenths });
  });

  it.each(['', '-1', '+1', '1,5', '1.2.3', '1e3', 'abc', '1 kWh', 'NaN', '.'])('refuses %j naming the field', (text) => {
    const result = parseDecimalTenths(text, 'amount');
    expect(result).toMatchObject({ ok: false, error: { field: 'amount' } });
  });

  it('refuses amounts above the maximum', () => {
    expect(parseDecimalTenths('1820162.4').ok).toBe(true);
    expect(parseDecimalTenths('1820162.41').ok).toBe(false);
    expect(parseDecimalTenths('123456789012').ok).toBe(false);
  });

  it('formats tenths', () => {
    expect(formatTenths(1)).toBe('0.1');
    expect(formatTenths(16384)).toBe('1638.4');
    expect(formatTenths(0)).toBe('0.0');
  });

  it('parses whole numbers with a maximum', () => {
    expect(parseWholeNumber('65535', 'value', 65535)).toEqual({ ok: true, value: 65535 });
    expect(parseWholeNumber('65536', 'value', 65535)).toMatchObject({ ok: false, error: { field: 'value' } });
    expect(parseWholeNumber('1.5', 'value', 65535).ok).toBe(false);
    expect(parseWholeNumber('-1', 'value', 65535).ok).toBe(false);
  });
});
