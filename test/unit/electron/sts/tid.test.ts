import { describe, expect, it } from 'vitest';
import {
  baseDateOf, checkKen, dateFromTid, isBaseYear, lastTidTime, MAX_TID, tidFromDate, type BaseYear,
} from '../../../../electron/sts/tid';

describe('TID (vectors 8.3)', () => {
  it.each<[string, BaseYear, number]>([
    ['2004-03-01T13:55:00Z', 1993, 5871715],
    ['2024-11-24T20:15:00Z', 1993, 16777215],
    ['2014-01-01T08:00:00Z', 2014, 480],
  ])('%s on base %i -> %i', (iso, base, tid) => {
    expect(tidFromDate(new Date(iso), base)).toEqual({ ok: true, value: tid });
    expect(dateFromTid(tid, base).toISOString()).toBe(new Date(iso).toISOString());
  });

  it('drops seconds', () => {
    expect(tidFromDate(new Date('2004-03-01T13:55:59.999Z'), 1993)).toEqual({ ok: true, value: 5871715 });
  });

  it('gives the last minute of each base date', () => {
    expect(lastTidTime(1993).toISOString()).toBe('2024-11-24T20:15:00.000Z');
    expect(lastTidTime(2014).toISOString()).toBe('2045-11-24T20:15:00.000Z');
    expect(lastTidTime(2035).toISOString()).toBe('2066-11-24T20:15:00.000Z');
    expect(baseDateOf(2035).toISOString()).toBe('2035-01-01T00:00:00.000Z');
  });

  it('refuses a time before the base date and past its last minute', () => {
    expect(tidFromDate(new Date('2014-01-01T00:00:00Z'), 2014)).toEqual({ ok: true, value: 0 });
    const before = tidFromDate(new Date('2013-12-31T23:59:59Z'), 2014);
    expect(before).toMatchObject({ ok: false, error: { field: 'time' } });
    if (!before.ok) expect(before.error.message).toContain('before the base date 2014');
    const after = tidFromDate(new Date('2024-11-24T20:16:00Z'), 1993);
    expect(after).toMatchObject({ ok: false, error: { field: 'time' } });
    if (!after.ok) expect(after.error.message).toContain('newer base date');
    expect(tidFromDate(new Date('not a date'), 1993).ok).toBe(false);
  });

  it('knows the three base years', () => {
    expect([1993, 2014, 2035].every(isBaseYear)).toBe(true);
    expect(isBaseYear(2000)).toBe(false);
    expect(() => dateFromTid(MAX_TID + 1, 2014)).toThrow(/tid/);
  });
});

describe('KEN check', () => {
  it('refuses a TID whose top 8 bits exceed the KEN', () => {
    expect(checkKen(0x59ffff, 0x59)).toEqual({ ok: true, value: 0x59ffff });
    expect(checkKen(0x5a0000, 0x59)).toMatchObject({ ok: false, error: { field: 'tid' } });
    expect(checkKen(MAX_TID, 255).ok).toBe(true);
    expect(checkKen(0, 0).ok).toBe(true);
    expect(checkKen(0x10000, 0).ok).toBe(false);
  });
});
