import { describe, expect, it } from 'vitest';
import { checkSetupForm, emptySetupForm, firstFieldInError, type SetupForm } from '../../../../../renderer/app/first-run/setup-form';

const GOOD: SetupForm = {
  ...emptySetupForm(),
  companyName: 'Stron Demo Utility',
  stationCode: 'ST01',
  stationName: 'Main Street',
  districtName: 'Central',
  adminUserId: '0000',
  adminName: 'Raymond',
  adminPassword: 'Admin#2026x',
  adminPasswordConfirm: 'Admin#2026x',
  vendPassword: 'Vend#2026xy',
  vendPasswordConfirm: 'Vend#2026xy',
};

describe('the first-run form', () => {
  it('starts with USD and UTC and no demo data', () => {
    expect(emptySetupForm()).toMatchObject({ defaultCurrency: 'USD', tidTimeZone: 'UTC', loadDemo: false });
  });

  it('turns a good form into the setup request the main side takes', () => {
    const checked = checkSetupForm({ ...GOOD, companyName: '  Stron  ', defaultCurrency: 'CNY', currencyDisplay: 'RMB', loadDemo: true });
    expect(checked).toEqual({
      ok: true,
      input: {
        companyName: 'Stron',
        stationCode: 'ST01',
        stationName: 'Main Street',
        districtName: 'Central',
        defaultCurrency: 'CNY',
        currencyDisplay: 'RMB',
        adminUserId: '0000',
        adminName: 'Raymond',
        adminPassword: 'Admin#2026x',
        vendPassword: 'Vend#2026xy',
        tidTimeZone: 'UTC',
        loadDemo: true,
      },
    });
  });

  it('names every field in error, and the summary names the first in the order of the form', () => {
    const checked = checkSetupForm({ ...emptySetupForm(), stationCode: 'ST 01', adminPasswordConfirm: 'x' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.summary).toBe('Company name: Fill in the company name.');
    expect(checked.errors.stationCode).toBe('Use 1 to 12 letters, numbers or dashes.');
    expect(checked.errors.stationName).toBe('Fill in the station name.');
    expect(checked.errors.adminPassword).toBe('Fill in the login password.');
    expect(checked.errors.adminPasswordConfirm).toBe('The two login passwords are not the same.');
    expect(checked.errors.defaultCurrency).toBeUndefined();
    expect(firstFieldInError(checked.errors)).toBe('companyName');
  });

  it('applies the password policy to both passwords, and they must differ', () => {
    const weak = checkSetupForm({ ...GOOD, adminPassword: 'admin2026', adminPasswordConfirm: 'admin2026' });
    expect(weak).toMatchObject({ ok: false, summary: 'Login password: The password must contain at least one special symbol, such as # or !.' });
    const same = checkSetupForm({ ...GOOD, vendPassword: GOOD.adminPassword, vendPasswordConfirm: GOOD.adminPassword });
    expect(same).toMatchObject({ ok: false, summary: 'Transaction (vend) password: It must differ from the login password.' });
    const vendor = checkSetupForm({ ...GOOD, vendPassword: '123456', vendPasswordConfirm: '123456' });
    expect(vendor).toMatchObject({ ok: false, errors: { vendPassword: 'This password is too common. Choose another one.' } });
    const mismatch = checkSetupForm({ ...GOOD, vendPasswordConfirm: 'Vend#2026xz' });
    expect(mismatch).toMatchObject({ ok: false, summary: 'Confirm transaction password: The two transaction passwords are not the same.' });
  });

  it('refuses a currency outside ISO 4217, an unknown time zone, and a long display name', () => {
    expect(checkSetupForm({ ...GOOD, defaultCurrency: 'RMB' })).toMatchObject({ ok: false, errors: { defaultCurrency: 'Choose a currency from the ISO 4217 list.' } });
    expect(checkSetupForm({ ...GOOD, tidTimeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, errors: { tidTimeZone: expect.stringContaining('IANA') } });
    expect(checkSetupForm({ ...GOOD, currencyDisplay: 'RENMINBI1' })).toMatchObject({ ok: false, errors: { currencyDisplay: 'Use at most 8 characters.' } });
  });

  it('keeps a Chinese company and admin name as typed', () => {
    const checked = checkSetupForm({ ...GOOD, companyName: '湖南电力', adminName: '员工' });
    expect(checked).toMatchObject({ ok: true, input: { companyName: '湖南电力', adminName: '员工' } });
  });
});
