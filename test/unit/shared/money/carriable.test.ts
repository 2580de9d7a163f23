import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorToEncodable as engineFloorToEncodable, AMOUNT_MAX } from '../../../../electron/sts';
import { floorToCarriable, floorToEncodableTenths, isCarriable, STS_MAX_TENTHS } from '../../../../shared/money';

/** shared/ restates the engine's band arithmetic (it may not import electron/sts): the two must never drift. */
describe('floorToEncodableTenths agrees with the token engine', () => {
  it('has the same maximum', () => {
    expect(STS_MAX_TENTHS).toBe(BigInt(AMOUNT_MAX));
  });

  it('on every value from 0 to 200,000 tenths (bands 0 and 1 and the start of 2)', () => {
    for (let v = 0; v <= 200_000; v++) {
      if (floorToEncodableTenths(v) !== BigInt(engineFloorToEncodable(v))) throw new Error(`they differ at ${v}`);
    }
  });

  it('around every band edge and the maximum', () => {
    for (const edge of [16_384, 180_214, 180_224, 1_818_524, 1_818_624, 18_201_624]) {
      for (let v = edge - 1500; v <= edge + 1500; v++) {
        expect(floorToEncodableTenths(v)).toBe(BigInt(engineFloorToEncodable(v)));
      }
    }
  });

  it('on random values up to twice the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * AMOUNT_MAX }), (v) => floorToEncodableTenths(v) === BigInt(engineFloorToEncodable(v))),
      { numRuns: 20_000 },
    );
  });
});

describe('what a token carries', () => {
  it('1740.0 kWh floors to 1739.4, 1638.4 stays, values in a gap floor to the band below', () => {
    expect(floorToEncodableTenths(17_400)).toBe(17_394n);
    expect(floorToEncodableTenths(16_384)).toBe(16_384n);
    expect(floorToEncodableTenths(180_223)).toBe(180_214n);
  });

  it('OpenPAYGO carries whole days up to 995', () => {
    expect(floorToCarriable(215, 'OpenPAYGO')).toBe(210n);
    expect(floorToCarriable(99_999, 'OpenPAYGO')).toBe(9950n);
    expect(isCarriable(210, 'OpenPAYGO')).toBe(true);
    expect(isCarriable(215, 'OpenPAYGO')).toBe(false);
    expect(isCarriable(17_394, 'STS')).toBe(true);
    expect(isCarriable(17_400, 'STS')).toBe(false);
  });

  it('refuses negative and fractional tenths', () => {
    expect(() => floorToEncodableTenths(-1)).toThrow(RangeError);
    expect(() => floorToEncodableTenths(1.5)).toThrow(RangeError);
  });
});
