import { describe, expect, it } from 'vitest';
import type { MeterDetail, ProfileInfo } from '../../../../shared/ipc/library-schemas';
import { BUILT_IN_PROFILES } from '../../../../shared/library/meter-profiles';
import {
  checkMeterForm, checkRangeForm, editMeterForm, newMeterForm, newRangeForm, profilesForType, rangePreview, readKeyFields, withMeterType, withProfile,
} from '../../../../renderer/library/MeterLibrary/meter-form';

const PROFILES: ProfileInfo[] = BUILT_IN_PROFILES.map((p) => ({ ...p, managementTokens: [...p.managementTokens], active: true }));

describe('the meter form', () => {
  it('starts a new meter with the first model of its type and that model defaults, SGC to be typed', () => {
    const form = newMeterForm(PROFILES);
    expect(form.profileId).toBe('m58-integrated-single-phase-electricity');
    expect(form.keys).toEqual({ sgc: '', ti: '1', krn: '1', keyType: '2', algorithm: 'EA07', baseYear: '2014', dkga: 'DKGA02' });
    const gas = withMeterType(form, 'gas', PROFILES);
    expect(profilesForType(PROFILES, 'gas').map((p) => p.id)).toContain(gas.profileId);
    const test = withProfile({ ...form, keys: { ...form.keys, sgc: '' } }, 'tokentill-test-meter', PROFILES);
    expect(test.keys.sgc).toBe('123456');
    const kit = withMeterType(form, 'solar-kit', PROFILES);
    expect(PROFILES.find((p) => p.id === kit.profileId)?.scheme).toBe('OpenPAYGO');
  });

  it('shows field errors from the same rules main applies, and builds the request when they pass', () => {
    const form = { ...newMeterForm(PROFILES), meterNo: '58000000017', keys: { ...newMeterForm(PROFILES).keys, sgc: '12a', krn: '12' } };
    const bad = checkMeterForm(form, PROFILES);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.meterNo).toMatch(/fails its check digit \(the last digit should be 6\)/);
      expect(bad.errors.sgc).toBe('The supply group code (SGC) is exactly 6 digits.');
      expect(bad.errors.krn).toBe('The key revision number (KRN) is 1 to 9.');
    }
    const good = checkMeterForm({ ...form, meterNo: '5800 0000 016', keys: { ...form.keys, sgc: '600100', krn: '1' } }, PROFILES);
    expect(good).toEqual({
      ok: true,
      create: { meterNo: '58000000016', meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', keys: { sgc: '600100', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' }, kit: null },
      update: null,
    });
    expect(readKeyFields({ ...form.keys, sgc: '600100', algorithm: 'EA11' })).toMatchObject({ ok: false, errors: { algorithm: 'EA11 cannot be used with DKGA02; choose EA07 or EA09.' } });
  });

  it('edits what the meter must move to: the fields start from pending, else current', () => {
    const keys = { sgc: '123456', ti: 1, krn: 1, keyType: 2 as const, algorithm: 'EA07' as const, baseYear: 2014 as const, dkga: 'DKGA02' as const };
    const detail: MeterDetail = {
      id: 'm1', meterNo: '58000000065', meterType: 'electricity', profileId: 'm58-integrated-single-phase-electricity', profileName: 'x', scheme: 'STS',
      keys, pendingKeys: { ...keys, krn: 2 }, kit: null, active: true, version: 4, updatedAt: '', hasTokens: true, lastTids: [{ baseYear: 2014, tid: 5 }],
    };
    const form = editMeterForm(detail);
    expect([form.keys.krn, form.hasTokens, form.currentKeys?.krn]).toEqual(['2', true, 1]);
    const checked = checkMeterForm({ ...form, keys: { ...form.keys, krn: '3' } }, PROFILES);
    expect(checked.ok && checked.update).toMatchObject({ id: 'm1', version: 4, keys: { krn: 3 }, active: true });
  });

  it('checks a kit secret and starting code, and keeps the stored secret when none is typed', () => {
    const kit = { ...withMeterType(newMeterForm(PROFILES), 'solar-kit', PROFILES), meterNo: '58009000181' };
    const bad = checkMeterForm({ ...kit, kitSecret: 'xyz', kitStartingCode: '123' }, PROFILES);
    expect(bad.ok || bad.errors).toEqual({ kitSecret: 'The OpenPAYGO secret is 32 hexadecimal digits (0-9, a-f).', kitStartingCode: 'The starting code is 9 digits.' });
    const good = checkMeterForm({ ...kit, kitStartingCode: '516959010', kitCount: '1' }, PROFILES);
    expect(good.ok && good.create.kit).toEqual({ secret: null, startingCode: '516959010', count: 1 });
  });
});

describe('the batch range form', () => {
  it('shows the count as it is typed, and refuses a range the model does not take', () => {
    const form = { ...newRangeForm(PROFILES), first: '5800000001', last: '5800000010', keys: { ...newRangeForm(PROFILES).keys, sgc: '600100' } };
    expect(rangePreview(form, PROFILES)).toMatchObject({ ok: true, count: 10 });
    const checked = checkRangeForm(form, PROFILES);
    expect(checked).toMatchObject({ ok: true, count: 10, input: { first: '5800000001', last: '5800000010', dryRun: true, skipExisting: false } });
    const wrong = checkRangeForm({ ...form, last: '4700000010' }, PROFILES);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.errors.last).toMatch(/same number of digits|manufacturer code 58/);
  });
});
