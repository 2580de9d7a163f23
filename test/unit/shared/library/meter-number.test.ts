import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid as engineIsLuhnValid, luhnCheckDigit as engineLuhnCheckDigit } from '../../../../electron/sts';
import { checkMeterNumber, isLuhnValid, luhnCheckDigit, type MeterNumberRule } from '../../../../shared/library';

const M58: MeterNumberRule = { scheme: 'STS', manufacturerCode: '58' };
const ANY: MeterNumberRule = { scheme: 'STS', manufacturerCode: null };
const MANUAL = ['58000000016', '58000000024', '58000000032', '58000000040', '58000000057'];
const DEMO = ['58000000065', '58000000099', '58000000354', '58000009181', '58000807915', '58009000181', '58001855558', '58000055556', '58010003182', '58091801686'];

describe('the Luhn rule agrees with the token engine', () => {
  it('on random payloads of 1 to 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,17}$/), (payload) => {
        expect(luhnCheckDigit(payload)).toBe(engineLuhnCheckDigit(payload));
        for (let d = 0; d <= 9; d++) expect(isLuhnValid(payload + d)).toBe(engineIsLuhnValid(payload + d));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('meter numbers (reliability.md R19)', () => {
  it('accepts the manual vectors and the demo meters', () => {
    for (const n of [...MANUAL, ...DEMO]) expect(checkMeterNumber(n, M58)).toEqual({ ok: true, meterNo: n });
  });

  it('rejects every single-digit substitution of a valid number', () => {
    for (const n of MANUAL) {
      for (let i = 0; i < n.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === n[i]) continue;
          const wrong = n.slice(0, i) + d + n.slice(i + 1);
          expect(checkMeterNumber(wrong, ANY).ok, wrong).toBe(false);
        }
      }
    }
  });

  it('rejects every adjacent transposition except 09 <-> 90 (Luhn cannot see that one)', () => {
    let blindSpots = 0;
    const withNine = `5809000000${luhnCheckDigit('5809000000')}`; // holds a 09 pair
    for (const n of [...MANUAL, ...DEMO, withNine]) {
      for (let i = 0; i + 1 < n.length; i++) {
        if (n[i] === n[i + 1]) continue;
        const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
        const pair = `${n[i]}${n[i + 1]}`;
        if (pair === '09' || pair === '90') {
          blindSpots += 1;
          expect(isLuhnValid(swapped), swapped).toBe(true);
        } else {
          expect(checkMeterNumber(swapped, ANY).ok, swapped).toBe(false);
        }
      }
    }
    expect(blindSpots).toBeGreaterThan(0);
  });

  it('says what is wrong in a sentence naming the meter number', () => {
    expect(checkMeterNumber('58000000017', M58)).toEqual({
      ok: false,
      problem: 'The meter number 58000000017 fails its check digit (the last digit should be 6); look for a mistyped or swapped digit.',
    });
    expect(checkMeterNumber('5800000001', M58)).toMatchObject({ ok: false, problem: expect.stringContaining('has 10 digits') });
    expect(checkMeterNumber('47500150231', M58)).toMatchObject({ ok: false, problem: expect.stringContaining('manufacturer code 58') });
    expect(checkMeterNumber('5800000001A', M58)).toMatchObject({ ok: false, problem: expect.stringContaining('"A"') });
    expect(checkMeterNumber('  ', M58)).toEqual({ ok: false, problem: 'Type the meter number.' });
  });

  it('drops spaces and dashes typed between groups, and takes 13-digit numbers for 4-digit codes', () => {
    expect(checkMeterNumber('5800 0000 016', M58)).toEqual({ ok: true, meterNo: '58000000016' });
    const payload = '000100000000';
    const n13 = payload + luhnCheckDigit(payload);
    expect(checkMeterNumber(n13, { scheme: 'STS', manufacturerCode: '0001' })).toEqual({ ok: true, meterNo: n13 });
    expect(checkMeterNumber(n13, ANY)).toEqual({ ok: true, meterNo: n13 });
    expect(checkMeterNumber(n13, M58).ok).toBe(false);
  });

  it('checks solar kit serials against the model prefix', () => {
    const kit: MeterNumberRule = { scheme: 'OpenPAYGO', serialPrefix: 'SK' };
    expect(checkMeterNumber(' sk-0001 ', kit)).toEqual({ ok: true, meterNo: 'SK-0001' });
    expect(checkMeterNumber('AB0001', kit)).toMatchObject({ ok: false, problem: expect.stringContaining('start with "SK"') });
    expect(checkMeterNumber('SK', kit).ok).toBe(false);
    expect(checkMeterNumber('SK 01', kit).ok).toBe(false);
  });
});
