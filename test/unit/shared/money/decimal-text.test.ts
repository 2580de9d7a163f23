import { describe, expect, it } from 'vitest';
import { formatPricePerUnit, formatRatePercent, parsePricePerUnit, parseRatePercent } from '../../../../shared/money';

describe('prices per unit (stored at 1/10,000)', () => {
  it('parses up to 4 decimals digit by digit', () => {
    expect(parsePricePerUnit('1')).toEqual({ ok: true, value: 10_000n });
    expect(parsePricePerUnit(' 1.2345 ')).toEqual({ ok: true, value: 12_345n });
    expect(parsePricePerUnit('0.0001')).toEqual({ ok: true, value: 1n });
    expect(parsePricePerUnit('.5')).toEqual({ ok: true, value: 5_000n });
    expect(parsePricePerUnit('1,000.10')).toEqual({ ok: true, value: 10_001_000n });
  });

  it('refuses more decimals, zero, signs and words', () => {
    expect(parsePricePerUnit('1.23456')).toEqual({ ok: false, problem: 'A price has at most 4 decimals.' });
    expect(parsePricePerUnit('0')).toMatchObject({ ok: false, problem: 'The price must be more than 0.' });
    expect(parsePricePerUnit('-1')).toMatchObject({ ok: false });
    expect(parsePricePerUnit('1e3')).toMatchObject({ ok: false });
    expect(parsePricePerUnit('2000000')).toMatchObject({ ok: false });
  });

  it('prints without trailing zeros, as the seed shows "1"', () => {
    expect(formatPricePerUnit(10_000)).toBe('1');
    expect(formatPricePerUnit(12_345n)).toBe('1.2345');
    expect(formatPricePerUnit(15_000)).toBe('1.5');
    expect(formatPricePerUnit(1)).toBe('0.0001');
  });
});

describe('tax rates (stored in basis points)', () => {
  it('parses percent with up to 2 decimals', () => {
    expect(parseRatePercent('13')).toEqual({ ok: true, value: 1300n });
    expect(parseRatePercent('0.1')).toEqual({ ok: true, value: 10n });
    expect(parseRatePercent('12.75')).toEqual({ ok: true, value: 1275n });
    expect(parseRatePercent('0')).toEqual({ ok: true, value: 0n });
    expect(parseRatePercent('100')).toEqual({ ok: true, value: 10_000n });
  });

  it('refuses a third decimal and more than 100 %', () => {
    expect(parseRatePercent('0.125')).toMatchObject({ ok: false });
    expect(parseRatePercent('100.01')).toMatchObject({ ok: false, problem: 'A rate must be at most 100 %.' });
    expect(parseRatePercent('thirteen')).toMatchObject({ ok: false });
  });

  it('prints as the seed does ("13", "0.1")', () => {
    expect(formatRatePercent(1300)).toBe('13');
    expect(formatRatePercent(10)).toBe('0.1');
    expect(formatRatePercent(1250n)).toBe('12.5');
    expect(formatRatePercent(0)).toBe('0');
  });
});
