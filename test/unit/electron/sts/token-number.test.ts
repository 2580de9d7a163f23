import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTokenForDisplay, formatTokenNumber, insertClassBits, MAX_TOKEN_NUMBER, parseTokenNumber, removeClassBits,
  tokenNumberFromHalves, type TokenClass,
} from '../../../../electron/sts/token-number';

const block64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const tokenClass = fc.constantFrom<TokenClass>(0, 1, 2, 3);

describe('class-bit transposition (sts-spec 1.1)', () => {
  it('reproduces the IEC sample: C45ED1619406DF95, class 0 -> 2C45ED1618406DF95 = 51043465443420856213', () => {
    const token = insertClassBits(0xc45ed1619406df95n, 0);
    expect(token).toBe(0x2c45ed1618406df95n);
    expect(formatTokenNumber(token)).toBe('51043465443420856213');
  });

  it('moves bits 28 and 27 to 65 and 64 and puts the class MSB at 28', () => {
    expect(insertClassBits(1n << 28n, 0)).toBe(1n << 65n);
    expect(insertClassBits(1n << 27n, 0)).toBe(1n << 64n);
    expect(insertClassBits(0n, 2)).toBe(1n << 28n);
    expect(insertClassBits(0n, 1)).toBe(1n << 27n);
  });

  it('round-trips every block and class (property)', () => {
    fc.assert(fc.property(block64, tokenClass, (block, cls) => {
      const token = insertClassBits(block, cls);
      expect(token).toBeLessThanOrEqual(MAX_TOKEN_NUMBER);
      expect(removeClassBits(token)).toEqual({ tokenClass: cls, block });
    }));
  });

  it('insert undoes remove for every 66-bit value (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: MAX_TOKEN_NUMBER }), (token) => {
      const { tokenClass: cls, block } = removeClassBits(token);
      expect(insertClassBits(block, cls)).toBe(token);
    }));
  });

  it('the halves fast path equals the BigInt path (property)', () => {
    fc.assert(fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), tokenClass, (hi, lo, cls) => {
      expect(tokenNumberFromHalves(hi, lo, cls)).toBe(insertClassBits((BigInt(hi) << 32n) | BigInt(lo), cls));
    }));
  });
});

describe('20-digit format and parse', () => {
  it('zero-pads to 20 digits and groups by four for display', () => {
    expect(formatTokenNumber(1n)).toBe('00000000000000000001');
    expect(formatTokenForDisplay(67540125520408448957n)).toBe('6754 0125 5204 0844 8957');
    expect(formatTokenForDisplay('02305843005052951967', '-')).toBe('0230-5843-0050-5295-1967');
  });

  it('accepts spaces and dashes', () => {
    expect(parseTokenNumber('6754 0125 5204 0844 8957')).toEqual({ ok: true, value: 67540125520408448957n });
    expect(parseTokenNumber('6754-0125-5204-0844-8957')).toEqual({ ok: true, value: 67540125520408448957n });
    expect(parseTokenNumber('00000000000000000000')).toEqual({ ok: true, value: 0n });
  });

  it('names the problem for anything else', () => {
    const letter = parseTokenNumber('6754 0125 5204 0844 895O');
    expect(letter).toMatchObject({ ok: false, error: { field: 'token' } });
    if (!letter.ok) expect(letter.error.message).toContain('"O"');
    const short = parseTokenNumber('6754012552040844895', 'tok');
    expect(short).toMatchObject({ ok: false, error: { field: 'tok' } });
    if (!short.ok) expect(short.error.message).toContain('19 digits');
    expect(parseTokenNumber('6754.0125.5204.0844.8957').ok).toBe(false);
    const tooBig = parseTokenNumber('99999999999999999999');
    expect(tooBig.ok).toBe(false);
    if (!tooBig.ok) expect(tooBig.error.message).toContain('73786976294838206463');
  });

  it('parses the largest 66-bit value and refuses one more', () => {
    expect(parseTokenNumber('73786976294838206463')).toEqual({ ok: true, value: MAX_TOKEN_NUMBER });
    expect(parseTokenNumber('73786976294838206464').ok).toBe(false);
  });

  it('format and parse round-trip (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: MAX_TOKEN_NUMBER }), (token) => {
      expect(parseTokenNumber(formatTokenForDisplay(token))).toEqual({ ok: true, value: token });
    }));
  });

  it('refuses values outside 66 bits and classes outside 0-3', () => {
    expect(() => formatTokenNumber(MAX_TOKEN_NUMBER + 1n)).toThrow(/66-bit/);
    expect(() => insertClassBits(1n << 64n, 0)).toThrow(/64-bit/);
    expect(() => insertClassBits(0n, 4 as TokenClass)).toThrow(/tokenClass/);
  });
});
