import { describe, expect, it } from 'vitest';
import { allocateTid, tidDateText, wallClockInZone } from '../../../../../electron/services/vending/tid-allocation';
import { MAX_TID, tidFromDate } from '../../../../../electron/sts';

const at = (iso: string) => new Date(iso);
const minuteOf = (iso: string) => {
  const tid = tidFromDate(at(iso), 2014);
  if (!tid.ok) throw new Error('bad test time');
  return tid.value;
};

describe('TID allocation: tid = max(now in minutes, last + 1)', () => {
  it('takes the current minute since the base date for a meter without TIDs', () => {
    const result = allocateTid({ now: at('2026-05-01T08:00:30Z'), timeZone: 'UTC', baseYear: 2014, lastTid: null });
    expect(result).toEqual({ ok: true, tid: minuteOf('2026-05-01T08:00:00Z'), tidDate: '2026-05-01T08:00' });
  });

  it('gives five vends in one minute five rising TIDs', () => {
    const now = at('2026-05-01T08:00:10Z');
    let last: number | null = null;
    const tids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result = allocateTid({ now, timeZone: 'UTC', baseYear: 2014, lastTid: last });
      if (!result.ok) throw new Error(result.message);
      tids.push(result.tid);
      last = result.tid;
    }
    const first = minuteOf('2026-05-01T08:00:00Z');
    expect(tids).toEqual([first, first + 1, first + 2, first + 3, first + 4]);
  });

  it('never repeats or goes below the last TID when the clock went back', () => {
    const last = minuteOf('2026-05-02T08:00:00Z');
    const result = allocateTid({ now: at('2026-05-01T08:00:00Z'), timeZone: 'UTC', baseYear: 2014, lastTid: last });
    expect(result).toMatchObject({ ok: true, tid: last + 1 });
  });

  it('counts minutes in the TID time zone of the settings', () => {
    const utc = allocateTid({ now: at('2026-05-01T08:00:00Z'), timeZone: 'UTC', baseYear: 2014, lastTid: null });
    const nairobi = allocateTid({ now: at('2026-05-01T08:00:00Z'), timeZone: 'Africa/Nairobi', baseYear: 2014, lastTid: null });
    if (!utc.ok || !nairobi.ok) throw new Error('allocation failed');
    expect(nairobi.tid - utc.tid).toBe(180);
    expect(nairobi.tidDate).toBe('2026-05-01T11:00');
    expect(wallClockInZone(at('2026-01-15T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-01-15T13:00:00.000Z');
    expect(() => wallClockInZone(at('2026-01-15T12:00:00Z'), 'Not/AZone')).toThrow(RangeError);
  });

  it('refuses a clock before the base date, an exhausted base date, and an expired key', () => {
    expect(allocateTid({ now: at('2013-06-01T00:00:00Z'), timeZone: 'UTC', baseYear: 2014, lastTid: null })).toMatchObject({ ok: false, problem: 'CLOCK' });
    expect(allocateTid({ now: at('2026-05-01T08:00:00Z'), timeZone: 'UTC', baseYear: 1993, lastTid: null })).toMatchObject({ ok: false, problem: 'EXHAUSTED' });
    expect(allocateTid({ now: at('2044-01-01T00:00:00Z'), timeZone: 'UTC', baseYear: 2014, lastTid: MAX_TID })).toMatchObject({ ok: false, problem: 'EXHAUSTED' });
    const expired = allocateTid({ now: at('2026-05-01T08:00:00Z'), timeZone: 'UTC', baseYear: 2014, lastTid: null, ken: 1 });
    expect(expired).toMatchObject({ ok: false, problem: 'KEY_EXPIRED' });
  });

  it('writes the minute a TID names', () => {
    expect(tidDateText(480, 2014)).toBe('2014-01-01T08:00');
  });
});
