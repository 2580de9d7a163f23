import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, isKnownTimeZone } from '../../../../shared/format/dates';

const SEED_SALE = new Date('2020-04-13T17:52:36Z');

describe('dates in the seed style', () => {
  it('shows the seed receipt date and time exactly', () => {
    expect(formatDateTime(SEED_SALE, { timeZone: 'UTC' })).toBe('2020/4/13 17:52:36');
    expect(formatDate(SEED_SALE, { timeZone: 'UTC' })).toBe('2020/4/13');
    expect(formatTime(SEED_SALE, { timeZone: 'UTC' })).toBe('17:52:36');
  });

  it('pads the time but not the date, and uses a 24-hour clock from 00', () => {
    expect(formatDateTime('2020-06-05T00:03:04Z', { timeZone: 'UTC' })).toBe('2020/6/5 00:03:04');
    expect(formatDateTime('2020-12-31T23:59:59Z', { timeZone: 'UTC' })).toBe('2020/12/31 23:59:59');
  });

  it('shows the moment in the given time zone', () => {
    expect(formatDateTime(SEED_SALE, { timeZone: 'Asia/Shanghai' })).toBe('2020/4/14 01:52:36');
    expect(formatDateTime(SEED_SALE, { timeZone: 'America/New_York' })).toBe('2020/4/13 13:52:36');
  });

  it('accepts ISO strings and epoch milliseconds, and refuses invalid dates', () => {
    expect(formatDateTime('2020-04-13T17:52:36.000Z', { timeZone: 'UTC' })).toBe('2020/4/13 17:52:36');
    expect(formatDateTime(SEED_SALE.getTime(), { timeZone: 'UTC' })).toBe('2020/4/13 17:52:36');
    expect(() => formatDateTime('yesterday')).toThrow(RangeError);
  });
});

describe('other date styles', () => {
  it('iso is zero-padded and sortable', () => {
    expect(formatDateTime('2020-06-05T07:03:04Z', { style: 'iso', timeZone: 'UTC' })).toBe('2020-06-05 07:03:04');
    expect(formatDate('2020-06-05T07:03:04Z', { style: 'iso', timeZone: 'UTC' })).toBe('2020-06-05');
  });

  it('locale follows the locale given', () => {
    const british = formatDateTime(SEED_SALE, { style: 'locale', locale: 'en-GB', timeZone: 'UTC' });
    expect(british).toContain('13 Apr 2020');
    expect(british).toContain('17:52:36');
    expect(formatDate(SEED_SALE, { style: 'locale', locale: 'zh-CN', timeZone: 'UTC' })).toContain('2020');
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA names and refuses others', () => {
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Africa/Lagos')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
