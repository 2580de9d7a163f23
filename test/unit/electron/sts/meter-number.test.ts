import { describe, expect, it } from 'vitest';
import {
  controlBlockDigits, isLuhnValid, luhnCheckDigit, meterPanFromDrn, panBlock, panBlockDigits, parseDrn, parseMeterPan,
  parseSgc, type MeterPan,
} from '../../../../electron/sts/meter-number';
import { bytesToHex } from '../../../../electron/sts/hex';
import { StsInputError } from '../../../../electron/sts/result';

// sts-spec 8.10 and the MeterPANs of 8.5.
const VALID = ['58000000016', '58000000024', '58000000032', '58000000040', '58000000057', '47500150231'];
const VALID_PANS = ['600727000000000009', '000001000000000082', '600727475001502312'];

const pan = (text: string): MeterPan => {
  const result = parseMeterPan(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('Luhn (vectors 8.10)', () => {
  it.each([
    ['5800000001', 6], ['5800000002', 4], ['5800000003', 2], ['5800000004', 0], ['5800000005', 7], ['4750015023', 1],
  ])('check digit of %s is %i', (payload, digit) => {
    expect(luhnCheckDigit(payload)).toBe(digit);
  });

  it('catches every single-digit substitution in the valid vectors', () => {
    const missed: string[] = [];
    for (const number of [...VALID, ...VALID_PANS]) {
      for (let i = 0; i < number.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === number[i]) continue;
          const changed = number.slice(0, i) + String(d) + number.slice(i + 1);
          if (isLuhnValid(changed)) missed.push(changed);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('catches adjacent transpositions except 09 <-> 90 (its known blind spot)', () => {
    const missed: string[] = [];
    for (let a = 0; a <= 9; a++) {
      for (let b = 0; b <= 9; b++) {
        if (a === b) continue;
        for (const prefixLength of [0, 1, 2, 3]) {
          const payload = '4'.repeat(prefixLength) + `${a}${b}` + '1234567';
          const valid = payload + String(luhnCheckDigit(payload));
          const swapped = '4'.repeat(prefixLength) + `${b}${a}` + valid.slice(prefixLength + 2);
          if (isLuhnValid(swapped)) missed.push(`${a}${b}`);
        }
      }
    }
    expect([...new Set(missed)].sort()).toEqual(['09', '90']);
  });

  it('refuses non-digits', () => {
    expect(isLuhnValid('5800000001a')).toBe(false);
    expect(() => luhnCheckDigit('12a')).toThrow(StsInputError);
  });
});

describe('DRN and MeterPAN', () => {
  it.each(VALID)('%s is a valid 11-digit DRN', (drn) => {
    expect(parseDrn(drn)).toEqual({ ok: true, value: { digits: drn, length: 11 } });
  });

  it('builds MeterPANs: 47500150231 -> 600727475001502312; 13-digit DRNs get IIN 0000', () => {
    const eleven = parseDrn('47500150231');
    expect(eleven.ok && meterPanFromDrn(eleven.value).pan).toBe('600727475001502312');
    const thirteen = parseDrn('0100000000008');
    expect(thirteen.ok && meterPanFromDrn(thirteen.value)).toEqual({ pan: '000001000000000082', iin: '0000', drn: '0100000000008' });
    const stron = parseDrn('5800-0000-016');
    expect(stron.ok && meterPanFromDrn(stron.value).pan).toBe(`60072758000000016${luhnCheckDigit('60072758000000016')}`);
  });

  it.each(VALID_PANS)('parses the MeterPAN %s', (text) => {
    const parsed = pan(text);
    expect(parsed.pan).toBe(text);
    expect(parsed.iin + parsed.drn + text.slice(-1)).toBe(text);
  });

  it.each([
    ['5800000001', 'drn', '10 digits'],
    ['58000000017', 'drn', 'check digit'],
    ['5800000001x', 'drn', '"x"'],
  ])('refuses DRN %s', (text, field, message) => {
    const result = parseDrn(text);
    expect(result).toMatchObject({ ok: false, error: { field } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });

  it.each([
    ['60072700000000000', '17 digits'],
    ['600727000000000008', 'check digit'],
    [`12345600000000000${luhnCheckDigit('12345600000000000')}`, 'IIN'],
    [`60072700000000001${luhnCheckDigit('60072700000000001')}`, 'meter number 00000000001'],
  ])('refuses MeterPAN %s', (text, message) => {
    const result = parseMeterPan(text, 'pan');
    expect(result).toMatchObject({ ok: false, error: { field: 'pan' } });
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});

describe('PANBlock and CONTROLBlock (vectors 8.5)', () => {
  it('PANBlock is the MeterPAN without its first and last digits', () => {
    expect(panBlockDigits(pan('600727000000000009'), 2)).toBe('0072700000000000');
    expect(panBlockDigits(pan('000001000000000082'), 2)).toBe('0000100000000008');
    expect(bytesToHex(panBlock(pan('600727475001502312'), 2))).toBe('0072747500150231');
  });

  it('key type 3 (common key) zeroes the DRN digits and keeps the IIN part', () => {
    expect(panBlockDigits(pan('600727475001502312'), 3)).toBe('0072700000000000');
    expect(panBlockDigits(pan('000001000000000082'), 3)).toBe('0000000000000000');
  });

  it('CONTROLBlock is KT SGC TI KRN FFFFFF', () => {
    expect(controlBlockDigits({ keyType: 2, sgc: '123456', ti: 1, krn: 1 })).toBe('2123456011FFFFFF');
    expect(controlBlockDigits({ keyType: 0, sgc: '000001', ti: 99, krn: 9 })).toBe('0000001999FFFFFF');
  });

  it.each([
    [{ keyType: 4, sgc: '123456', ti: 1, krn: 1 }, 'keyType'],
    [{ keyType: 2, sgc: '12345', ti: 1, krn: 1 }, 'sgc'],
    [{ keyType: 2, sgc: '123456', ti: 100, krn: 1 }, 'ti'],
    [{ keyType: 2, sgc: '123456', ti: 1, krn: 0 }, 'krn'],
  ] as const)('refuses out-of-range parameters (%j)', (input, field) => {
    expect(() => controlBlockDigits(input as Parameters<typeof controlBlockDigits>[0])).toThrow(expect.objectContaining({ field }));
  });

  it('parses SGCs', () => {
    expect(parseSgc('123456')).toEqual({ ok: true, value: '123456' });
    expect(parseSgc('12345')).toMatchObject({ ok: false, error: { field: 'sgc' } });
  });
});
