import { describe, expect, it } from 'vitest';
import { checkAccountForm, checkCustomerForm, checkDistrictForm, checkStationForm, tidyText } from '../../../../shared/library/party-rules';

const CUSTOMER = { customerNo: '0001', name: 'Lili', address: '', phone: '', email: '', identityNo: '', categoryId: 'residential', districtId: 'd1' };
const CATEGORIES = ['residential', 'commercial'];

describe('customer rules', () => {
  it('keeps leading zeros and tidies the text fields', () => {
    expect(checkCustomerForm({ ...CUSTOMER, customerNo: ' 0001 ', name: '  Lili   Moyo ', phone: ' +255  712 ' }, CATEGORIES)).toEqual({
      ok: true,
      value: { ...CUSTOMER, customerNo: '0001', name: 'Lili Moyo', phone: '+255 712' },
    });
  });

  it('names the first field at fault with a sentence', () => {
    const problem = (patch: Partial<typeof CUSTOMER>) => {
      const result = checkCustomerForm({ ...CUSTOMER, ...patch }, CATEGORIES);
      return result.ok ? null : [result.field, result.problem];
    };
    expect(problem({ customerNo: '' })).toEqual(['customerNo', 'Type the customer number, such as 0001.']);
    expect(problem({ customerNo: '00 01' })?.[0]).toBe('customerNo');
    expect(problem({ customerNo: 'x'.repeat(21) })?.[0]).toBe('customerNo');
    expect(problem({ name: '   ' })).toEqual(['name', "Type the customer's name."]);
    expect(problem({ name: 'n'.repeat(81) })?.[0]).toBe('name');
    expect(problem({ email: 'lili@' })?.[0]).toBe('email');
    expect(problem({ email: 'lili@example.com' })).toBeNull();
    expect(problem({ categoryId: 'martian' })?.[0]).toBe('categoryId');
    expect(problem({ districtId: '' })?.[0]).toBe('districtId');
    expect(problem({ address: 'a'.repeat(201) })?.[0]).toBe('address');
  });
});

describe('district, station and account rules', () => {
  it('checks codes like setup checks a station code', () => {
    expect(checkDistrictForm({ code: 'D02', name: 'North', description: '' })).toMatchObject({ ok: true });
    expect(checkDistrictForm({ code: 'D 02', name: 'North', description: '' })).toMatchObject({ ok: false, field: 'code' });
    expect(checkDistrictForm({ code: 'D02', name: '', description: '' })).toMatchObject({ ok: false, field: 'name' });
    expect(checkStationForm({ code: 'ST-02', name: 'North Gate', districtId: 'd1', address: '', phone: '' })).toMatchObject({ ok: true });
    expect(checkStationForm({ code: 'ST0000000000X', name: 'North Gate', districtId: 'd1', address: '', phone: '' })).toMatchObject({ ok: false, field: 'code' });
    expect(checkStationForm({ code: 'ST02', name: 'North Gate', districtId: '', address: '', phone: '' })).toMatchObject({ ok: false, field: 'districtId' });
  });

  it('needs every choice of an account', () => {
    const account = { accountNo: '0001', customerId: 'c', meterId: 'm', salesStationId: 's', priceId: 'p' };
    expect(checkAccountForm(account)).toEqual({ ok: true, value: account });
    for (const field of ['accountNo', 'customerId', 'meterId', 'salesStationId', 'priceId'] as const) {
      expect(checkAccountForm({ ...account, [field]: ' ' })).toMatchObject({ ok: false, field });
    }
  });

  it('folds white space', () => {
    expect(tidyText('  a \t b\n c ')).toBe('a b c');
  });
});
