import { describe, expect, it } from 'vitest';
import { CURRENCIES, currencyLabel, isIsoCurrency, minorDigits, resolveCurrency } from '../../../../shared/format/currencies';

describe('the ISO 4217 table', () => {
  it('has unique three-letter codes, sorted', () => {
    const codes = CURRENCIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
    expect([...codes].sort()).toEqual(codes);
  });

  it('knows the currencies of the seed and of prepaid-utility markets with their minor digits', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('CNY')).toBe(2);
    expect(minorDigits('NGN')).toBe(2);
    expect(minorDigits('KES')).toBe(2);
    expect(minorDigits('XOF')).toBe(0);
    expect(minorDigits('XAF')).toBe(0);
    expect(minorDigits('RWF')).toBe(0);
    expect(minorDigits('UGX')).toBe(0);
    expect(minorDigits('JOD')).toBe(3);
    expect(minorDigits('TND')).toBe(3);
  });

  it('leaves out fund, metal and test codes', () => {
    for (const code of ['XAU', 'XTS', 'XXX', 'USN', 'CLF', 'XDR']) expect(isIsoCurrency(code)).toBe(false);
  });
});

describe('resolveCurrency', () => {
  it('stores RMB as CNY and keeps RMB as the display name', () => {
    expect(resolveCurrency('RMB')).toEqual({ code: 'CNY', display: 'RMB' });
    expect(resolveCurrency('rmb')).toEqual({ code: 'CNY', display: 'RMB' });
  });

  it('accepts ISO codes in any case and refuses unknown names', () => {
    expect(resolveCurrency(' usd ')).toEqual({ code: 'USD', display: null });
    expect(resolveCurrency('DOLLAR')).toBeNull();
    expect(resolveCurrency('ZZZ')).toBeNull();
  });

  it('labels a currency with the site name when set', () => {
    expect(currencyLabel('CNY', { CNY: 'RMB' })).toBe('RMB');
    expect(currencyLabel('CNY')).toBe('CNY');
  });
});
