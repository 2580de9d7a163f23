import { describe, expect, it } from 'vitest';
import { formatUnits, formatUnitsNumber, METER_KINDS, UNIT_OF_METER_KIND } from '../../../../shared/format/units';

describe('formatUnits', () => {
  it('shows integer tenths with one decimal and the unit of the meter kind (the seed figures)', () => {
    expect(formatUnits(87, 'electricity')).toBe('8.7 kWh');
    expect(formatUnits(174, 'electricity')).toBe('17.4 kWh');
    expect(formatUnits(10, 'electricity')).toBe('1.0 kWh');
    expect(formatUnits(125, 'water')).toBe('12.5 m³');
    expect(formatUnits(3, 'gas')).toBe('0.3 m³');
    expect(formatUnits(300, 'solar-kit')).toBe('30.0 days');
  });

  it('handles zero, negatives and the top of the STS 0.1 band', () => {
    expect(formatUnitsNumber(0)).toBe('0.0');
    expect(formatUnitsNumber(-5)).toBe('-0.5');
    expect(formatUnitsNumber(16383)).toBe('1638.3');
    expect(formatUnitsNumber(10n ** 15n)).toBe('100000000000000.0');
  });

  it('refuses fractions of a tenth', () => {
    expect(() => formatUnitsNumber(8.7)).toThrow(RangeError);
  });

  it('has a unit for every meter kind', () => {
    for (const kind of METER_KINDS) expect(UNIT_OF_METER_KIND[kind]).toMatch(/\S/);
  });
});
