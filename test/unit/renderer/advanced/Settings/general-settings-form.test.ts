import { describe, expect, it } from 'vitest';
import { defaultSection } from '../../../../../shared/config/settings';
import { checkGeneralForm, generalFormOf } from '../../../../../renderer/advanced/Settings/general-settings-form';

const stored = { ...defaultSection('general'), clockToleranceMinutes: 9 };

describe('the General settings form', () => {
  it('round-trips the stored section and keeps the fields it does not show', () => {
    const checked = checkGeneralForm(generalFormOf(stored), stored);
    expect(checked).toEqual({ ok: true, value: stored });
  });

  it('turns typed text into the section value', () => {
    const form = { ...generalFormOf(stored), idleTimeoutMinutes: ' 30 ', perVendCeiling: '750.50', paymentTypes: [' Cash ', 'Mobile money'], dateFormat: 'iso' as const, tidTimeZone: 'Africa/Lagos' };
    expect(checkGeneralForm(form, stored)).toEqual({
      ok: true,
      value: { ...stored, idleTimeoutMinutes: 30, perVendCeiling: '750.50', paymentTypes: ['Cash', 'Mobile money'], dateFormat: 'iso', tidTimeZone: 'Africa/Lagos' },
    });
  });

  it('names each field in error', () => {
    const form = { ...generalFormOf(stored), idleTimeoutMinutes: '0', tidTimeZone: 'Nowhere/Land', perVendCeiling: '12,5', paymentTypes: ['Cash', '', 'cash'] };
    const checked = checkGeneralForm(form, stored);
    expect(checked).toMatchObject({
      ok: false,
      summary: 'Lock after idle (minutes): Use a whole number of minutes from 1 to 240.',
      errors: {
        idleTimeoutMinutes: 'Use a whole number of minutes from 1 to 240.',
        tidTimeZone: 'Choose a time zone from the list.',
        perVendCeiling: 'Use an amount such as 500 or 500.00.',
        'paymentTypes.1': 'Type a name, or remove this payment type.',
        'paymentTypes.2': '"cash" is already in the list.',
      },
    });
  });

  it('refuses a ceiling of zero, more than 240 minutes, and an empty payment list', () => {
    expect(checkGeneralForm({ ...generalFormOf(stored), perVendCeiling: '0.00' }, stored)).toMatchObject({ ok: false, errors: { perVendCeiling: 'It must be more than 0.' } });
    expect(checkGeneralForm({ ...generalFormOf(stored), idleTimeoutMinutes: '241' }, stored)).toMatchObject({ ok: false });
    expect(checkGeneralForm({ ...generalFormOf(stored), paymentTypes: [] }, stored)).toMatchObject({ ok: false, summary: 'Payment types: Keep at least one payment type.' });
  });
});
