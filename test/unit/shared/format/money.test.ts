import { describe, expect, it } from 'vitest';
import { formatAmount, formatAmountNumber, parseAmount } from '../../../../shared/format/money';

describe('formatAmount', () => {
  it('shows the currency minor digits from ISO 4217', () => {
    expect(formatAmount(1000, 'USD')).toBe('10.00 USD');
    expect(formatAmount(113, 'USD')).toBe('1.13 USD');
    expect(formatAmount(5, 'USD')).toBe('0.05 USD');
    expect(formatAmount(0, 'USD')).toBe('0.00 USD');
    expect(formatAmount(1000, 'JPY')).toBe('1000 JPY');
    expect(formatAmount(1000, 'UGX')).toBe('1000 UGX');
    expect(formatAmount(1000, 'KWD')).toBe('1.000 KWD');
    expect(formatAmount(7, 'BHD')).toBe('0.007 BHD');
  });

  it('shows negative amounts with a leading minus', () => {
    expect(formatAmount(-1050, 'EUR')).toBe('-10.50 EUR');
    expect(formatAmount(-5, 'USD')).toBe('-0.05 USD');
  });

  it('uses the site name of a currency when it has one (CNY stored, RMB shown)', () => {
    expect(formatAmount(100, 'CNY')).toBe('1.00 CNY');
    expect(formatAmount(100, 'CNY', { display: { CNY: 'RMB' } })).toBe('1.00 RMB');
    expect(formatAmount(100, 'USD', { display: { CNY: 'RMB' } })).toBe('1.00 USD');
    expect(formatAmount(100, 'CNY', { display: { CNY: '  ' } })).toBe('1.00 CNY');
  });

  it('groups thousands only when asked', () => {
    expect(formatAmountNumber(123456789, 'USD')).toBe('1234567.89');
    expect(formatAmountNumber(123456789, 'USD', { groupThousands: true })).toBe('1,234,567.89');
    expect(formatAmountNumber(100000, 'JPY', { groupThousands: true })).toBe('100,000');
  });

  it('is exact beyond float precision with bigint amounts', () => {
    expect(formatAmountNumber(12345678901234567890n, 'USD')).toBe('123456789012345678.90');
  });

  it('refuses amounts that are not integer minor units', () => {
    expect(() => formatAmount(10.5, 'USD')).toThrow(RangeError);
    expect(() => formatAmount(Number.MAX_SAFE_INTEGER + 2, 'USD')).toThrow(RangeError);
  });
});

describe('parseAmount', () => {
  it('reads typed amounts into minor units', () => {
    expect(parseAmount('10', 'USD')).toEqual({ ok: true, minor: 1000n });
    expect(parseAmount('10.5', 'USD')).toEqual({ ok: true, minor: 1050n });
    expect(parseAmount(' 1,000.05 ', 'USD')).toEqual({ ok: true, minor: 100005n });
    expect(parseAmount('10.', 'USD')).toEqual({ ok: true, minor: 1000n });
    expect(parseAmount('500', 'JPY')).toEqual({ ok: true, minor: 500n });
    expect(parseAmount('1.234', 'KWD')).toEqual({ ok: true, minor: 1234n });
  });

  it('refuses more decimals than the currency has, signs and other characters', () => {
    expect(parseAmount('10.555', 'USD')).toMatchObject({ ok: false, problem: expect.stringContaining('2 decimals') });
    expect(parseAmount('1.5', 'JPY')).toMatchObject({ ok: false, problem: expect.stringContaining('no decimals') });
    expect(parseAmount('-5', 'USD').ok).toBe(false);
    expect(parseAmount('1e3', 'USD').ok).toBe(false);
    expect(parseAmount('', 'USD').ok).toBe(false);
    expect(parseAmount('.5', 'USD').ok).toBe(false);
  });

  it('round-trips with formatAmountNumber', () => {
    for (const [minor, currency] of [[0, 'USD'], [1, 'USD'], [99999, 'USD'], [7, 'KWD'], [123, 'JPY']] as const) {
      const parsed = parseAmount(formatAmountNumber(minor, currency), currency);
      expect(parsed).toEqual({ ok: true, minor: BigInt(minor) });
    }
  });
});
