import { describe, expect, it } from 'vitest';
import type { PriceRow } from '../../../../shared/ipc/library-schemas';
import { checkPriceDialog, editPriceForm, newPriceForm } from '../../../../renderer/library/PriceLibrary/price-form';

const CATEGORIES = ['residential', 'commercial'];

describe('the price form', () => {
  it('starts tax-inclusive in the default currency', () => {
    expect(newPriceForm('CNY')).toMatchObject({ mode: 'new', currency: 'CNY', taxMode: 'tax-inclusive', vatRate: '0', categoryId: 'residential' });
  });

  it('names the field at fault, one at a time', () => {
    const form = { ...newPriceForm('USD'), name: '1 USD, 13 %', pricePerUnit: '1.00005' };
    expect(checkPriceDialog(form, CATEGORIES)).toEqual({ ok: false, errors: { pricePerUnit: 'A price has at most 4 decimals.' } });
    expect(checkPriceDialog({ ...form, pricePerUnit: '1', maxPurchase: '0.001' }, CATEGORIES)).toEqual({ ok: false, errors: { maxPurchase: 'USD has 2 decimals: type at most 2 after the point.' } });
    expect(checkPriceDialog({ ...form, pricePerUnit: '1', taxMode: 'vendor-compatible', vatRate: '99.99', exciseRate: '0.01' }, CATEGORIES)).toMatchObject({ ok: false, errors: { exciseRate: expect.stringContaining('below 100 %') } });
  });

  it('shows a stored price as the operator typed it and sends the edit on its version', () => {
    const row: PriceRow = {
      id: 'p1', name: '1 CNY, 0.1 %', meterType: 'electricity', categoryId: 'residential', categoryName: 'Residential', pricePerUnit: 12_345, currency: 'CNY',
      vatBp: 10, exciseBp: 250, taxMode: 'vendor-compatible', minPurchase: 500, maxPurchase: 500_050, active: true, version: 3, updatedAt: '',
    };
    const form = editPriceForm(row);
    expect([form.pricePerUnit, form.vatRate, form.exciseRate, form.minPurchase, form.maxPurchase]).toEqual(['1.2345', '0.1', '2.5', '5.00', '5000.50']);
    const checked = checkPriceDialog({ ...form, vatRate: '0.2' }, CATEGORIES);
    expect(checked.ok && checked.update).toMatchObject({ id: 'p1', version: 3, vatRate: '0.2', pricePerUnit: '1.2345', active: true });
  });
});
