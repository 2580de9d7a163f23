import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PROFILES, KeyParams, METER_TYPE_OF_KIND, meterNumberRule, meterTypesFor, PROFILE_KINDS, checkMeterNumber,
} from '../../../../shared/library';

describe('the built-in meter model profiles', () => {
  it('ship every kind of the seed, with unique ids', () => {
    expect(new Set(BUILT_IN_PROFILES.map((p) => p.id)).size).toBe(BUILT_IN_PROFILES.length);
    for (const kind of PROFILE_KINDS) expect(BUILT_IN_PROFILES.some((p) => p.kind === kind), kind).toBe(true);
  });

  it('mark manufacturer 58 Set Max Overdraft as not published, and the test meter test-only with a documented encoding', () => {
    for (const p of BUILT_IN_PROFILES.filter((x) => x.id.startsWith('m58-'))) {
      expect(p.encodings.setMaxOverdraft.status).toBe('not-published');
      expect(p.testOnly).toBe(false);
    }
    const test = BUILT_IN_PROFILES.find((p) => p.name === 'TokenTill test meter');
    expect(test?.testOnly).toBe(true);
    expect(test?.encodings.setMaxOverdraft).toMatchObject({ status: 'test-only', token: { tokenClass: 2, subclass: 10 }, receiptMark: 'TEST METER' });
    expect(test?.encodings.setMaxOverdraft.note).toMatch(/No real meter understands it/);
  });

  it('give STS profiles valid default keys (once an SGC is added) and solar kits none', () => {
    for (const p of BUILT_IN_PROFILES) {
      if (p.scheme === 'STS') {
        expect(KeyParams.safeParse({ ...p.defaultKeys, sgc: p.defaultKeys?.sgc ?? '123456' }).success, p.id).toBe(true);
        expect(p.serialPrefix).toBeNull();
      } else {
        expect(p.defaultKeys).toBeNull();
        expect(p.serialPrefix).not.toBeNull();
      }
    }
  });

  it('fix the meter type by kind, and let "other" choose within its scheme', () => {
    expect(METER_TYPE_OF_KIND['integrated-gas']).toBe('gas');
    const other = BUILT_IN_PROFILES.find((p) => p.id === 'other-sts');
    expect(other && meterTypesFor(other)).toEqual(['electricity', 'water', 'gas']);
  });

  it('check numbers by the manufacturer code and scheme of the profile', () => {
    const m58 = BUILT_IN_PROFILES.find((p) => p.id === 'm58-integrated-gas');
    const kit = BUILT_IN_PROFILES.find((p) => p.id === 'm58-home-solar-kit');
    if (!m58 || !kit) throw new Error('missing profiles');
    expect(checkMeterNumber('58000000354', meterNumberRule(m58)).ok).toBe(true);
    expect(checkMeterNumber('00000000000', meterNumberRule(m58)).ok).toBe(false);
    expect(checkMeterNumber('58009000181', meterNumberRule(kit)).ok).toBe(true);
  });
});

describe('key parameters', () => {
  const good = { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' };
  it('accepts a full set and refuses each field out of range with a sentence', () => {
    expect(KeyParams.safeParse(good).success).toBe(true);
    const bad = (patch: object) => KeyParams.safeParse({ ...good, ...patch }).error?.issues[0]?.message;
    expect(bad({ sgc: '12345' })).toBe('the supply group code (SGC) is exactly 6 digits');
    expect(bad({ krn: 0 })).toBe('the key revision number (KRN) is 1 to 9');
    expect(bad({ ti: 100 })).toBe('the tariff index (TI) is 0 to 99');
    expect(bad({ baseYear: 2000 })).toBe('the base date is 1993, 2014 or 2035');
    expect(bad({ algorithm: 'EA11' })).toBe('EA11 cannot be used with DKGA02; choose EA07 or EA09');
    expect(KeyParams.safeParse({ ...good, algorithm: 'EA11', dkga: 'DKGA04' }).success).toBe(true);
  });
});
