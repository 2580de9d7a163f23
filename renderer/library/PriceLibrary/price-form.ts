import type { CreatePriceInput, PriceRow, UpdatePriceInput } from '../../../shared/ipc/library-schemas';
import { DEFAULT_CATEGORY_ID } from '../../../shared/library/categories';
import { checkPriceForm, type PriceField, type PriceForm } from '../../../shared/library/price-rules';
import { formatAmountNumber } from '../../../shared/format/money';
import { formatPricePerUnit, formatRatePercent } from '../../../shared/money/decimal-text';

/**
 * The Price Library's New/Edit form as pure state. Its field errors come from the rules main applies on save
 * (shared/library/price-rules.ts), so a price that breaks them never leaves the dialog.
 */
export interface PriceFormState extends PriceForm {
  mode: 'new' | 'edit';
  id: string | null;
  version: number | null;
  active: boolean;
}

export type PriceFormErrors = Partial<Record<PriceField, string>>;

export function newPriceForm(defaultCurrency: string): PriceFormState {
  return {
    mode: 'new',
    id: null,
    version: null,
    active: true,
    name: '',
    meterType: 'electricity',
    categoryId: DEFAULT_CATEGORY_ID,
    pricePerUnit: '',
    currency: defaultCurrency,
    vatRate: '0',
    exciseRate: '0',
    taxMode: 'tax-inclusive',
    minPurchase: '0',
    maxPurchase: '',
  };
}

export function editPriceForm(price: PriceRow): PriceFormState {
  return {
    mode: 'edit',
    id: price.id,
    version: price.version,
    active: price.active,
    name: price.name,
    meterType: price.meterType,
    categoryId: price.categoryId,
    pricePerUnit: formatPricePerUnit(price.pricePerUnit),
    currency: price.currency,
    vatRate: formatRatePercent(price.vatBp),
    exciseRate: formatRatePercent(price.exciseBp),
    taxMode: price.taxMode,
    minPurchase: formatAmountNumber(price.minPurchase, price.currency),
    maxPurchase: price.maxPurchase === null ? '' : formatAmountNumber(price.maxPurchase, price.currency),
  };
}

export type PriceFormResult =
  | { ok: true; create: CreatePriceInput; update: UpdatePriceInput | null }
  | { ok: false; errors: PriceFormErrors };

export function checkPriceDialog(form: PriceFormState, categoryIds: readonly string[]): PriceFormResult {
  const checked = checkPriceForm(form, categoryIds);
  if (!checked.ok) return { ok: false, errors: { [checked.field]: checked.problem } };
  const fields: CreatePriceInput = {
    name: form.name,
    meterType: form.meterType,
    categoryId: form.categoryId,
    pricePerUnit: form.pricePerUnit,
    currency: form.currency,
    vatRate: form.vatRate,
    exciseRate: form.exciseRate,
    taxMode: form.taxMode,
    minPurchase: form.minPurchase,
    maxPurchase: form.maxPurchase,
  };
  const update = form.mode === 'edit' && form.id !== null && form.version !== null ? { ...fields, id: form.id, version: form.version, active: form.active } : null;
  return { ok: true, create: fields, update };
}
