import { describe, expect, it } from 'vitest';
import { dayStart, NO_FILTERS, searchRequest, tidDateText } from '../../../../renderer/top-up/Record/record-search';

describe('the Record search', () => {
  it('sends only the fields typed, the token without spaces', () => {
    expect(searchRequest({ ...NO_FILTERS, meterNo: ' 58000000065 ', token: '1234 5678' }, '')).toEqual({ ok: true, request: { meterNo: '58000000065', token: '12345678' } });
    expect(searchRequest(NO_FILTERS, '')).toEqual({ ok: true, request: {} });
  });

  it("reads the grid's key word as token digits, or else as a customer no.", () => {
    expect(searchRequest(NO_FILTERS, '4821 0937')).toEqual({ ok: true, request: { token: '48210937' } });
    expect(searchRequest(NO_FILTERS, 'C-0001')).toEqual({ ok: true, request: { customerNo: 'C-0001' } });
  });

  it('names the field that is wrong', () => {
    expect(searchRequest({ ...NO_FILTERS, token: '12ab' }, '')).toMatchObject({ ok: false, field: 'token' });
    expect(searchRequest({ ...NO_FILTERS, from: '2026-02-30' }, '')).toMatchObject({ ok: false, field: 'from' });
    expect(searchRequest({ ...NO_FILTERS, from: '2026-05-02', to: '2026-05-01' }, '')).toMatchObject({ ok: false, field: 'to' });
  });

  it('takes whole local days: To includes its day', () => {
    const result = searchRequest({ ...NO_FILTERS, from: '2026-05-01', to: '2026-05-01' }, '');
    expect(result).toEqual({ ok: true, request: { from: dayStart('2026-05-01'), to: dayStart('2026-05-02') } });
    expect(new Date(dayStart('2026-05-02') ?? '').getTime() - new Date(dayStart('2026-05-01') ?? '').getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
  });

  it('shows the TID minute as date and time', () => {
    expect(tidDateText('2026-05-01T08:00')).toBe('2026-05-01 08:00');
    expect(tidDateText(null)).toBe('');
  });
});
