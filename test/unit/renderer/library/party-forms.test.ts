import { describe, expect, it } from 'vitest';
import type { AccountRow, CustomerRow, StationRow } from '../../../../shared/ipc/parties-schemas';
import { checkAccountDialog, editAccountForm, maxOverdraftText, newAccountForm } from '../../../../renderer/library/AccountLibrary/account-form';
import { checkCustomerDialog, editCustomerForm, newCustomerForm } from '../../../../renderer/library/CustomerLibrary/customer-form';
import { checkDistrictDialog, newDistrictForm } from '../../../../renderer/library/DistrictLibrary/district-form';
import { checkStationDialog, editStationForm } from '../../../../renderer/library/StationLibrary/station-form';

const CUSTOMER: CustomerRow = {
  id: 'c1', customerNo: '0001', name: 'Lili', address: '', phone: '', email: '', identityNo: '', categoryId: 'residential', categoryName: 'Residential',
  districtId: 'd1', districtCode: 'D01', districtName: 'Central', active: true, version: 3, updatedAt: '2026-05-01T08:00:00.000Z',
};

describe('the L2 dialogs check with the rules main applies', () => {
  it('district: a new form needs a code; a good one becomes a create request', () => {
    expect(checkDistrictDialog(newDistrictForm())).toEqual({ ok: false, errors: { code: 'Type the district code, such as D02.' } });
    expect(checkDistrictDialog({ ...newDistrictForm(), code: 'D02', name: 'North' })).toEqual({ ok: true, create: { code: 'D02', name: 'North', description: '' }, update: null });
  });

  it('customer: an edit carries its id, version and active flag; the district comes from the picker', () => {
    const form = editCustomerForm(CUSTOMER);
    expect(form.districtLabel).toBe('D01 Central');
    const checked = checkCustomerDialog({ ...form, name: 'Lili Moyo', active: false }, ['residential']);
    expect(checked).toMatchObject({ ok: true, update: { id: 'c1', version: 3, active: false, name: 'Lili Moyo', customerNo: '0001' } });
    expect(checkCustomerDialog(newCustomerForm(), ['residential'])).toMatchObject({ ok: false, errors: { customerNo: expect.any(String) } });
    expect(checkCustomerDialog({ ...newCustomerForm(), customerNo: '0009', name: 'Ruth' }, ['residential'])).toEqual({
      ok: false,
      errors: { districtId: 'Choose the district the customer lives in.' },
    });
  });

  it('station: this terminal\'s station is marked in the form', () => {
    const row: StationRow = { id: 's1', code: 'ST01', name: 'Main Street', districtId: 'd1', districtCode: 'D01', districtName: 'Central', address: '', phone: '', thisTerminal: true, active: true, version: 1, updatedAt: '' };
    const form = editStationForm(row);
    expect([form.thisTerminal, form.districtLabel]).toEqual([true, 'D01 Central']);
    expect(checkStationDialog({ ...form, phone: '+255 700' })).toMatchObject({ ok: true, update: { id: 's1', phone: '+255 700' } });
  });

  it('account: a new one starts at this terminal\'s station; each choice is required; max overdraft is shown in the unit', () => {
    const form = newAccountForm({ id: 's1', code: 'ST01', name: 'Main Street' });
    expect([form.salesStationId, form.salesStationLabel]).toEqual(['s1', 'ST01 Main Street']);
    expect(checkAccountDialog({ ...form, accountNo: '0011' })).toEqual({ ok: false, errors: { customerId: 'Choose the customer: search by customer number or name.' } });
    expect(checkAccountDialog({ ...form, accountNo: '0011', customerId: 'c1', meterId: 'm1', priceId: 'p1' })).toEqual({
      ok: true,
      create: { accountNo: '0011', customerId: 'c1', meterId: 'm1', salesStationId: 's1', priceId: 'p1' },
      update: null,
    });
    const row = { id: 'a1', accountNo: '0001', customerId: 'c1', customerNo: '0001', customerName: 'Lili', customerActive: true, meterId: 'm1', meterNo: '58000000065', meterType: 'electricity', meterActive: true, salesStationId: 's1', salesStationCode: 'ST01', salesStationName: 'Main Street', priceId: 'p1', priceName: '1 USD, 13 %', pricePerUnit: 10_000, currency: 'USD', priceActive: true, maxOverdraftTenths: 100, listed: true, active: true, version: 2, updatedAt: '' } satisfies AccountRow;
    const edit = editAccountForm(row);
    expect([edit.customerLabel, edit.savedPriceId, maxOverdraftText(edit.maxOverdraftTenths, edit.meterType)]).toEqual(['0001 Lili', 'p1', '10.0 kWh']);
    expect(maxOverdraftText(null, 'water')).toBe('Not set yet (a Set Max Overdraft token sets it)');
  });
});
