import { describe, expect, it } from 'vitest';
import { fail, ok, requireIntInRange, StsInputError, unwrapOrThrow } from '../../../../electron/sts/result';

describe('result values and StsInputError', () => {
  it('wraps values and errors', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(fail('amount', 'is bad.')).toEqual({ ok: false, error: { field: 'amount', message: 'is bad.' } });
  });

  it('turns a failure into a typed error carrying the field', () => {
    expect(unwrapOrThrow(ok('x'))).toBe('x');
    const thrown = (() => { try { unwrapOrThrow(fail('tid', 'is too large.')); } catch (e) { return e; } return null; })();
    expect(thrown).toBeInstanceOf(StsInputError);
    expect(thrown).toMatchObject({ field: 'tid', message: 'tid: is too large.', name: 'StsInputError' });
  });

  it('checks integer ranges', () => {
    expect(() => requireIntInRange('rnd', 15, 0, 15)).not.toThrow();
    expect(() => requireIntInRange('rnd', 16, 0, 15)).toThrow('rnd: must be a whole number from 0 to 15, got 16.');
    expect(() => requireIntInRange('rnd', Number.NaN, 0, 15)).toThrow(StsInputError);
  });
});
